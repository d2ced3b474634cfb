/// What a transfer is asked: who sends how much to whom (nil: no user by that name,
/// `transfer.receiver` answers).
public struct TransferInput: Sendable {
    public let user: UserID
    public let amount: Money
    public let receiver: UserID?
    public let receiverName: String

    public init(user: UserID, amount: Money, receiver: UserID?, receiverName: String) {
        self.user = user
        self.amount = amount
        self.receiver = receiver
        self.receiverName = receiverName
    }
}

/// RULES.md, transfer, in order (the settled check order): the receiver, the sender, the
/// receiver's verification and cap, then the funding card.
public enum TransferRules {
    public static let list = RuleList<TransferInput>("transfer", [
        Rule("transfer.receiver", .userUnknown, "the receiver is a user",
             holds: { _, i in i.receiver != nil },
             failure: { w, i in "no user named \(i.receiverName)" + didYouMeanName(i.receiverName, in: w.users.map(\.name)) },
             looked: { w, i in i.receiver == nil ? "no user named \(i.receiverName) among \(w.users.count) users" : "\(i.receiverName) is a user" },
             remedy: { _, i in "a user that exists (`users` lists them), or sign one up first: `user \(Names.written(i.receiverName))`" }),
        Rule("transfer.self", .transferSelf, "the receiver is not the sender",
             holds: { _, i in i.receiver != i.user },
             failure: { _, _ in "a transfer goes to another user, not to yourself" },
             looked: { w, i in "from \(w.users[i.user.index].name) to \(i.receiverName)" },
             remedy: { _, _ in "another user as `to:`" },
             missing: { _, i in TransferRules.noReceiver(i) }),
        Rule("transfer.sender", .transferNotAllowed, "the sender uses the domestic version (TourPass is for payments only: it cannot send money to a person)",
             holds: { w, i in w.users[i.user.index].version == .domestic },
             failure: { w, i in "the receiving Alipay's account only supports payment in Chinese mainland (sending to \(w.shownReceiver(i)): TourPass is for payments only, it cannot send money to a person or a bank account)" },
             looked: { w, i in "\(w.users[i.user.index].name) uses the \(w.users[i.user.index].version.label) version" },
             remedy: { _, _ in "a sender registered with a +86 phone (or `version:domestic`)" }),
        Rule("transfer.receiver_verified", .transferReceiverUnverified, keys: ["transfer.unverified_receive"],
             "the receiver is real-name verified, or transfer.unverified_receive lets unverified users receive (above 0)",
             holds: { w, i in w.receiverVerified(i) || w.policy.transferUnverifiedReceive.fen > 0 },
             failure: { w, i in "\(w.shownReceiver(i)) is not real-name verified and cannot receive transfers" },
             looked: { w, i in "\(i.receiverName) is \(w.receiverState(i)); transfer.unverified_receive \(w.policy.transferUnverifiedReceive)" },
             remedy: { w, i in "`verify` the receiver (`user \(Names.written(i.receiverName))`, `verify`), or `policy transfer.unverified_receive \(Money(fen: w.receivedUnverifiedFen(i) + i.amount.fen).plain)`" },
             missing: { _, i in TransferRules.noOtherReceiver(i) }),
        Rule("transfer.receive_cap", .transferReceiverLimit, keys: ["transfer.unverified_receive"],
             "an unverified receiver's transfers received unverified stay within transfer.unverified_receive",
             holds: { w, i in w.receiverVerified(i) || w.receivedUnverifiedFen(i) + i.amount.fen <= w.policy.transferUnverifiedReceive.fen },
             failure: { w, i in "\(w.shownReceiver(i)) is not real-name verified: unverified accounts receive at most \(w.policy.transferUnverifiedReceive) in all; \(w.receiveRoom(i)) left" },
             looked: { w, i in
                 guard !w.receiverVerified(i) else { return "\(i.receiverName) is verified: no cap" }
                 return "\(i.receiverName) is \(w.receiverState(i)); \(Money(fen: w.receivedUnverifiedFen(i))) received unverified + \(i.amount) asked, at most \(w.policy.transferUnverifiedReceive) by transfer.unverified_receive" },
             remedy: { w, i in
                 // The cap is for all time: once used up no amount passes until the receiver verifies.
                 let room = w.receiveRoom(i)
                 return (room.fen > 0 ? "at most \(room), " : "nothing: the cap is used up and never frees (it counts all transfers received unverified); ")
                     + "`verify` the receiver (`user \(Names.written(i.receiverName))`, `verify`), or `policy transfer.unverified_receive \(Money(fen: w.receivedUnverifiedFen(i) + i.amount.fen).plain)`"
             },
             // At 0 there is no cap: an unverified receiver is refused by the rule before.
             missing: { w, i in TransferRules.noOtherReceiver(i)
                 ?? (!w.receiverVerified(i) && w.policy.transferUnverifiedReceive.fen == 0 ? "transfer.unverified_receive is 0, so no cap applies" : nil) }),
        Rule("transfer.card", .payNoPaymentMethod, "the sender has a linked bank card (the earliest-linked pays; wallet money is never spent)",
             holds: { w, i in !w.users[i.user.index].cards.isEmpty },
             failure: { _, _ in "\(PayRules.noMethod) (no bank card linked)" },
             looked: { w, i in w.cardsLinkedText(i.user) },
             remedy: { _, _ in "`card unionpay` first" },
             missing: { w, i in TransferRules.noDomesticSender(w, i) }),
        Rule("transfer.card_expiry", .cardExpired, "the paying card has not expired",
             holds: { w, i in w.users[i.user.index].cards.first.map { !w.cards[$0.index].expiry.hasExpired(at: w.now) } ?? true },
             failure: { w, i in w.users[i.user.index].cards.first.map { "\(w.cards[$0.index].masked) expired at the end of \(w.cards[$0.index].expiry)" } ?? "" },
             looked: { w, i in w.users[i.user.index].cards.first.map { "\(w.cards[$0.index].masked) expires \(w.cards[$0.index].expiry); now \(w.now)" } ?? "" },
             remedy: { _, _ in PayRules.neverUnlinked },
             missing: { w, i in TransferRules.noDomesticSender(w, i) ?? (w.users[i.user.index].cards.isEmpty ? "no bank card linked" : nil) }),
        Rule("transfer.issuer", .topupCardDeclined, "the card issuer accepts the charge",
             holds: { w, i in w.users[i.user.index].cards.first.map { !w.cards[$0.index].declinesCharges } ?? true },
             failure: { w, i in w.users[i.user.index].cards.first.map { "\(w.cards[$0.index].masked): the card issuer declined the charge (fund loading failed)" } ?? "" },
             looked: { w, i in w.users[i.user.index].cards.first.map { w.cards[$0.index].declinesCharges ? "\(w.cards[$0.index].masked) declines every charge" : "\(w.cards[$0.index].masked) accepts charges" } ?? "" },
             remedy: { _, _ in PayRules.neverUnlinked },
             missing: { w, i in TransferRules.noDomesticSender(w, i) ?? (w.users[i.user.index].cards.isEmpty ? "no bank card linked" : nil) }),
    ])

