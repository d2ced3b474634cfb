import WalletCore

/// `history [card:…] [since:…]`: the current user's statement, narrowed.
struct HistoryQuery: Command {
    var onlyLooks: Bool { true }
    let card: String?
    let since: Instant?

    static let spec = CommandSpec(
        rank: 160, name: "history", aliases: ["statement"], usage: "history [card:BRAND|LAST4] [since:DATE]",
        summary: "the current user's statement: every attempt (failed ones with their code), every event, running balances",
        examples: ["history", "history card:visa", "history since:2026-03-01", "history card:1111 since:2026-03-01 09:30"], exampleSetup: ["user alice", "verify", "card visa", "topup 500"],
        options: [OptionSpec("card", dynamic: .cards), OptionSpec("since")])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> HistoryQuery {
        let card = try r.option("card").map { r.text($0) }
        let since = try r.instant(option: "since")
        return HistoryQuery(card: card, since: since)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        let world = session.world
        let selected = try card.map { (selector) throws(WalletError) in try world.selectCard(of: id, selector) }
        return .one(TextLines(StatementText.lines(Statement(user: id, world: world, attempts: session.attempts[id]),
                                              card: selected, since: since, world: world)))
    }
}
