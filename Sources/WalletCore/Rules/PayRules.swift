/// What a payment is asked: who, how much, to which merchant (nil: no merchant by that
/// name, `pay.merchant` answers), with which password typed.
public struct PayInput: Sendable {
    public let user: UserID
    public let amount: Money
    public let merchant: MerchantID?
    public let merchantName: String
    public let password: String?

    public init(user: UserID, amount: Money, merchant: MerchantID?, merchantName: String, password: String?) {
        self.user = user
        self.amount = amount
        self.merchant = merchant
        self.merchantName = merchantName
        self.password = password
    }
}

/// RULES.md, payment, in order (the settled check orders): one list for international
/// users, one for domestic users; rules both share are one value.
public enum PayRules {
    /// The earliest-linked card pays and cards are never unlinked: linking another card
    /// does not help this user, so `why` does not suggest it.
    static let neverUnlinked = "none for this user: the earliest-linked card always pays and cards are never unlinked; a user whose first card is chargeable (`user NAME phone:+86-…`, `card unionpay`)"

    static let noMethod = "No direct payment method can be used currently, please choose another method to complete payment"

    static let lapsed = Rule<PayInput>("pay.lapsed", .verifyLapsed, "the verification has not lapsed (the passport has not expired)",
        holds: { w, i in !w.users[i.user.index].lapsed },
        failure: { w, i in w.lapsedMessage(i.user) },
        looked: { w, i in w.passportLooked(i.user) },
        remedy: { _, _ in "`verify` with a renewed passport (`verify expires:DATE`)" })

    static let locked = Rule<PayInput>("pay.locked", .payPasswordLocked, keys: ["pay.lock"], "payments are not locked by wrong passwords",
        holds: { w, i in w.users[i.user.index].payLockedUntil.map { w.now >= $0 } ?? true },
        failure: { w, i in "payments are locked after too many wrong payment passwords, until \(w.users[i.user.index].payLockedUntil.map { "\($0)" } ?? "?")" },
        looked: { w, i in w.users[i.user.index].payLockedUntil.map { "locked until \($0); now \(w.now)" } ?? "not locked" },
        remedy: { w, i in w.users[i.user.index].payLockedUntil.map { "`advance to:\($0)`" } ?? "" })

    static let password = Rule<PayInput>("pay.password", .payWrongPassword, also: [.payPasswordLocked], keys: ["pay.attempts", "pay.lock"],
        "the payment password typed (if any) is right; the pay.attempts-th wrong one in a row locks payments for pay.lock",
        holds: { w, i in i.password.map { $0 == w.users[i.user.index].paymentPassword } ?? true },
        failure: { w, i in
            let left = w.policy.payAttempts - w.users[i.user.index].payWrongAttempts - 1
            return "wrong payment password (the 6-digit payment password, not the login password); \(left) \(left == 1 ? "try" : "tries") left" },
        looked: { w, i in
            guard let typed = i.password else { return "none typed (the right one is entered)" }
            guard typed != w.users[i.user.index].paymentPassword else { return "the right one typed" }
            let user = w.users[i.user.index]
            // The wrong entry that locks resets the count: say what it was instead of "0".
            if let until = w.lockedByLastEntry(i.user) {
                return "a wrong one typed: \(w.policy.payAttempts) wrong in a row (pay.attempts), so payments are locked until \(until)"
            }
            return "a wrong one typed; \(user.payWrongAttempts) wrong in a row now, pay.attempts \(w.policy.payAttempts)" },
        remedy: { w, i in
            if let until = w.lockedByLastEntry(i.user) {
                return "`advance to:\(until)`, then the right payment password, or none (`password:` omitted)"
            }
            return "the right payment password, or none (`password:` omitted)" })

    static let merchant = Rule<PayInput>("pay.merchant", .merchantUnknown, "the merchant exists",
        holds: { _, i in i.merchant != nil },
        failure: { w, i in "no merchant named \(shown(i.merchantName))" + w.merchantHint(i.merchantName) },
        looked: { w, i in w.merchantLooked(shown(i.merchantName), i.merchant) },
        remedy: { _, i in "a merchant that exists (`merchants` lists them), or define it first: `merchant \(Names.written(shown(i.merchantName)))`" })

