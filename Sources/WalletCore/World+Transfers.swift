public struct TransferReceipt: Sendable {
    public let to: UserID
    public let amount: Money
    public let card: CardID
}

extension World {
    /// Sends money to another user's wallet balance. TourPass is for payments only, so only
    /// domestic users can send, from their bank card.
    public mutating func transfer(user id: UserID, amount: Money, to receiver: UserID) throws(WalletError) -> TransferReceipt {
        let user = try activeUser(id)
        guard receiver != id else {
            throw WalletError(.transferSelf, "a transfer goes to another user, not to yourself")
        }
        guard user.version == .domestic else {
            throw WalletError(.transferNotAllowed, "TourPass cannot send money to a person or a bank account: it is for payments only")
        }
        guard users[receiver.index].verified else {
            throw WalletError(.transferReceiverUnverified, "\(users[receiver.index].name) is not real-name verified and cannot receive transfers")
        }
        guard let card = user.cards.first else {
            throw WalletError(.payNoPaymentMethod, "No direct payment method can be used currently, please choose another method (no bank card linked)")
        }
        try ensureChargeable(card)
        try ensureRoom(for: amount.fen, touching: [.card(card), .wallet(receiver)])
        post(amount.fen, from: .card(card), to: .wallet(receiver), kind: .transfer)
        return TransferReceipt(to: receiver, amount: amount, card: card)
    }
}
