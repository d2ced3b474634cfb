public enum FundingSource: Sendable, Equatable {
    case pass
    case card(CardID)
}

public struct PaymentReceipt: Sendable {
    public let merchant: MerchantID
    public let amount: Money
    public let source: FundingSource
    /// The TourPass balance after paying (international), or nil.
    public let passBalance: Money?
}

public struct RefundReceipt: Sendable {
    public let merchant: MerchantID
    public let amount: Money
    /// What reached the TourPass; the rest went to cards.
    public let toPass: Money
    public let toCards: [CardRefund]
}

extension World {
    /// Pays a merchant (the caller looked it up: `merchant.unknown`). International: the
    /// merchant's code, its credit acceptance, verification (lapsed), the funding (no pass,
    /// an expired pass), the password (lock, then the entry), the balance. Domestic:
    /// verification (lapsed), a linked card, the password, the daily limit when unverified.
    /// The first failure is the answer and no money moves.
    public mutating func pay(user id: UserID, amount: Money, merchant: MerchantID, password: String? = nil) throws(WalletError) -> PaymentReceipt {
        try ensureSignedUp(id)
        let international = users[id.index].version == .international
        let source = international ? try internationalFunding(user: id, merchant: merchant)
                                   : try domesticFunding(user: id)
        try checkPaymentPassword(user: id, entered: password)
        switch source {
        case .pass:
            if amount.fen > users[id.index].pass.balanceFen {
                throw WalletError(.payInsufficientBalance, "the TourPass balance \(Money(fen: users[id.index].pass.balanceFen)) is too low for \(amount)")
            }
            try ensureRoom(for: amount.fen, touching: [.pass(id), .merchant(merchant)])
            post(amount.fen, from: .pass(id), to: .merchant(merchant), kind: .payment)
        case .card(let card):
            try chargeDomestic(user: id, amount: amount, card: card)
            try ensureRoom(for: amount.fen, touching: [.card(card), .merchant(merchant)])
            post(amount.fen, from: .card(card), to: .merchant(merchant), kind: .payment)
            if !users[id.index].verified { users[id.index].dailyPaid.fen += amount.fen }
        }
        let cardUsed: CardID? = if case .card(let card) = source { card } else { nil }
        users[id.index].payments.append(Payment(merchant: merchant, amountFen: amount.fen, card: cardUsed))
        return PaymentReceipt(merchant: merchant, amount: amount, source: source,
                              passBalance: international ? Money(fen: users[id.index].pass.balanceFen) : nil)
    }

    /// International checks before the password: the merchant's code, its credit acceptance,
    /// verification (lapsed), then the TourPass (none, expired).
    private func internationalFunding(user id: UserID, merchant: MerchantID) throws(WalletError) -> FundingSource {
        let shop = merchants[merchant.index]
        guard shop.qr == .cross else {
            throw WalletError(.payDomesticQR, "The other party's money-receiving code is the domestic money-receiving code, which can only be used within the country.")
        }
        guard shop.acceptsCredit else {
            throw WalletError(.payNoPaymentMethod, "No direct payment method can be used currently, please choose another method to complete payment (\(shop.name) does not accept card-funded payments)")
        }
        try ensureNotLapsed(id)
        switch users[id.index].pass.state {
        case .none:
            throw WalletError(.payNoPaymentMethod, "No direct payment method can be used currently, please choose another method to complete payment (no TourPass: top up first)")
        case .expired:
            throw WalletError(.tourpassExpired, "the TourPass expired\(users[id.index].pass.expiresAt.map { " on \($0)" } ?? ""); `reactivate` it and top up")
        case .active:
            return .pass
        }
    }

    /// Domestic checks before the password: verification (lapsed), then the earliest-linked
    /// card. The credit check is for TourPass only: a bank card is a debit card.
    private func domesticFunding(user id: UserID) throws(WalletError) -> FundingSource {
        try ensureNotLapsed(id)
        guard let card = users[id.index].cards.first else {
            throw WalletError(.payNoPaymentMethod, "No direct payment method can be used currently, please choose another method to complete payment (no bank card linked)")
        }
        return .card(card)
    }

    /// The lock first, then the entry; a right entry (or none typed) resets the count.
    private mutating func checkPaymentPassword(user id: UserID, entered: String?) throws(WalletError) {
        if let until = users[id.index].payLockedUntil, now < until {
            throw WalletError(.payPasswordLocked, "payments are locked after too many wrong payment passwords, until \(until)")
        }
        guard let entered, entered != users[id.index].paymentPassword else {
            users[id.index].payWrongAttempts = 0
            return
        }
        users[id.index].payWrongAttempts += 1
        let wrong = users[id.index].payWrongAttempts
        if wrong >= policy.payAttempts {
            let until = now.adding(policy.payLock) ?? Instant.latest
            users[id.index].payLockedUntil = until
            users[id.index].payWrongAttempts = 0
            schedule.schedule(.paymentUnlock(id), at: until)
            note(.paymentsLocked(until: until), for: id)
            throw WalletError(.payPasswordLocked, "wrong payment password; payments are locked until \(until)")
        }
        let left = policy.payAttempts - wrong
        throw WalletError(.payWrongPassword, "wrong payment password (the 6-digit payment password, not the login password); \(left) \(left == 1 ? "try" : "tries") left")
    }

