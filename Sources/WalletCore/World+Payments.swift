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
    /// Pays the merchant named `merchantName`. The checks are `PayRules.international` or
    /// `PayRules.domestic`, in order, the merchant's existence first; the first failure is
    /// the answer and no money moves. A wrong password counts (and may lock payments); a
    /// right one, or none typed, resets the count once the checks reach it.
    public mutating func pay(user id: UserID, amount: Money, merchantNamed merchantName: String, password: String? = nil) throws(WalletError) -> PaymentReceipt {
        try pay(PayInput(user: id, amount: amount, merchant: merchantByName[merchantName], merchantName: merchantName, password: password))
    }

    /// Pays a merchant already looked up.
    public mutating func pay(user id: UserID, amount: Money, merchant: MerchantID, password: String? = nil) throws(WalletError) -> PaymentReceipt {
        try pay(PayInput(user: id, amount: amount, merchant: merchant, merchantName: merchants[merchant.index].name, password: password))
    }

    private mutating func pay(_ input: PayInput) throws(WalletError) -> PaymentReceipt {
        let id = input.user, amount = input.amount
        try ensureSignedUp(id)
        let international = users[id.index].version == .international
        let passwordIndex = international ? PayRules.internationalPasswordIndex : PayRules.domesticPasswordIndex
        // The lists are read in place: `let list = international ? … : …` copied a RuleList
        // (its strings and array retained, then released) on every payment.
        let failed = international ? PayRules.international.firstFailure(self, input) : PayRules.domestic.firstFailure(self, input)
        if let index = failed {
            if index == passwordIndex { try wrongPassword(user: id, payError(at: index, international, input)) }
            if index > passwordIndex { users[id.index].payWrongAttempts = 0 }
            throw payError(at: index, international, input)
        }
        // The rules found the merchant.
        guard let merchant = input.merchant else { throw payError(at: 0, international, input) }
        users[id.index].payWrongAttempts = 0
        let source: FundingSource
        if international {
            source = .pass
            try ensureRoom(for: amount.fen, touching: .pass(id), .merchant(merchant))
            post(amount.fen, from: .pass(id), to: .merchant(merchant), kind: .payment)
        } else {
            // The rules found the earliest-linked card.
            guard let card = users[id.index].cards.first else { throw payError(at: PayRules.domesticCardIndex, international, input) }
            source = .card(card)
            try ensureRoom(for: amount.fen, touching: .card(card), .merchant(merchant))
            post(amount.fen, from: .card(card), to: .merchant(merchant), kind: .payment)
            if !users[id.index].verified { users[id.index].dailyPaid = (now.dayIndex, paidToday(id) + amount.fen) }
        }
        let cardUsed: CardID? = if case .card(let card) = source { card } else { nil }
        // Room for 16 at the first payment (growing 1, 2, 4, 8, 16 copied them four times).
        if users[id.index].payments.isEmpty { users[id.index].payments.reserveCapacity(16) }
        users[id.index].payments.append(Payment(merchant: merchant, amountFen: amount.fen, card: cardUsed))
        return PaymentReceipt(merchant: merchant, amount: amount, source: source,
                              passBalance: international ? Money(fen: users[id.index].pass.balanceFen) : nil)
    }

    /// The answer of the pay rule at `index` in the user's list.
    private func payError(at index: Int, _ international: Bool, _ input: PayInput) -> WalletError {
        international ? PayRules.international.error(at: index, self, input) : PayRules.domestic.error(at: index, self, input)
    }

    /// A wrong payment password counts; the `pay.attempts`-th in a row locks payments for
    /// `pay.lock` and answers `pay.password_locked`. Always throws.
    private mutating func wrongPassword(user id: UserID, _ wrong: WalletError) throws(WalletError) {
        users[id.index].payWrongAttempts += 1
        guard users[id.index].payWrongAttempts >= policy.payAttempts else { throw wrong }
        let until = now.adding(policy.payLock) ?? Instant.latest
        users[id.index].payLockedUntil = until
        users[id.index].payWrongAttempts = 0
        schedule.schedule(.paymentUnlock(id), at: until)
        note(.paymentsLocked(until: until), for: id)
        throw WalletError(.payPasswordLocked, "wrong payment password; payments are locked until \(until)", rule: "pay.password")
    }

    /// The merchant named `merchantName` gives back part or all of what this user paid it,
    /// newest payment first. The checks are `RefundRules.list`, in order; the first failure
    /// is the answer and nothing moves.
    public mutating func refund(user id: UserID, amount: Money, merchantNamed merchantName: String) throws(WalletError) -> RefundReceipt {
        try refund(RefundInput(user: id, amount: amount, merchant: merchantByName[merchantName], merchantName: merchantName))
    }

    /// A refund from a merchant already looked up.
    public mutating func refund(user id: UserID, amount: Money, merchant: MerchantID) throws(WalletError) -> RefundReceipt {
        try refund(RefundInput(user: id, amount: amount, merchant: merchant, merchantName: merchants[merchant.index].name))
    }

    private mutating func refund(_ input: RefundInput) throws(WalletError) -> RefundReceipt {
        let id = input.user, amount = input.amount
        try ensureSignedUp(id)
        try RefundRules.list.check(self, input)
        // The rules found the merchant.
        guard let merchant = input.merchant else { throw RefundRules.list.error(at: 0, self, input) }
        let open = users[id.index].payments.indices.filter { users[id.index].payments[$0].merchant == merchant }
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
        try MerchantRules.list.check(self, MerchantInput(name: name, qr: qr, acceptsCredit: acceptsCredit))
        if let id = merchantByName[name] {
            if let qr { merchants[id.index].qr = qr }
            if let acceptsCredit { merchants[id.index].acceptsCredit = acceptsCredit }
            return (id, false)
        }
        // A limit of the world, not a rule (like `money.overflow`).
        guard merchants.count < World.maxMerchants else {
            throw WalletError(.merchantLimit, "the world holds at most \(World.maxMerchants) merchants")
        }
        let id = MerchantID(index: merchants.count)
        merchants.append(Merchant(name: name, qr: qr ?? .cross, acceptsCredit: acceptsCredit ?? true))
        merchantByName.insert(name, id)
        return (id, true)
    }
}
