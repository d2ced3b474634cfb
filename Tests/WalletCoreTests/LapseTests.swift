import Testing
@testable import WalletCore

/// A verification lasts as long as its passport (RULES.md "Settled cases", dates).
@Suite struct LapseTests {
    static func day(_ text: String) -> CivilDate { CivilDate.parse(Substring(text))! }

    @Test(arguments: [
        ("2026-01-01", "2036-01-01"), ("2028-02-29", "2038-02-28"), ("2026-01-31", "2036-01-31"),
        ("2032-02-29", "2042-02-28"), ("2030-02-28", "2040-02-28"), ("9995-06-01", "9999-12-31"),
    ])
    func defaultExpiry(verified: String, expires: String) {
        #expect(World.defaultPassportExpiry(verifiedOn: Self.day(verified)) == Self.day(expires))
    }

    @Test func lapseIsDueAtTheMidnightAfterTheExpiryDate() throws {
        var world = World()
        let alice = try world.passHolder()
        _ = try world.verify(user: alice, VerifyRequest(expires: Self.day("2026-01-10")))
        _ = try world.advance(to: Instant.parse("2026-01-10 23:59")!)
        #expect(world[alice].verified)
        let fired = try world.advance(by: SimDuration(minutes: 1))
        #expect(fired == [FiredEvent(at: Instant.parse("2026-01-11")!, kind: .passportLapsed(alice))])
        #expect(!world[alice].verified && world[alice].everVerified && world[alice].lapsed)
        #expect(world.invariantViolations() == [])
    }

    @Test func lapsedTopUpAndPaymentAreRefusedNothingElse() throws {
        var world = World()
        let alice = try world.passHolder(amount: "500")
        _ = try world.verify(user: alice, VerifyRequest(expires: Self.day("2026-01-01")))
        _ = try world.advance(by: .days(1))
        let cafe = try world.merchantID("cafe")
        expectFailure(.verifyLapsed, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        expectFailure(.verifyLapsed, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe) }
        // the merchant's code and credit come first
        expectFailure(.payDomesticQR, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: $0.merchantID("noodles")) }
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: $0.merchantID("supplier")) }
        // a card link still works; the pass keeps its balance and its own expiry
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard))
        #expect(world.balance(user: alice) == cny("500"))
        _ = try world.advance(to: Instant.parse("2026-04-01")!)
        #expect(world.passState(user: alice) == .expired && world.refunded(user: alice) == cny("500"))
        try world.reactivate(user: alice)
    }

    @Test func neverVerifiedIsNotVerifiedLapsedIsLapsed() throws {
        var world = World()
        let alice = try world.intlUser()
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.visa))
        expectFailure(.tourpassNotVerified, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        _ = try world.verify(user: alice, VerifyRequest(expires: Self.day("2026-01-01")))
        _ = try world.advance(by: .days(1))
        expectFailure(.verifyLapsed, &world) { try $0.topUp(user: alice, amount: cny("100")) }
    }

    @Test func domesticLapsedPaysNothingButStillSends() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: false)
        _ = try world.verify(user: dan, VerifyRequest(expires: Self.day("2026-01-01")))
        let bob = try world.domesticWithCard("bob", verified: true)
        _ = try world.advance(by: .days(1))
        expectFailure(.verifyLapsed, &world) { try $0.pay(user: dan, amount: cny("1"), merchant: $0.merchantID("noodles")) }
        _ = try world.transfer(user: dan, amount: cny("5"), to: bob)
        // as a receiver a lapsed user is unverified
        expectFailure(.transferReceiverUnverified, &world) { try $0.transfer(user: bob, amount: cny("5"), to: dan) }
    }

    @Test func aNewVerifyCancelsTheEarlierLapseAndTheSamePeriodGoesOn() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        _ = try world.verify(user: alice, VerifyRequest(expires: Self.day("2026-01-05")))
        _ = try world.verify(user: alice, VerifyRequest(passport: "P1234567", expires: Self.day("2026-01-20")))
        #expect(try world.advance(to: Instant.parse("2026-01-10")!) == [], "the replaced passport's lapse never fires")
        #expect(world[alice].verified)
        _ = try world.advance(to: Instant.parse("2026-01-21")!)
        #expect(!world[alice].verified)
        let expiry = world[alice].pass.expiresAt
        _ = try world.verify(user: alice, VerifyRequest(expires: Self.day("2036-01-01")))
        _ = try world.topUp(user: alice, amount: cny("100"))
        #expect(world[alice].pass.expiresAt == expiry && world[alice].pass.periodTopupCount == 2)
        #expect(world[alice].pass.periodTopupFen == 110_000)
    }

    @Test func aFailedVerifyChangesNothing() throws {
        var world = World()
        let alice = try world.intlUser()
        let passport = try world.verify(user: alice, VerifyRequest())
        expectFailure(.verifyFaceFailed, &world) { try $0.verify(user: alice, VerifyRequest(passport: "X1234567", facePasses: false)) }
        #expect(world[alice].passport == passport && world[alice].verified)
        #expect(world.pendingEvents.count == 1)
    }

    @Test func expiredMeansBeforeTodaysDate() throws {
        var world = World()
        let alice = try world.intlUser()
        _ = try world.advance(to: Instant.parse("2026-03-10 18:00")!)
        _ = try world.verify(user: alice, VerifyRequest(expires: Self.day("2026-03-10")))
        expectFailure(.verifyPassportExpired, &world) { try $0.verify(user: alice, VerifyRequest(expires: Self.day("2026-03-09"))) }
    }

    @Test func theInvariantNoticesAVerifiedUserOnAnExpiredPassport() throws {
        var world = World()
        let alice = try world.intlUser()
        _ = try world.verify(user: alice, VerifyRequest(expires: Self.day("2026-01-01")))
        world.schedule = EventQueue()   // the lapse never fires
        _ = try world.advance(by: .days(2))
        #expect(world.invariantViolations().contains { $0.contains("expired on 2026-01-01") })
    }
}