    /// A `to:` name no merchant has, as echoed: a `pay` line may hold a payment password, so
    /// a run of 4 or more digits shows as dots (`to:246810` is more likely a password typed
    /// in the wrong place than a merchant). Only on this rule's failure.
    static func shown(_ name: String) -> String {
        var out = "", run = ""
        func flush() { out += run.count >= 4 ? String(repeating: "•", count: run.count) : run; run = "" }
        for character in name {
            if character.isNumber { run.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// A rule not reached that reads the merchant cannot judge one that does not exist.
    static func noMerchant(_ i: PayInput) -> String? { i.merchant == nil ? "no merchant named \(shown(i.merchantName))" : nil }

    static func noCard(_ w: World, _ i: PayInput) -> String? { w.users[i.user.index].cards.isEmpty ? "no bank card linked" : nil }

    public static let international = RuleList<PayInput>("pay", variant: "international user", [
        merchant,
        Rule("pay.qr", .payDomesticQR, "the merchant's code is cross-border (a foreign wallet cannot pay a domestic-only code)",
             holds: { w, i in i.merchant.map { w.merchants[$0.index].qr == .cross } ?? true },
             failure: { _, _ in "The other party's money-receiving code is the domestic money-receiving code, which can only be used within the country." },
             looked: { w, i in i.merchant.map {
                 w.merchants[$0.index].qr == .cross ? "\(w.merchants[$0.index].name) has a cross-border code (`qr:cross`)"
                     : "\(w.merchants[$0.index].name) has a domestic-only code (`qr:domestic`)" } ?? "" },
             remedy: { _, i in
                 let pay = "`pay \(i.amount.plain) qr:cross`"
                 // domestic-qr keeps its kind of code (merchant.reserved): only another merchant will do.
                 guard World.anonymousKind(i.merchantName) == nil else { return "a merchant with a cross-border code: \(pay)" }
                 return "a merchant with a cross-border code: \(pay), or `merchant \(Names.written(i.merchantName)) qr:cross` first" },
             missing: { _, i in noMerchant(i) }),
        Rule("pay.credit", .payNoPaymentMethod, "the merchant accepts card-funded payments, which TourPass is",
             holds: { w, i in i.merchant.map { w.merchants[$0.index].acceptsCredit } ?? true },
             failure: { _, i in "\(noMethod) (\(i.merchantName) does not accept card-funded payments)" },
             looked: { w, i in i.merchant.map { "\(w.merchants[$0.index].name) \(w.merchants[$0.index].acceptsCredit ? "accepts credit (`credit:yes`)" : "takes no credit (`credit:no`)")" } ?? "" },
             remedy: { _, i in "a merchant that accepts credit (`merchant \(Names.written(i.merchantName)) credit:yes`)" },
             missing: { _, i in noMerchant(i) }),
        lapsed,
        Rule("pay.pass", .payNoPaymentMethod, "the user has a TourPass, active or expired (none before the first top-up, nor after `reactivate` until the next)",
             holds: { w, i in w.users[i.user.index].pass.state != .none },
             failure: { _, _ in "\(noMethod) (no TourPass: top up first)" },
             looked: { w, i in w.passHeldLooked(i.user) },
             remedy: { w, i in w.passSteps(i.user) }),
        Rule("pay.pass_expired", .tourpassExpired, "the TourPass has not expired",
             holds: { w, i in w.users[i.user.index].pass.state != .expired },
             failure: { w, i in "the TourPass expired\(w.users[i.user.index].pass.expiresAt.map { " on \($0)" } ?? ""); `reactivate` it and top up" },
             looked: { w, i in "TourPass \(w.users[i.user.index].pass.state.rawValue)" },
             remedy: { _, _ in "`reactivate`, then top up" },
             missing: { w, i in w.users[i.user.index].pass.state == .none ? "no TourPass" : nil }),
        locked,
        password,
        Rule("pay.balance", .payInsufficientBalance, "the TourPass balance covers the amount",
             holds: { w, i in i.amount.fen <= w.users[i.user.index].pass.balanceFen },
             failure: { w, i in "the TourPass balance \(Money(fen: w.users[i.user.index].pass.balanceFen)) is too low for \(i.amount)" },
             looked: { w, i in "asked \(i.amount), balance \(Money(fen: w.users[i.user.index].pass.balanceFen))" },
             remedy: { w, i in
                 let balanceFen = w.users[i.user.index].pass.balanceFen
                 return balanceFen > 0 ? "at most \(Money(fen: balanceFen)), or a top-up first" : "a top-up first: the balance is empty (`topup \(i.amount.plain)`)" },
             // An expired pass's balance went back to the cards; after `reactivate` a top-up sets a new one.
             missing: { w, i in
                 switch w.users[i.user.index].pass.state {
                 case .none: return "no TourPass"
                 case .expired: return "the TourPass expired (its balance was refunded)"
                 case .active: return nil
                 } }),
    ])

    public static let domestic = RuleList<PayInput>("pay", variant: "domestic user", [
        merchant,
        lapsed,
        Rule("pay.bank_card", .payNoPaymentMethod, "a bank card is linked (the earliest-linked pays)",
             holds: { w, i in !w.users[i.user.index].cards.isEmpty },
             failure: { _, _ in "\(noMethod) (no bank card linked)" },
             looked: { w, i in w.cardsLinkedText(i.user) },
             remedy: { _, _ in "`card unionpay` first" }),
        locked,
        password,
        Rule("pay.daily_limit", .payDailyLimit, keys: ["pay.unverified_daily"], "an unverified user pays at most pay.unverified_daily a calendar day",
             holds: { w, i in w.users[i.user.index].verified || w.paidToday(i.user) + i.amount.fen <= w.policy.payUnverifiedDaily.fen },
             failure: { w, i in
                 let room = Money(fen: max(0, w.policy.payUnverifiedDaily.fen - w.paidToday(i.user)))
                 return "unverified accounts pay at most \(w.policy.payUnverifiedDaily) a day; \(room) left today (verify to lift it)" },
             looked: { w, i in "\(w.users[i.user.index].verified ? "verified" : "unverified"); \(Money(fen: w.paidToday(i.user))) paid today + \(i.amount) asked, at most \(w.policy.payUnverifiedDaily) by pay.unverified_daily" },
             remedy: { w, i in
                 // On the clock's last day there is no tomorrow to advance to.
                 let tomorrow = Instant(minutes: (w.now.dayIndex + 1) * 1_440)
                 let wait = tomorrow <= Instant.latest ? " `advance to:\(tomorrow.date)`," : ""
                 return "`verify`, a smaller amount,\(wait) or `policy pay.unverified_daily \(Money(fen: w.paidToday(i.user) + i.amount.fen).plain)`" }),
        Rule("pay.card_expiry", .cardExpired, "the bank card has not expired",
             holds: { w, i in w.users[i.user.index].cards.first.map { !w.cards[$0.index].expiry.hasExpired(at: w.now) } ?? true },
             failure: { w, i in w.users[i.user.index].cards.first.map { "\(w.cards[$0.index].masked) expired at the end of \(w.cards[$0.index].expiry)" } ?? "" },
             looked: { w, i in w.users[i.user.index].cards.first.map { "\(w.cards[$0.index].masked) expires \(w.cards[$0.index].expiry)" } ?? "" },
             remedy: { _, _ in neverUnlinked },
             missing: { w, i in noCard(w, i) }),
        Rule("pay.issuer", .topupCardDeclined, "the card issuer accepts the charge",
             holds: { w, i in w.users[i.user.index].cards.first.map { !w.cards[$0.index].declinesCharges } ?? true },
             failure: { w, i in w.users[i.user.index].cards.first.map { "\(w.cards[$0.index].masked): the card issuer declined the charge (fund loading failed)" } ?? "" },
             looked: { w, i in w.users[i.user.index].cards.first.map { "\(w.cards[$0.index].masked)" } ?? "" },
             remedy: { _, _ in neverUnlinked },
             missing: { w, i in noCard(w, i) }),
    ])

    static let internationalPasswordIndex = international.rules.firstIndex { $0.info.id == "pay.password" } ?? -1
    static let domesticPasswordIndex = domestic.rules.firstIndex { $0.info.id == "pay.password" } ?? -1
    static let domesticCardIndex = domestic.rules.firstIndex { $0.info.id == "pay.bank_card" } ?? 0

    static func list(for world: World, _ id: UserID) -> RuleList<PayInput> {
        world.users[id.index].version == .international ? international : domestic
    }
}

extension World {
    /// What a merchant rule looked at: the merchant found, or the name that found none.
    /// `; did you mean 'cafe'?` after `to:Cafe` (names compare exactly, so a near one is likely meant).
    func merchantHint(_ name: String) -> String { didYouMeanName(name, in: merchants.map(\.name)) }

    func merchantLooked(_ name: String, _ id: MerchantID?) -> String {
        id == nil ? "no merchant named \(name) among \(merchants.count) merchants" : "\(name) is a merchant"
    }

    /// What an unverified domestic user has paid today (China calendar day).
    func paidToday(_ id: UserID) -> Int64 {
        let paid = users[id.index].dailyPaid
        return paid.day == now.dayIndex ? paid.fen : 0
    }
}

extension World {
    /// What opens a TourPass for this user, in the order a top-up checks it: a top-up alone
    /// when it would pass, else the verification and the card it needs first.
    fileprivate func passSteps(_ id: UserID) -> String {
        let user = users[id.index]
        var steps: [String] = []
        if !user.verified { steps.append(user.lapsed ? "`verify` with a renewed passport" : "`verify`") }
        if user.cards.isEmpty { steps.append("`card visa`") }
        steps.append("`topup 100` (or more)")
        return steps.joined(separator: ", then ") + (steps.count == 1 ? " first" : "")
    }

    /// What `pay.pass` looked at. An expired pass is still a pass to this rule (its expiry is
    /// `pay.pass_expired`'s to judge), so it reads as a pass that expired, not as a bare state
    /// that beside "would pass" says an expired pass is fine.
    fileprivate func passHeldLooked(_ id: UserID) -> String {
        switch users[id.index].pass.state {
        case .none: return "TourPass none"
        case .active: return "TourPass active"
        case .expired: return "a TourPass, expired; pay.pass_expired judges that"
        }
    }

    /// Until when payments are locked, when the entry just made locked them (its count reset).
    fileprivate func lockedByLastEntry(_ id: UserID) -> Instant? {
        let user = users[id.index]
        guard let until = user.payLockedUntil, now < until, user.payWrongAttempts == 0 else { return nil }
        return until
    }
}
