import WalletCore

/// `cards`: the current user's linked cards.
struct CardsQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 200, name: "cards", usage: "cards", summary: "the current user's linked cards",
                                  examples: ["cards"], exampleSetup: ["user alice", "card visa"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> CardsQuery { CardsQuery() }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let world = session.world
        let cards = world[try session.requireUser()].cards.map { world[$0] }
        guard !cards.isEmpty else { return .one(TextLines(["no cards linked"])) }
        return .one(TextLines(cards.map {
            "\($0.masked)  \($0.holderName)  expires \($0.expiry)  charged \(Money(fen: $0.chargedFen))  refunded \(Money(fen: $0.refundedFen))"
        }))
    }
}
