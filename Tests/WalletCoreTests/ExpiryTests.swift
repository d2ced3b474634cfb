import Testing
@testable import WalletCore

/// The 90-day validity, the automatic refund at expiry and its order across cards.
@Suite struct ExpiryTests {
    static let ninetyDays = Instant(minutes: 90 * 1_440)

    /// Usable while now < first top-up + 90 days: the last minute works, the first after does not.
    @Test func lastMinuteAndFirstMinute() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        let visa = world[alice].cards[0]
        let cafe = try world.merchantID("cafe")
        #expect(try world.advance(to: Instant(minutes: Self.ninetyDays.minutes - 1)) == [])
        _ = try world.pay(user: alice, amount: cny("100"), merchant: cafe)
        #expect(world.passState(user: alice) == .active)
        let fired = try world.advance(by: minutes("1m"))
        #expect(fired == [FiredEvent(at: Self.ninetyDays, kind: .passExpired(alice, refunds: [CardRefund(card: visa, amount: cny("900"))], left: .zero))])
        #expect(world.passState(user: alice) == .expired)
        #expect(world.balance(user: alice) == .zero)
        #expect(world.refunded(user: alice) == cny("900"))
        #expect(world.fees(user: alice) == cny("50"), "the fee is never refunded")
        expectFailure(.tourpassExpired, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe) }
        expectFailure(.tourpassExpired, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        #expect(world.statement(user: alice).last?.kind == .expiryRefund)
    }

    /// A pass opened within 90 days of the clock's end ends at its last minute, never in a
    /// wrapped year (it printed `valid until 0000-03-29 00:00`).
    @Test func passNearTheClockEndEndsAtItsLastMinute() throws {
        var world = World()
        _ = try world.advance(to: Instant(civil: CivilDate(year: 9999, month: 12, day: 30)))
        let alice = try world.passHolder()
        #expect(world[alice].pass.expiresAt == Instant.latest)
        #expect(Instant.latest.description == "9999-12-31 23:59")
        let fired = try world.advance(to: Instant.latest)
        #expect(fired.count == 1 && fired[0].at == Instant.latest)
        #expect(world.passState(user: alice) == .expired)
    }

    /// An event due exactly at the target of `advance` fires.
    @Test func eventAtTheTargetFires() throws {
        var world = World()
        let alice = try world.passHolder()
        let fired = try world.advance(to: Self.ninetyDays)
        #expect(fired.count == 1 && fired[0].at == Self.ninetyDays)
        #expect(world.passState(user: alice) == .expired)
        #expect(try world.advance(by: .days(1000)) == [], "it fires once")
    }

    /// `advance 0` fires what is due now (a zero-length payment lock falls due at once).
    @Test func advanceZeroFiresWhatIsDueNow() throws {
        var world = World()
        let alice = try world.passHolder()
        let cafe = try world.merchantID("cafe")
        try world.setPolicy("pay.lock", to: "0m")
        for _ in 0..<4 { expectFailure(.payWrongPassword, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "000000") } }
        expectFailure(.payPasswordLocked, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "000000") }
        #expect(world.pendingEvents.count == 3, "the pass expiry, the passport lapse, the unlock")
        #expect(world.invariantViolations() == [], "due now is not overdue")
        let fired = try world.advance(by: SimDuration(minutes: 0))
        #expect(fired == [FiredEvent(at: .start, kind: .paymentUnlocked(alice))])
        #expect(world.now == .start)
        #expect(world.pendingEvents.count == 2)
    }

    /// Alice topped up CNY 1000 from her Visa, then CNY 500 from a Mastercard.
    static func visaThenMastercard() throws -> (World, UserID, CardID, CardID) {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        let visa = world[alice].cards[0]
        let mc = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard)).card
        _ = try world.topUp(user: alice, amount: cny("1000"), card: "visa")
        _ = try world.topUp(user: alice, amount: cny("500"), card: "mastercard")
        return (world, alice, visa, mc)
    }

    /// Newest top-up's card first; no card gets more than it paid in; fees stay.
    @Test func refundOrderAcrossCards() throws {
        var (world, alice, visa, mc) = try Self.visaThenMastercard()
        _ = try world.pay(user: alice, amount: cny("800"), merchant: world.merchantID("cafe"))
        let fired = try world.advance(by: .days(90))
        #expect(fired.first?.kind == .passExpired(alice, refunds: [CardRefund(card: mc, amount: cny("500")),
                                                                    CardRefund(card: visa, amount: cny("200"))], left: .zero))
        #expect(world.charged(user: alice) == cny("1575"))
        #expect(world.refunded(user: alice) == cny("700"))
        #expect(world.fees(user: alice) == cny("75"))
        #expect(world.invariantViolations() == [])
    }

    @Test func noCardGetsMoreThanItPaidIn() throws {
        var (world, alice, visa, mc) = try Self.visaThenMastercard()
        _ = try world.advance(by: .days(90))
        #expect(world.refunded(user: alice, card: mc) == cny("500"))
        #expect(world.refunded(user: alice, card: visa) == cny("1000"))
    }

    /// A card topping up again becomes the newest.
    @Test func aRepeatedCardBecomesNewest() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        let visa = world[alice].cards[0]
        let mc = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard)).card
        _ = try world.topUp(user: alice, amount: cny("1000"), card: "visa")
        _ = try world.topUp(user: alice, amount: cny("200"), card: "mastercard")
        _ = try world.topUp(user: alice, amount: cny("100"), card: "visa")
        _ = try world.pay(user: alice, amount: cny("1000"), merchant: world.merchantID("cafe"))
        let fired = try world.advance(by: .days(90))
        #expect(fired.first?.kind == .passExpired(alice, refunds: [CardRefund(card: visa, amount: cny("300"))], left: .zero))
        #expect(world.refunded(user: alice, card: mc) == .zero)
    }

    @Test func anEmptyPassExpiresWithNothingToRefund() throws {
        var world = World()
        let alice = try world.passHolder(amount: "100")
        _ = try world.pay(user: alice, amount: cny("100"), merchant: world.merchantID("cafe"))
        let fired = try world.advance(by: .days(90))
        #expect(fired.first?.kind == .passExpired(alice, refunds: [], left: .zero))
        #expect(world.refunded(user: alice) == .zero)
    }

    /// A refund of an old period's payment lands on the new pass; at its expiry every card
    /// that still has room takes its share, the old card included.
    @Test func refundsAcrossPeriods() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        let visa = world[alice].cards[0]
        let cafe = try world.merchantID("cafe")
        _ = try world.pay(user: alice, amount: cny("1000"), merchant: cafe)
        _ = try world.advance(by: .days(90))
        try world.reactivate(user: alice)
        let mc = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard)).card
        _ = try world.topUp(user: alice, amount: cny("500"), card: "mastercard")
        let refund = try world.refund(user: alice, amount: cny("1000"), merchant: cafe)
        #expect(refund.toPass == cny("1000"))
        #expect(world.balance(user: alice) == cny("1500"))
        let fired = try world.advance(by: .days(90))
        #expect(fired.first?.kind == .passExpired(alice, refunds: [CardRefund(card: mc, amount: cny("500")),
                                                                    CardRefund(card: visa, amount: cny("1000"))], left: .zero))
        #expect(world.invariantViolations() == [])
    }

    /// Two passes expiring at the same instant fire in the order they were scheduled.
    @Test func sameInstantFiresInSchedulingOrder() throws {
        var world = World()
        let bob = try world.verifiedUserWithVisa("bob", card: Cards.mastercard)
        let alice = try world.verifiedUserWithVisa("alice")
        _ = try world.topUp(user: bob, amount: cny("100"))
        _ = try world.topUp(user: alice, amount: cny("100"))
        let fired = try world.advance(by: .days(365))
        #expect(fired.map(\.kind).compactMap { if case .passExpired(let id, _, _) = $0 { id } else { nil } } == [bob, alice])
        #expect(fired.allSatisfy { $0.at == Self.ninetyDays })
    }
}
