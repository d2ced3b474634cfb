/// What the explorer (breadth-first search and random walks in WalletScript) needs from
/// the core: a fingerprint of the state that matters, and a few read-only views.

/// A 128-bit digest of a world's state. Two states with the same fingerprint behave the
/// same under every command; the odds of two different states colliding are about
/// n² / 2¹²⁹ (for ten million states, under 10⁻²⁴).
public struct StateFingerprint: Hashable, Sendable {
    public let high: UInt64
    public let low: UInt64
}

/// A fixed, seedless mixer (not `Hasher`, which is seeded per process), so the same world
/// has the same fingerprint on every machine and run.
struct FingerprintHasher {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344

    @inline(__always)
    mutating func mix(_ value: UInt64) {
        a = (a ^ value) &* 0x9E37_79B9_7F4A_7C15
        a ^= a >> 29
        b = (b &+ value) &* 0xC2B2_AE3D_27D4_EB4F
        b ^= b >> 31
        b = (b << 7) | (b >> 57)
    }

    @inline(__always) mutating func mix(_ value: Int64) { mix(UInt64(bitPattern: value)) }
    @inline(__always) mutating func mix(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }
    @inline(__always) mutating func mix(_ value: Bool) { mix(value ? UInt64(1) : 2) }
    @inline(__always) mutating func mix(_ value: Instant?) { mix(value.map { UInt64(bitPattern: $0.minutes) } ?? UInt64.max) }

