import WalletCore

/// `password NNNNNN`: change the payment password.
struct PasswordCommand: Command {
    let password: String

    static let spec = CommandSpec(
        rank: 50, name: "password", usage: "password NNNNNN", summary: "change the 6-digit payment password",
        examples: ["password 654321"], exampleSetup: ["user alice", "card visa"])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> PasswordCommand { PasswordCommand(password: try r.password(r.positional("the new 6-digit password"))) }

    var isAttempt: Bool { true }
    var statementText: String? { "password ••••••" }

    func run(in session: inout Session) throws(WalletError) -> Output {
        try session.world.changePassword(user: try session.requireUser(), to: password)
        return .one(Changed())
    }

    struct Changed: InfoLine {
        var text: String { "payment password changed" }
    }
}

extension PasswordCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "password",
        effects: [Effect(writes: [.password], reads: [.registration, .password, .clock])],
        answers: MoveSource.signUpNeeded.union([.payPasswordLocked]),
        offer: { c, moves in
            guard let user = c.user else { moves.append("password 654321"); return }
            if let until = user.payLockedUntil, c.world.now < until { moves.append("password 654321") }
        })
}
