/// An event that fired while the clock moved.
public struct FiredEvent: Sendable, Equatable {
    public let at: Instant
    public let kind: Kind

    public enum Kind: Sendable, Equatable {
        /// The pass expired; its balance went back to these cards (`left` is anything no
        /// card could take, which the invariants say never happens).
        case passExpired(UserID, refunds: [CardRefund], left: Money)
        case paymentUnlocked(UserID)
        case signupUnlocked(UserID)
        /// The passport expired: the user counts as unverified until a new `verify`.
        case passportLapsed(UserID)
    }
}

extension World {
    /// Moves the clock forward to `target`, firing every event due on the way (one due
    /// exactly at `target` included) in time order, ties in scheduling order. The cost is
    /// the events that fall due, not the time that passes.
    public mutating func advance(to target: Instant) throws(WalletError) -> [FiredEvent] {
        guard target >= now else {
            throw WalletError(.clockOutOfRange, "the clock only moves forward (it is \(now))")
        }
        guard target <= Instant.latest else {
            throw WalletError(.clockOutOfRange, "the clock stops at \(Instant.latest)")
        }
        var fired: [FiredEvent] = []
        while let next = schedule.next, next.due <= target {
            _ = schedule.popNext()
            now = next.due
            if let event = fire(next) { fired.append(event) }
        }
        now = target
        return fired
    }

    public mutating func advance(by span: SimDuration) throws(WalletError) -> [FiredEvent] {
        guard span.minutes >= 0 else {
            throw WalletError(.clockOutOfRange, "the clock only moves forward")
        }
        guard let target = now.adding(span) else {
            throw WalletError(.clockOutOfRange, "the clock stops at \(Instant.latest)")
        }
        return try advance(to: target)
    }

    /// Fires one due event, or drops it if a later change made it stale.
    private mutating func fire(_ event: ScheduledEvent) -> FiredEvent? {
        switch event.kind {
        case .passExpiry(let id, let period):
            let pass = users[id.index].pass
            guard pass.state == .active, pass.period == period else { return nil }
            users[id.index].pass.state = .expired
            note(.passExpired, for: id)
            let refunds = refundToCards(pass.balanceFen, from: .pass(id), user: id, kind: .expiryRefund)
            return FiredEvent(at: now, kind: .passExpired(id, refunds: refunds, left: Money(fen: users[id.index].pass.balanceFen)))
        case .paymentUnlock(let id):
            guard users[id.index].payLockedUntil == event.due else { return nil }
            users[id.index].payLockedUntil = nil
            users[id.index].payWrongAttempts = 0
            note(.paymentsUnlocked, for: id)
            return FiredEvent(at: now, kind: .paymentUnlocked(id))
        case .signupUnlock(let id):
            guard users[id.index].signupLockedUntil == event.due else { return nil }
            users[id.index].signupLockedUntil = nil
            users[id.index].smsWrongAttempts = 0
            note(.signupUnlocked, for: id)
            return FiredEvent(at: now, kind: .signupUnlocked(id))
        case .passportLapse(let id, let serial):
            // A later `verify` replaced the passport: its own lapse is the one that counts.
            guard users[id.index].passportSerial == serial, !users[id.index].lapsed else { return nil }
            users[id.index].lapsed = true
            note(.verificationLapsed, for: id)
            return FiredEvent(at: now, kind: .passportLapsed(id))
        }
    }
}
