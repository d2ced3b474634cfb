import WalletCore

/// `transfer AMOUNT to:USER`: send money to another user's wallet.
struct TransferCommand: Command {
    let amount: Money
    let receiver: String

    static let spec = CommandSpec(
        rank: 100, name: "transfer", aliases: ["send"], usage: "transfer AMOUNT to:USER",
        summary: "send money to another user's wallet (domestic version only; not a payment: no password)",
        examples: ["transfer 200 to:alice", "transfer 10 to:\"Mary Ann\""], exampleSetup: ["user alice", "verify", "user \"Mary Ann\"", "verify", "user wang phone:+86-13800138000", "card unionpay"], options: [OptionSpec("to", dynamic: .users)])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> TransferCommand {
        let amount = try r.amount(r.positional("an AMOUNT"))
        guard let to = try r.option("to") else { throw r.error("transfer needs `to:USER`") }
        return TransferCommand(amount: amount, receiver: try r.name(to, of: "user"))
    }

    var isAttempt: Bool { true }
    var statementText: String? { "transfer \(Attempt.typed(amount)) to:\(Names.written(receiver))" }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        let receipt = try session.world.transfer(user: id, amount: amount, toNamed: receiver)
        return .one(Sent(amount: amount, to: session.world[receipt.to].maskedForSender, card: CardLabel(session.world[receipt.card])))
    }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        let input = TransferInput(user: id, amount: amount, receiver: session.world.user(named: receiver), receiverName: receiver)
        return TransferRules.list.explanation(session.world, input, failedRule: failedRule)
    }

    struct Sent: InfoLine {
        let amount: Money
        /// The receiver as the app shows them to the sender: `*cilla (61-0416XXXX)`.
        let to: String
        let card: CardLabel
        var text: String { "sent \(amount) to \(to) from \(card)" }
    }
}

extension TransferCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "transfer",
        effects: [Effect(writes: [.wallet, .cardMoney], reads: [.registration, .otherUsers, .verification, .cards, .wallet, .clock])],
        answers: MoveSource.signUpNeeded.union([.userUnknown, .transferSelf, .transferNotAllowed, .transferReceiverUnverified, .transferReceiverLimit,
                                     .payNoPaymentMethod, .topupCardDeclined, .cardExpired, .moneyOverflow]),
        offer: { c, moves in
            guard let (id, user) = c.active else {
                if c.current == nil { moves.append("transfer 0.01 to:alice") }
                return
            }
            let capFen = c.world.policy.transferUnverifiedReceive.fen
            for (index, other) in c.world.users.enumerated() where index != id.index {
                let to = " to:" + MoveText.name(other.name)
                if user.version == .domestic, !other.verified, capFen > 0 {
                    // The room left under the unverified receiver's cap, and a fen more.
                    let room = capFen - other.receivedUnverifiedFen
                    if room > 0 { moves.append("transfer \(MoveText.amount(room))" + to) }
                    moves.append("transfer \(MoveText.amount(room + 1))" + to)
                } else {
                    moves.append("transfer 0.01" + to)
                }
            }
            if user.cards.isEmpty {
                moves.append("transfer 0.01 to:" + MoveText.name(user.name))
                moves.append("transfer 0.01 to:nobody")
            }
        })
}
