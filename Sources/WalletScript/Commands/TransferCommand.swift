import WalletCore

/// `transfer AMOUNT to:USER`: send money to another user's wallet.
struct TransferCommand: Command {
    let amount: Money
    let receiver: String

    static let spec = CommandSpec(
        name: "transfer", aliases: ["send"], usage: "transfer AMOUNT to:USER",
        summary: "send money to another user's wallet (domestic version only; not a payment: no password)",
        examples: ["transfer 200 to:alice", "transfer 10 to:\"Mary Ann\""], options: [OptionSpec("to", dynamic: .users)],
        parse: { (r) throws(Diagnostic) in
            let amount = try r.amount(r.positional("an AMOUNT"))
            guard let to = try r.option("to") else { throw r.error("transfer needs to:USER") }
            return TransferCommand(amount: amount, receiver: try r.name(to, of: "user"))
        })

    var isAttempt: Bool { true }
    var statementText: String? { "transfer \(Attempt.typed(amount)) to:\(receiver)" }

    func run(in session: inout Session) throws(WalletError) -> [any OutputValue] {
        let id = try session.requireUser()
        let receiver = try session.world.lookUpUser(self.receiver)
        let receipt = try session.world.transfer(user: id, amount: amount, to: receiver)
        return [Sent(amount: amount, to: session.world[receiver].maskedForSender, card: CardLabel(session.world[receipt.card]))]
    }

    struct Sent: InfoLine {
        let amount: Money
        /// The receiver as the app shows them to the sender: `*cilla (61-0416XXXX)`.
        let to: String
        let card: CardLabel
        var text: String { "sent \(amount) to \(to) from \(card)" }
    }
}
