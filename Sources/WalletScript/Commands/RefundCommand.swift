import WalletCore

/// `refund AMOUNT from:MERCHANT`: a merchant gives money back.
struct RefundCommand: Command {
    let amount: Money
    let merchant: String

    static let spec = CommandSpec(
        rank: 90, name: "refund", usage: "refund AMOUNT from:MERCHANT",
        summary: "the merchant refunds part or all of what the current user paid it",
        examples: ["refund 20 from:cafe"], exampleSetup: ["user alice", "verify", "card visa", "topup 500", "pay 38.50 to:cafe"], options: [OptionSpec("from", dynamic: .merchants)])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> RefundCommand {
        let amount = try r.amount(r.positional("an AMOUNT"))
        guard let from = try r.option("from") else { throw r.error("refund needs `from:MERCHANT`") }
        return RefundCommand(amount: amount, merchant: try r.name(from, of: "merchant"))
    }

    var isAttempt: Bool { true }
    var statementText: String? { "refund \(Attempt.typed(amount)) from:\(Names.written(merchant))" }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        let receipt = try session.world.refund(user: id, amount: amount, merchantNamed: merchant)
        return .one(Refunded(merchant: merchant, amount: amount, toPass: receipt.toPass, passBalance: session.world.balance(user: id),
                         toCards: receipt.toCards.map { CardAmount(card: CardLabel(session.world[$0.card]), amount: $0.amount) }))
    }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        let input = RefundInput(user: id, amount: amount, merchant: session.world.merchant(named: merchant), merchantName: merchant)
        return RefundRules.list.explanation(session.world, input, failedRule: failedRule)
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

extension RefundCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "refund",
        effects: [Effect(writes: [.payments, .passBalance, .merchants], reads: [.registration, .payments, .passPeriod, .clock]),
                  Effect(writes: [.cardMoney], reads: [.registration, .payments, .passPeriod, .passBalance, .cards, .cardMoney, .clock])],
        answers: MoveSource.signUpNeeded.union([.refundNoPayment, .refundExceedsPayment, .merchantUnknown]),
        offer: { c, moves in
            guard let (_, user) = c.active else {
                if c.current == nil { moves.append("refund 0.01 from:cross-qr") }
                return
            }
            guard !user.payments.isEmpty else {
                moves.append("refund 0.01 from:cross-qr")
                moves.append("refund 0.01 from:nowhere")
                return
            }
            var order: [MerchantID] = []
            var open: [MerchantID: Int64] = [:]
            for payment in user.payments {
                if open[payment.merchant] == nil { order.append(payment.merchant) }
                open[payment.merchant, default: 0] += payment.amountFen - payment.refundedFen
            }
            for merchant in order {
                let name = MoveText.name(c.world[merchant].name)
                let left = open[merchant] ?? 0
                if left > 0 { moves.append("refund \(MoveText.amount(left)) from:\(name)") }
                moves.append("refund \(MoveText.amount(left + 1)) from:\(name)")
            }
        })
}