    mutating func mix(_ text: String) {
        var word: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            word = (word << 8) | UInt64(byte)
            count += 1
            if count & 7 == 0 { mix(word); word = 0 }
        }
        mix(word ^ UInt64(count) << 56)
    }

    func finish() -> StateFingerprint {
        var x = a ^ (b >> 17), y = b ^ (a << 13)
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        y = (y ^ (y >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        y ^= y >> 33
        return StateFingerprint(high: x, low: y)
    }
}

extension World {
    /// The fingerprint of everything a later command or event can read, plus `extra` (the
    /// interpreter's current user). Left out, because no rule reads them: the ledger's list
    /// of postings and each user's journal, the statement `history` prints (they only grow;
    /// every balance a rule reads is kept beside its entity), the event queue (each live event is implied by the
    /// entity that scheduled it: a pass's expiry, a lock's end) and the policy (fixed during
    /// a search). `FingerprintCoverageTests` fails when a stored property is added without
    /// being placed in one list or the other.
    public func fingerprint(extra: Int) -> StateFingerprint {
        var h = FingerprintHasher()
        h.mix(extra)
        h.mix(now.minutes)
        h.mix(users.count)
        for user in users {
            h.mix(user.name)
            h.mix(user.phone.countryCode)
            h.mix(user.phone.number)
            h.mix(user.version == .international)
            h.mix(user.nationality)
            h.mix(user.registeredName)
            h.mix(user.registeredNameTypedLength)
            h.mix(user.signedUp)
            h.mix(user.smsCode)
            h.mix(user.smsWrongAttempts)
            h.mix(user.signupLockedUntil)
            if let passport = user.passport {
                h.mix(passport.number)
                h.mix(Int64(passport.expires.daysSinceEpoch))
                h.mix(passport.nationality)
                h.mix(passport.holderName)
                h.mix(passport.born.map(\.daysSinceEpoch) ?? Int64.min)
            } else {
                h.mix(UInt64(0xDEAD))
            }
            h.mix(user.lapsed)
            h.mix(user.passportSerial)
            h.mix(user.cards.count)
            for card in user.cards { h.mix(card.index) }
            h.mix(user.paymentPassword ?? "")
            h.mix(user.payWrongAttempts)
            h.mix(user.payLockedUntil)
            let pass = user.pass
            h.mix(pass.state == .none ? 0 : pass.state == .active ? 1 : 2)
            h.mix(pass.balanceFen)
            h.mix(pass.expiresAt)
            h.mix(pass.period)
            h.mix(pass.periodTopupFen)
            h.mix(pass.periodTopupCount)
            h.mix(pass.periodLimitFen)
            h.mix(pass.fundingCards.count)
            for card in pass.fundingCards { h.mix(card.index) }
            h.mix(user.walletFen)
            h.mix(user.receivedUnverifiedFen)
            h.mix(user.receiveCapFen)
            h.mix(user.dailyPaid.day)
            h.mix(user.dailyPaid.fen)
            h.mix(user.payments.count)
            for payment in user.payments {
                h.mix(payment.merchant.index)
                h.mix(payment.amountFen)
                h.mix(payment.refundedFen)
                h.mix(payment.card.map(\.index) ?? -1)
            }
        }
        h.mix(cards.count)
        for card in cards {
            h.mix(card.number)
            h.mix(card.holderName)
            h.mix(card.expiry.month * 10_000 + card.expiry.year)
            h.mix(card.owner.index)
            h.mix(card.declinesCharges)
            h.mix(card.sandboxWord ?? "")
            h.mix(card.chargedFen)
            h.mix(card.refundableInFen)
            h.mix(card.refundedFen)
        }
        h.mix(merchants.count)
        for merchant in merchants {
            h.mix(merchant.name)
            h.mix(merchant.qr == .cross)
            h.mix(merchant.acceptsCredit)
            h.mix(merchant.balanceFen)
        }
        h.mix(ledger.feesFen)
        return h.finish()
    }

    /// The stored properties the fingerprint mixes in and those it leaves out, by type,
    /// for the coverage test.
    public static let fingerprintCoverage: [String: (hashed: [String], omitted: [String])] = [
        "World": (["now", "users", "cards", "merchants", "ledger"], ["policy", "schedule", "userByName", "userByPhone", "cardByNumber", "merchantByName"]),
        "User": (["name", "phone", "version", "nationality", "registeredName", "registeredNameTypedLength", "signedUp", "smsCode", "smsWrongAttempts",
                  "signupLockedUntil", "passport", "lapsed", "passportSerial", "cards", "paymentPassword", "payWrongAttempts", "payLockedUntil", "pass",
                  "walletFen", "receivedUnverifiedFen", "receiveCapFen", "dailyPaid", "payments"], ["journal"]),
        "TourPass": (["state", "balanceFen", "expiresAt", "period", "periodTopupFen", "periodTopupCount", "periodLimitFen", "fundingCards"], []),
        "Card": (["number", "brand", "last4", "holderName", "expiry", "owner", "declinesCharges", "sandboxWord", "chargedFen", "refundableInFen", "refundedFen"], []),
        "Passport": (["number", "expires", "nationality", "holderName", "born"], []),
        "Payment": (["merchant", "amountFen", "refundedFen", "card"], []),
        "Merchant": (["name", "qr", "acceptsCredit", "balanceFen"], []),
        "Ledger": (["feesFen"], ["postings"]),
    ]

    /// Events still due to change something, soonest first: stale ones (a pass expiry of an
    /// earlier period, a lock that was replaced) are left out.
    public var liveEvents: [(due: Instant, kind: EventKind)] {
        pendingEvents.filter { event in
            switch event.kind {
            case .passExpiry(let id, let period):
                return users[id.index].pass.state == .active && users[id.index].pass.period == period
            case .paymentUnlock(let id): return users[id.index].payLockedUntil == event.due
            case .signupUnlock(let id): return users[id.index].signupLockedUntil == event.due
            case .passportLapse(let id, let serial):
                return users[id.index].passportSerial == serial && !users[id.index].lapsed
            }
        }
    }

    /// What an unverified domestic user paid today (China calendar day).
    public func paidToday(user id: UserID) -> Money {
        let paid = users[id.index].dailyPaid
        return Money(fen: paid.day == now.dayIndex ? paid.fen : 0)
    }

    /// Whether `password` is the user's payment password.
    public func isPaymentPassword(_ password: String, user id: UserID) -> Bool {
        users[id.index].paymentPassword == password
    }

    /// The sandbox word a card was linked with, or whose table number it carries.
    public func sandboxWord(of card: CardID) -> String? {
        cards[card.index].sandboxWord ?? tableWord(ofCardAt: card.index)
    }

    /// The sandbox word whose table number this card carries: typed by another user, it is
    /// `card.already_used`.
    public func tableWord(ofCardAt index: Int) -> String? {
        TestCard.all.first { $0.number == cards[index].number }?.word
    }

    /// The card's first minute of being invalid.
    public func firstInvalidInstant(of card: CardID) -> Instant { cards[card.index].expiry.firstInvalidInstant }
}
