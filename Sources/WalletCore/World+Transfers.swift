public struct TransferReceipt: Sendable {
    public let to: UserID
    public let amount: Money
    public let card: CardID
}

extension World {
    /// Sends money to another user's wallet balance. Transfers are not payments: no password,
    /// no lock, no daily limit. Checks, in order (the caller found the receiver:
    /// `user.unknown`): not the sender, the sender's version, the receiver's verification,
    /// the unverified receive cap, then the funding card (its expiry, its issuer); the first
    /// failure is the answer and nothing moves.
    public mutating func transfer(user id: UserID, amount: Money, to receiver: UserID) throws(WalletError) -> TransferReceipt {
        let user = try activeUser(id)
        let shown = users[receiver.index].maskedForSender
        guard receiver != id else {
            throw WalletError(.transferSelf, "a transfer goes to another user, not to yourself")
        }
        guard user.version == .domestic else {
            throw WalletError(.transferNotAllowed, "the receiving Alipay's account only supports payment in Chinese mainland (sending to \(shown): TourPass is for payments only, it cannot send money to a person or a bank account)")
        }
        let receiverVerified = users[receiver.index].verified
        let capFen = policy.transferUnverifiedReceive.fen
        guard receiverVerified || capFen > 0 else {
            throw WalletError(.transferReceiverUnverified, "\(shown) is not real-name verified and cannot receive transfers")
        }
        let receivedFen = users[receiver.index].receivedUnverifiedFen
        guard receiverVerified || receivedFen + amount.fen <= capFen else {
            let room = Money(fen: max(0, capFen - receivedFen))
            throw WalletError(.transferReceiverLimit, "\(shown) is not real-name verified: unverified accounts receive at most \(Money(fen: capFen)) in all; \(room) left")
        }
        guard let card = user.cards.first else {
            throw WalletError(.payNoPaymentMethod, "No direct payment method can be used currently, please choose another method to complete payment (no bank card linked)")
        }
        try ensureChargeable(card)
        try ensureRoom(for: amount.fen, touching: [.card(card), .wallet(receiver)])
        post(amount.fen, from: .card(card), to: .wallet(receiver), kind: .transfer)
        if !receiverVerified {
            users[receiver.index].receivedUnverifiedFen += amount.fen
            users[receiver.index].receiveCapFen = capFen
        }
        return TransferReceipt(to: receiver, amount: amount, card: card)
    }
}

extension User {
    /// How the app shows a receiver to the sender: `*cilla (61-0416XXXX)`. The name keeps its
    /// last half (rounded up, leading spaces dropped; a one-letter name shows nothing), the phone its country code
    /// and first four digits.
    public var maskedForSender: String {
        let scalars = Array(name.unicodeScalars)
        var kept = scalars.count <= 1 ? [] : scalars.suffix((scalars.count + 1) / 2)
        while kept.first == " " { kept.removeFirst() }
        var shownName = "*"
        shownName.unicodeScalars.append(contentsOf: kept)
        return "\(shownName) (\(phone.countryCode)-\(phone.number.prefix(4))XXXX)"
    }
}
