/// What a refund is asked: who, how much, from which merchant (nil: no merchant by that
/// name, `refund.merchant` answers).
public struct RefundInput: Sendable {
    public let user: UserID
    public let amount: Money
    public let merchant: MerchantID?
    public let merchantName: String

    public init(user: UserID, amount: Money, merchant: MerchantID?, merchantName: String) {
        self.user = user
        self.amount = amount
        self.merchant = merchant
        self.merchantName = merchantName
    }
}

/// RULES.md, refund, in order: the merchant exists, the user paid it, and the amount is
/// within what is left unrefunded of those payments.
public enum RefundRules {
    public static let list = RuleList<RefundInput>("refund", [
        Rule("refund.merchant", .merchantUnknown, "the merchant exists",
             holds: { _, i in i.merchant != nil },
             failure: { w, i in "no merchant named \(i.merchantName)" + w.merchantHint(i.merchantName) },
             looked: { w, i in w.merchantLooked(i.merchantName, i.merchant) },
             remedy: { _, _ in "a merchant that exists (`merchants` lists them)" }),
        Rule("refund.paid", .refundNoPayment, "the user has paid this merchant",
             holds: { w, i in i.merchant.map { w.paysTo($0, by: i.user) > 0 } ?? true },
             failure: { w, i in "\(w.users[i.user.index].name) never paid \(i.merchantName)" },
             looked: { w, i in
                 let count = i.merchant.map { w.paysTo($0, by: i.user) } ?? 0
                 return "\(w.users[i.user.index].name) made \(count == 0 ? "no" : String(count)) \(count == 1 ? "payment" : "payments") to \(i.merchantName)" },
             remedy: { w, i in
                 let paid = "a merchant the user paid (`history` lists the payments)"
                 // An international wallet cannot pay a domestic-only QR: suggest no payment that would fail.
                 if let id = i.merchant, w.merchants[id.index].qr == .domestic, w.users[i.user.index].version == .international {
                     return paid + "; \(i.merchantName) takes only domestic payments, so this user cannot pay it first"
                 }
                 return paid + ", or pay it first: `pay \(i.amount.plain) to:\(Names.written(i.merchantName))`" },
             missing: { _, i in i.merchant == nil ? "no merchant named \(i.merchantName)" : nil }),
        Rule("refund.left", .refundExceedsPayment, "the amount is at most what is left unrefunded of the user's payments to this merchant",
             holds: { w, i in i.merchant.map { i.amount.fen <= w.refundableFen(to: $0, by: i.user) } ?? true },
             // "At most CNY 0.00" reads as a bug: when everything is back, say so.
             failure: { w, i in
                 let left = w.refundableFen(i)
                 return left > 0 ? "\(i.merchantName) can refund at most \(Money(fen: left)) of what \(w.users[i.user.index].name) paid it"
                     : "\(i.merchantName) has already refunded all \(Money(fen: w.paidFen(i))) \(w.users[i.user.index].name) paid it" },
             looked: { w, i in
                 let left = w.refundableFen(i)
                 return left > 0 ? "asked \(i.amount); \(Money(fen: left)) left unrefunded of \(Money(fen: w.paidFen(i))) paid to \(i.merchantName)"
                     : "asked \(i.amount); all \(Money(fen: w.paidFen(i))) paid to \(i.merchantName) is refunded already" },
             remedy: { w, i in
                 let left = w.refundableFen(i)
                 return left > 0 ? "at most what is left: `refund \(Money(fen: left).plain) from:\(Names.written(i.merchantName))`" : "nothing is left to refund: pay \(i.merchantName) again first" },
             missing: { w, i in
                 guard let merchant = i.merchant else { return "no merchant named \(i.merchantName)" }
                 return w.paysTo(merchant, by: i.user) == 0 ? "no payment to \(i.merchantName)" : nil }),
    ])
}

extension World {
    /// How many payments the user made to the merchant (no allocation: `holds` calls it).
    func paysTo(_ merchant: MerchantID, by id: UserID) -> Int {
        var count = 0
        for payment in users[id.index].payments where payment.merchant == merchant { count += 1 }
        return count
    }

    /// What is left unrefunded of the user's payments to the merchant.
    func refundableFen(to merchant: MerchantID, by id: UserID) -> Int64 {
        var fen: Int64 = 0
        for payment in users[id.index].payments where payment.merchant == merchant { fen += payment.amountFen - payment.refundedFen }
        return fen
    }

    fileprivate func refundableFen(_ i: RefundInput) -> Int64 { i.merchant.map { refundableFen(to: $0, by: i.user) } ?? 0 }

    fileprivate func paidFen(_ i: RefundInput) -> Int64 {
        guard let merchant = i.merchant else { return 0 }
        var fen: Int64 = 0
        for payment in users[i.user.index].payments where payment.merchant == merchant { fen += payment.amountFen }
        return fen
    }
}