    /// The receiver's rules cannot judge a user who does not exist.
    static func noReceiver(_ i: TransferInput) -> String? { i.receiver == nil ? "no user named \(i.receiverName)" : nil }

    /// A transfer to oneself has no receiver to judge.
    static func noOtherReceiver(_ i: TransferInput) -> String? {
        noReceiver(i) ?? (i.receiver == i.user ? "the receiver is the sender" : nil)
    }

    /// A domestic sender's card pays; an international sender's cards say nothing about one.
    static func noDomesticSender(_ w: World, _ i: TransferInput) -> String? {
        w.users[i.user.index].version == .domestic ? nil : "\(w.users[i.user.index].name) uses the international version, which sends no transfers"
    }

    static let cardIndex = list.rules.firstIndex { $0.info.id == "transfer.card" } ?? 0
}

extension World {
    /// The receiver's verification; a missing receiver counts as verified (its own rule answers).
    func receiverVerified(_ i: TransferInput) -> Bool { i.receiver.map { users[$0.index].verified } ?? true }

    fileprivate func receivedUnverifiedFen(_ i: TransferInput) -> Int64 { i.receiver.map { users[$0.index].receivedUnverifiedFen } ?? 0 }

    fileprivate func receiveRoom(_ i: TransferInput) -> Money {
        Money(fen: max(0, policy.transferUnverifiedReceive.fen - receivedUnverifiedFen(i)))
    }

    fileprivate func receiverState(_ i: TransferInput) -> String {
        guard let id = i.receiver else { return "unknown" }
        let user = users[id.index]
        return user.verified ? "verified" : user.lapsed ? "unverified (lapsed)" : "unverified"
    }

    /// The receiver as the app shows them to the sender: `*cilla (61-0416XXXX)`.
    fileprivate func shownReceiver(_ i: TransferInput) -> String { i.receiver.map { users[$0.index].maskedForSender } ?? i.receiverName }
}
