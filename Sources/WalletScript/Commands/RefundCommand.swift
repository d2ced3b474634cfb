import WalletCore

/// `refund AMOUNT from:MERCHANT`: a merchant gives money back.
struct RefundCommand: Command {
    let amount: Money
    let merchant: String

    static let spec = CommandSpec(
        name: "refund", usage: "refund AMOUNT from:MERCHANT",
        summary: "the merchant refunds part or all of what the current user paid it",
        examples: ["refund 20 from:cafe"], options: [OptionSpec("from", dynamic: .merchants)],
        parse: { (r) throws(Diagnostic) in
            let amount = try r.amount(r.positional("an AMOUNT"))
            guard let from = try r.option("from") else { throw r.error("refund needs from:MERCHANT") }
            return RefundCommand(amount: amount, merchant: try r.name(from, of: "merchant"))
        })

    var isAttempt: Bool { true }
    var statementText: String? { "refund \(Attempt.typed(amount)) from:\(merchant)" }

    func run(in session: inout Session) throws(WalletError) -> [any OutputValue] {
        let id = try session.requireUser()
        let shop = try session.world.lookUpMerchant(merchant)
        let receipt = try session.world.refund(user: id, amount: amount, merchant: shop)
        return [Refunded(merchant: merchant, amount: amount, toPass: receipt.toPass, passBalance: session.world.balance(user: id),
                         toCards: receipt.toCards.map { CardAmount(card: CardLabel(session.world[$0.card]), amount: $0.amount) })]
    }

    struct Refunded: InfoLine {
        let merchant: String
        let amount: Money
        let toPass: Money
        let passBalance: Money
        let toCards: [CardAmount]
        var text: String {
            var parts: [String] = []
            if toPass.fen > 0 { parts.append("\(toPass) to TourPass (balance \(passBalance))") }
            parts += toCards.map { "\($0.amount) to \($0.card)" }
            return "\(merchant) refunded \(amount): " + parts.joined(separator: ", ")
        }
    }
}
