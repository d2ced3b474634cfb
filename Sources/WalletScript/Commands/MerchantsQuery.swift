import WalletCore

/// `merchants`: every merchant.
struct MerchantsQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 190, name: "merchants", usage: "merchants", summary: "every merchant",
                                  examples: ["merchants"], parse: { (_) throws(Diagnostic) in MerchantsQuery() })

    func run(in session: inout Session) throws(WalletError) -> Output {
        [TextLines(session.world.merchants.map { "\($0.name)  \(Layout.merchantTerms(qr: $0.qr, credit: $0.acceptsCredit))" })]
    }
}
