import WalletCore

/// `topup AMOUNT [card:…]`: top up the TourPass.
struct TopUpCommand: Command {
    let amount: Money
    let card: String?

    static let spec = CommandSpec(
        name: "topup", aliases: ["top-up"], usage: "topup AMOUNT [card:BRAND|LAST4]",
        summary: "top up the TourPass from a linked card (opens it on first use); 5% fee on top",
        examples: ["topup 500", "topup 2000 card:mastercard", "topup 100 card:1111"],
        options: [OptionSpec("card", dynamic: .cards)],
        parse: { (r) throws(Diagnostic) in
            let amount = try r.amount(r.positional("an AMOUNT"))
            return TopUpCommand(amount: amount, card: try r.option("card").map { String($0.text) })
        })

    var isAttempt: Bool { true }
    var statementText: String? { "topup \(Attempt.typed(amount))" + (card.map { " card:\(Attempt.masked($0))" } ?? "") }

    func namedCard(user id: UserID, world: World) -> CardID? {
        guard let card else { return nil }
        do throws(WalletError) { return try world.selectCard(of: id, card) } catch { return nil }
    }

    func run(in session: inout Session) throws(WalletError) -> [any OutputValue] {
        let id = try session.requireUser()
        let receipt = try session.world.topUp(user: id, amount: amount, card: card)
        return [ToppedUp(receipt: receipt, card: CardLabel(session.world[receipt.card]), fxUSDPer10k: session.world.policy.fxUSDPer10k)]
    }

    struct ToppedUp: OutputValue {
        let receipt: TopUpReceipt
        let card: CardLabel
        let fxUSDPer10k: Int64
        var lines: [OutputLine] {
            let charged = Money(fen: receipt.amount.fen + receipt.fee.fen)
            var lines = [OutputLine(.info, "topped up \(receipt.amount) from \(card): charged \(charged) (about \(Policy.usd(charged, ratePer10k: fxUSDPer10k))) including a \(receipt.fee) fee")]
            if receipt.opened { lines.append(OutputLine(.info, "TourPass opened, valid until \(receipt.expiresAt)")) }
            lines.append(OutputLine(.info, "TourPass balance \(receipt.balance)"))
            return lines
        }
    }
}
