import WalletCore

/// `reactivate`: an expired TourPass starts again at its next top-up.
struct ReactivateCommand: Command {
    static let spec = CommandSpec(
        rank: 110, name: "reactivate", usage: "reactivate",
        summary: "reactivate an expired TourPass: its next top-up opens a new period",
        examples: ["reactivate"], exampleSetup: ["user alice", "verify", "card visa", "topup 500", "advance 91d"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> ReactivateCommand { ReactivateCommand() }

    var isAttempt: Bool { true }
    var statementText: String? { "reactivate" }

    func run(in session: inout Session) throws(WalletError) -> Output {
        try session.world.reactivate(user: try session.requireUser())
        return .one(Reactivated(days: session.world.policy.passDays))
    }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        return ReactivateRules.list.explanation(session.world, ReactivateInput(user: id), failedRule: failedRule)
    }

    struct Reactivated: InfoLine {
        let days: Int64
        var text: String { "TourPass reactivated: the next top-up opens a new \(days)-day period" }
    }
}

extension ReactivateCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "reactivate",
        effects: [Effect(writes: [.passPeriod], reads: [.registration, .passPeriod])],
        answers: MoveSource.signUpNeeded.union([.tourpassNotExpired, .tourpassDomesticUser]),
        offer: { c, moves in
            guard let (_, user) = c.active else {
                if c.current == nil { moves.append("reactivate") }
                return
            }
            if user.pass.state == .expired || user.cards.isEmpty { moves.append("reactivate") }
        })
}
