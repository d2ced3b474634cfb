import WalletCore

/// `merchants`: every merchant.
struct MerchantsQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 190, name: "merchants", usage: "merchants", summary: "every merchant",
                                  examples: ["merchants"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> MerchantsQuery { MerchantsQuery() }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let merchants = session.world.merchants
        let width = merchants.map { Layout.width($0.name) }.max() ?? 0
        return [TextLines(merchants.map { Layout.pad($0.name, width) + "  " + Layout.merchantTerms(qr: $0.qr, credit: $0.acceptsCredit) })]
    }
}
