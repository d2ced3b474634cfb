public struct TransferReceipt: Sendable {
    public let to: UserID
    public let amount: Money
    public let card: CardID
}

extension World {
    /// Sends money to the user named `receiverName`, into their wallet balance. Transfers are
    /// not payments: no password, no lock, no daily limit. The checks are
    /// `TransferRules.list`, in order; the first failure is the answer and nothing moves.
    public mutating func transfer(user id: UserID, amount: Money, toNamed receiverName: String) throws(WalletError) -> TransferReceipt {
        try transfer(TransferInput(user: id, amount: amount, receiver: userByName[receiverName], receiverName: receiverName))
    }

    /// Sends money to a user already looked up.
    public mutating func transfer(user id: UserID, amount: Money, to receiver: UserID) throws(WalletError) -> TransferReceipt {
        try transfer(TransferInput(user: id, amount: amount, receiver: receiver, receiverName: users[receiver.index].name))
    }

    private mutating func transfer(_ input: TransferInput) throws(WalletError) -> TransferReceipt {
        let id = input.user, amount = input.amount
        try ensureSignedUp(id)
        try TransferRules.list.check(self, input)
        // The rules found the receiver and the card.
        guard let receiver = input.receiver else { throw TransferRules.list.error(at: 0, self, input) }
        guard let card = users[id.index].cards.first else { throw TransferRules.list.error(at: TransferRules.cardIndex, self, input) }
        let receiverVerified = users[receiver.index].verified
        try ensureRoom(for: amount.fen, touching: .card(card), .wallet(receiver))
        post(amount.fen, from: .card(card), to: .wallet(receiver), kind: .transfer)
        if !receiverVerified {
            users[receiver.index].receivedUnverifiedFen += amount.fen
            users[receiver.index].receiveCapFen = policy.transferUnverifiedReceive.fen
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
