import Testing
@testable import WalletCore

/// TourPass top-ups: eligibility, limits, the fee, the check order, reactivation.
@Suite struct TopUpTests {
    @Test func amountBoundaries() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        expectFailure(.topupBelowMinimum, &world) { try $0.topUp(user: alice, amount: cny("99.99")) }
        _ = try world.topUp(user: alice, amount: cny("100"))
        _ = try world.topUp(user: alice, amount: cny("2000"))
        expectFailure(.topupAboveMaximum, &world) { try $0.topUp(user: alice, amount: cny("2000.01")) }
        #expect(world.balance(user: alice) == cny("2100"))
    }

    /// 5% charged to the card on top of the amount; the pass gets the amount.
    @Test func feeIsChargedOnTop() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        let first = try world.topUp(user: alice, amount: cny("1000"))
        #expect(first.fee == cny("50") && first.amount == cny("1000") && first.balance == cny("1000"))
        #expect(first.opened)
        #expect(first.expiresAt == Instant(minutes: 90 * 1_440))
        #expect(world.charged(user: alice) == cny("1050"))
        #expect(world.fees(user: alice) == cny("50"))
        #expect(world.ledger.feesFen == 5_000)
        #expect(world.statement(user: alice).map(\.kind) == [.topup, .fee])
        _ = try world.advance(by: .days(10))
        let second = try world.topUp(user: alice, amount: cny("100.10"))
        #expect(second.fee == cny("5.01"), "5.005 rounds up")
        #expect(!second.opened)
        #expect(second.expiresAt == first.expiresAt, "the period runs from its first top-up")
        #expect(world.invariantViolations() == [])
    }

    /// Five top-ups of 2000 fill the 10000 cap; spending does not give room back.
    @Test func cumulativeCap() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        for _ in 0..<5 { _ = try world.topUp(user: alice, amount: cny("2000")) }
        expectFailure(.topupCumulativeLimit, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        _ = try world.pay(user: alice, amount: cny("5000"), merchant: world.merchantID("cafe"))
        expectFailure(.topupCumulativeLimit, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        #expect(world[alice].pass.periodTopupFen == 1_000_000)
    }

    @Test func cumulativeCapToTheFen() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        try world.setPolicy("topup.min", to: "0.01")
        for _ in 0..<4 { _ = try world.topUp(user: alice, amount: cny("2000")) }
        _ = try world.topUp(user: alice, amount: cny("1999.99"))
        _ = try world.topUp(user: alice, amount: cny("0.01"))
        expectFailure(.topupCumulativeLimit, &world) { try $0.topUp(user: alice, amount: cny("0.01")) }
        #expect(world.balance(user: alice) == cny("10000"))
    }

    @Test func capAndCountStartAgainAfterReactivation() throws {
        var world = World()
        try world.setPolicy("topup.count", to: "5")
        let alice = try world.verifiedUserWithVisa()
        for _ in 0..<5 { _ = try world.topUp(user: alice, amount: cny("2000")) }
        expectFailure(.topupCountLimit, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        _ = try world.advance(by: .days(90))
        #expect(world.passState(user: alice) == .expired)
        expectFailure(.tourpassExpired, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        try world.reactivate(user: alice)
        #expect(world.passState(user: alice) == .none)
        let receipt = try world.topUp(user: alice, amount: cny("2000"))
        #expect(receipt.opened)
        #expect(receipt.expiresAt == Instant(minutes: 180 * 1_440))
        for _ in 0..<4 { _ = try world.topUp(user: alice, amount: cny("2000")) }
        expectFailure(.topupCountLimit, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        #expect(world[alice].pass.period == 2)
    }

    @Test func countCap() throws {
        var world = World()
        try world.setPolicy("topup.count", to: "2")
        let alice = try world.verifiedUserWithVisa()
        _ = try world.topUp(user: alice, amount: cny("100"))
        _ = try world.topUp(user: alice, amount: cny("100"))
        expectFailure(.topupCountLimit, &world) { try $0.topUp(user: alice, amount: cny("100")) }
    }

    @Test func eligibility() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: true)
        expectFailure(.tourpassDomesticUser, &world) { try $0.topUp(user: dan, amount: cny("100")) }
        let alice = try world.intlUser("alice")
        expectFailure(.tourpassNotVerified, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.visa))
        expectFailure(.tourpassNotVerified, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        let bob = try world.intlUser("bob")
        _ = try world.verify(user: bob, VerifyRequest())
        expectFailure(.cardNone, &world) { try $0.topUp(user: bob, amount: cny("100")) }
    }

    /// A top-up failing several checks answers the first in RULES.md's order; nothing moves.
    @Test func order() throws {
        var world = World()
        let dan = try world.domesticUser("dan")
        expectFailure(.tourpassDomesticUser, &world) { try $0.topUp(user: dan, amount: cny("50")) }
        let una = try world.intlUser("una")
        expectFailure(.tourpassNotVerified, &world) { try $0.topUp(user: una, amount: cny("50")) }
        _ = try world.verify(user: una, VerifyRequest())
        expectFailure(.cardNone, &world) { try $0.topUp(user: una, amount: cny("50000")) }

        // expired pass before the minimum
        let old = try world.passHolder("old", card: Cards.jcb)
        _ = try world.advance(by: .days(90))
        expectFailure(.tourpassExpired, &world) { try $0.topUp(user: old, amount: cny("50")) }

        // min / max before the count cap; count cap before the cumulative cap
        try world.setPolicy("topup.count", to: "5")
        let full = try world.intlUser("full")
        _ = try world.verify(user: full, VerifyRequest())
        _ = try world.linkCard(user: full, CardRequest(number: Cards.visa, expiry: CardExpiry.parse("04/26")))
        for _ in 0..<5 { _ = try world.topUp(user: full, amount: cny("2000")) }
        expectFailure(.topupBelowMinimum, &world) { try $0.topUp(user: full, amount: cny("50")) }
        expectFailure(.topupAboveMaximum, &world) { try $0.topUp(user: full, amount: cny("3000")) }
        expectFailure(.topupCountLimit, &world) { try $0.topUp(user: full, amount: cny("100")) }
        try world.setPolicy("topup.count", to: "none")
        expectFailure(.topupCumulativeLimit, &world) { try $0.topUp(user: full, amount: cny("100")) }

        // the declined card; then, once both cards have run out, the cap before the card's
        // expiry and the card's expiry before the issuer
        let late = try world.intlUser("late")
        _ = try world.verify(user: late, VerifyRequest())
        _ = try world.linkCard(user: late, CardRequest(number: Cards.declined, expiry: CardExpiry.parse("04/26")))
        expectFailure(.topupCardDeclined, &world) { try $0.topUp(user: late, amount: cny("100")) }
        _ = try world.advance(to: Instant.parse("2026-05-01")!)
        #expect(world.passState(user: full) == .active)
        expectFailure(.topupCumulativeLimit, &world) { try $0.topUp(user: full, amount: cny("100")) }
        expectFailure(.cardExpired, &world) { try $0.topUp(user: late, amount: cny("100")) }
    }

    @Test func chosenCardIsCharged() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        let mc = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard)).card
        let receipt = try world.topUp(user: alice, amount: cny("200"), card: "mastercard")
        #expect(receipt.card == mc)
        #expect(world.charged(user: alice, card: mc) == cny("210"))
        #expect(world.charged(user: alice, card: world[alice].cards[0]) == .zero)
    }

    @Test func reactivateOnlyAnExpiredPass() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        expectFailure(.tourpassNotExpired, &world) { try $0.reactivate(user: alice) }
        _ = try world.topUp(user: alice, amount: cny("100"))
        expectFailure(.tourpassNotExpired, &world) { try $0.reactivate(user: alice) }
        let dan = try world.domesticUser()
        expectFailure(.tourpassDomesticUser, &world) { try $0.reactivate(user: dan) }
        _ = try world.advance(by: .days(90))
        try world.reactivate(user: alice)
        #expect(world.passState(user: alice) == .none)
        #expect(world[alice].pass.expiresAt == nil)
        expectFailure(.tourpassNotExpired, &world) { try $0.reactivate(user: alice) }
        // Reactivated but not topped up: nothing to pay with.
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: $0.merchantID("cafe")) }
    }
}