    /// The unverified daily limit (China calendar day) and the card itself.
    private mutating func chargeDomestic(user id: UserID, amount: Money, card: CardID) throws(WalletError) {
        let user = users[id.index]
        if !user.verified {
            let today = now.dayIndex
            let paidToday = user.dailyPaid.day == today ? user.dailyPaid.fen : 0
            if paidToday + amount.fen > policy.payUnverifiedDaily.fen {
                let room = Money(fen: max(0, policy.payUnverifiedDaily.fen - paidToday))
                throw WalletError(.payDailyLimit, "unverified accounts pay at most \(policy.payUnverifiedDaily) a day; \(room) left today (verify to lift it)")
            }
            users[id.index].dailyPaid = (today, paidToday)
        }
        try ensureChargeable(card, declineCode: .topupCardDeclined)
    }

    /// The merchant gives back part or all of what this user paid it, newest payment first.
    public mutating func refund(user id: UserID, amount: Money, merchant: MerchantID) throws(WalletError) -> RefundReceipt {
        let user = try activeUser(id)
        let shop = merchants[merchant.index]
        let open = user.payments.indices.filter { user.payments[$0].merchant == merchant }
        guard !open.isEmpty else {
            throw WalletError(.refundNoPayment, "\(user.name) never paid \(shop.name)")
        }
        let refundable = open.reduce(Int64(0)) { $0 + user.payments[$1].amountFen - user.payments[$1].refundedFen }
        if amount.fen > refundable {
            throw WalletError(.refundExceedsPayment, "\(shop.name) can refund at most \(Money(fen: refundable)) of what \(user.name) paid it")
        }
        var left = amount.fen
        var toPass: Int64 = 0
        var toCards: [CardRefund] = []
        for index in open.reversed() where left > 0 {
            let payment = users[id.index].payments[index]
            let share = min(left, payment.amountFen - payment.refundedFen)
            guard share > 0 else { continue }
            users[id.index].payments[index].refundedFen += share
            left -= share
            if let card = payment.card {
                post(share, from: .merchant(merchant), to: .card(card), kind: .merchantRefund)
                toCards.append(CardRefund(card: card, amount: Money(fen: share)))
            } else if users[id.index].pass.isUsable(at: now) {
                post(share, from: .merchant(merchant), to: .pass(id), kind: .merchantRefund)
                toPass += share
            } else {
                toCards += refundToCards(share, from: .merchant(merchant), user: id, kind: .merchantRefund)
            }
        }
        return RefundReceipt(merchant: merchant, amount: amount, toPass: Money(fen: toPass), toCards: toCards)
    }

    /// Changes the payment password (not while payments are locked).
    public mutating func changePassword(user id: UserID, to password: String) throws(WalletError) {
        _ = try activeUser(id)
        if let until = users[id.index].payLockedUntil, now < until {
            throw WalletError(.payPasswordLocked, "payments are locked until \(until); the payment password cannot change now")
        }
        users[id.index].paymentPassword = password
        users[id.index].payWrongAttempts = 0
    }

    /// Defines a merchant (defaults: cross-border code, accepts credit), or on an existing
    /// one updates only the options given.
    public mutating func defineMerchant(name: String, qr: QRKind? = nil, acceptsCredit: Bool? = nil) throws(WalletError) -> (MerchantID, created: Bool) {
        if let id = merchantByName[name] {
            // `cross-qr` and `domestic-qr` are what `pay … qr:` pays: their kind of code is fixed.
            if let qr, let kind = QRKind.allCases.first(where: { Merchant.anonymousName(for: $0) == name }), kind != qr {
                throw WalletError(.merchantReserved, "\(name) stands for any \(kind.rawValue) code (`pay … qr:\(kind.rawValue)`); its kind of code cannot change (define a merchant of your own)")
            }
            if let qr { merchants[id.index].qr = qr }
            if let acceptsCredit { merchants[id.index].acceptsCredit = acceptsCredit }
            return (id, false)
        }
        guard merchants.count < World.maxMerchants else {
            throw WalletError(.merchantLimit, "the world holds at most \(World.maxMerchants) merchants")
        }
        let id = MerchantID(index: merchants.count)
        merchants.append(Merchant(name: name, qr: qr ?? .cross, acceptsCredit: acceptsCredit ?? true))
        merchantByName[name] = id
        return (id, true)
    }
}
