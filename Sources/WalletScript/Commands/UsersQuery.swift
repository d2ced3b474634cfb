import WalletCore

/// `users`: every user.
struct UsersQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 170, name: "users", usage: "users", summary: "every user",
                                  examples: ["users"], parse: { (_) throws(Diagnostic) in UsersQuery() })

    func run(in session: inout Session) throws(WalletError) -> Output {
        let world = session.world
        guard !world.users.isEmpty else { return .one(TextLines(["no users yet"])) }
        return .one(TextLines(world.users.map { user in
            let state = !user.signedUp ? "pending SMS" : (user.verified ? "verified" : (user.lapsed ? "lapsed" : "unverified"))
            let pass = user.version == .international ? ", TourPass \(user.pass.state.rawValue)" : ""
            return "\(user.name)  \(user.phone)  \(user.version.label)  \(state)\(pass)"
        }))
    }
}
