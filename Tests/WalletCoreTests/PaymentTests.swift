import Testing
@testable import WalletCore

/// Paying merchants: QR kinds, credit acceptance, funding, the payment password, the daily limit.
@Suite struct PaymentTests {
    @Test func internationalPaysFromThePass() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        let cafe = try world.merchantID("cafe")
        let receipt = try world.pay(user: alice, amount: cny("38.50"), merchant: cafe)
        #expect(receipt.source == .pass && receipt.passBalance == cny("961.50"))
        #expect(world[cafe].balanceFen == 3_850)
        #expect(world.charged(user: alice) == cny("1050"), "the card is not charged again")
        _ = try world.pay(user: alice, amount: cny("961.50"), merchant: world.merchantID("cross-qr"))
        #expect(world.balance(user: alice) == .zero)
        expectFailure(.payInsufficientBalance, &world) { try $0.pay(user: alice, amount: cny("0.01"), merchant: cafe) }
    }

    @Test func receivingCodesAndCredit() throws {
        var world = World()
        let alice = try world.passHolder()
        for name in ["domestic-qr", "noodles"] {
            let shop = try world.merchantID(name)
            expectFailure(.payDomesticQR, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: shop) }
        }
        let supplier = try world.merchantID("supplier")
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: supplier) }
        // The shop turns credit on.
        let (same, created) = try world.defineMerchant(name: "supplier", qr: .cross, acceptsCredit: true)
        #expect(same == supplier && !created)
        _ = try world.pay(user: alice, amount: cny("1"), merchant: supplier)
        let (stall, new) = try world.defineMerchant(name: "stall", qr: .cross, acceptsCredit: false)
        #expect(new && world.merchants.count == 6)
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: stall) }
    }

    @Test func noPassIsNoPaymentMethod() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: $0.merchantID("cafe")) }
    }

    /// The 5th wrong entry in a row locks payments for 3 hours.
    @Test func passwordLock() throws {
        var world = World()
        let alice = try world.passHolder()
        let cafe = try world.merchantID("cafe")
        for _ in 0..<4 { expectFailure(.payWrongPassword, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "999999") } }
        expectFailure(.payPasswordLocked, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "999999") }
        #expect(world[alice].payLockedUntil == Instant(minutes: 180))
        _ = try world.advance(by: minutes("2h59m"))
        expectFailure(.payPasswordLocked, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "123456") }
        expectFailure(.payPasswordLocked, &world) { try $0.changePassword(user: alice, to: "222222") }
        let fired = try world.advance(by: minutes("1m"))
        #expect(fired == [FiredEvent(at: Instant(minutes: 180), kind: .paymentUnlocked(alice))])
        _ = try world.pay(user: alice, amount: cny("1"), merchant: cafe, password: "123456")
        // The count started again: four wrong entries do not lock.
        for _ in 0..<4 { expectFailure(.payWrongPassword, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "999999") } }
    }

    /// A right entry resets the count: 4 wrong + 1 right + 4 wrong does not lock; one more does.
    @Test func aRightEntryResetsTheCount() throws {
        var world = World()
        let alice = try world.passHolder()
        let cafe = try world.merchantID("cafe")
        for _ in 0..<4 { expectFailure(.payWrongPassword, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "1") } }
        _ = try world.pay(user: alice, amount: cny("1"), merchant: cafe, password: "123456")
        for _ in 0..<4 { expectFailure(.payWrongPassword, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "1") } }
        #expect(world[alice].payLockedUntil == nil)
        _ = try world.pay(user: alice, amount: cny("1"), merchant: cafe)   // omitted: the right one
        for _ in 0..<4 { _ = code { try world.pay(user: alice, amount: cny("1"), merchant: cafe, password: "1") } }
        expectFailure(.payPasswordLocked, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "1") }
    }

    @Test func changePassword() throws {
        var world = World()
        let alice = try world.passHolder()
        let cafe = try world.merchantID("cafe")
        try world.changePassword(user: alice, to: "246810")
        expectFailure(.payWrongPassword, &world) { try $0.pay(user: alice, amount: cny("1"), merchant: cafe, password: "123456") }
        _ = try world.pay(user: alice, amount: cny("1"), merchant: cafe, password: "246810")
    }

    /// A payment failing several checks answers the first in RULES.md's order.
    @Test func internationalOrder() throws {
        var world = World()
        let (market, _) = try world.defineMerchant(name: "market", qr: .domestic, acceptsCredit: false)
        let supplier = try world.merchantID("supplier"), cafe = try world.merchantID("cafe")
        let none = try world.verifiedUserWithVisa("none", card: Cards.jcb)
        expectFailure(.payDomesticQR, &world) { try $0.pay(user: none, amount: cny("5000"), merchant: market, password: "0") }
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: none, amount: cny("5000"), merchant: supplier, password: "0") }
        let old = try world.passHolder("old", amount: "100", card: Cards.diners)
        try world.setPolicy("pay.lock", to: "100d")
        _ = try world.advance(by: .days(90))
        expectFailure(.tourpassExpired, &world) { try $0.pay(user: old, amount: cny("5000"), merchant: cafe, password: "0") }
        let bob = try world.passHolder("bob", amount: "100", card: Cards.mastercard)
        for _ in 0..<5 { _ = code { try world.pay(user: bob, amount: cny("1"), merchant: cafe, password: "0") } }
        expectFailure(.payPasswordLocked, &world) { try $0.pay(user: bob, amount: cny("5000"), merchant: cafe) }
        expectFailure(.payPasswordLocked, &world) { try $0.pay(user: bob, amount: cny("5000"), merchant: cafe, password: "0") }
        let carol = try world.passHolder("carol", amount: "100", card: withCheckDigit("450000000000077"))
        expectFailure(.payWrongPassword, &world) { try $0.pay(user: carol, amount: cny("5000"), merchant: cafe, password: "0") }
        expectFailure(.payInsufficientBalance, &world) { try $0.pay(user: carol, amount: cny("5000"), merchant: cafe) }
    }

    @Test func domesticPaysFromTheCard() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: true)
        let noodles = try world.merchantID("noodles")
        let receipt = try world.pay(user: dan, amount: cny("3000"), merchant: noodles)
        #expect(receipt.source == .card(world[dan].cards[0]) && receipt.passBalance == nil)
        #expect(world.charged(user: dan) == cny("3000"))
        #expect(world.fees(user: dan) == .zero)
        _ = try world.pay(user: dan, amount: cny("5000"), merchant: world.merchantID("cafe"))   // verified: no daily limit
        #expect(world[noodles].balanceFen == 300_000)
    }

    @Test func domesticWithoutACard() throws {
        var world = World()
        let dan = try world.domesticUser()
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: dan, amount: cny("1"), merchant: $0.merchantID("noodles")) }
    }

    /// 1000.00 per China calendar day for unverified domestic users.
    @Test func dailyLimit() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: false)
        let noodles = try world.merchantID("noodles")
        _ = try world.advance(to: Instant.parse("2026-01-01 23:00")!)
        _ = try world.pay(user: dan, amount: cny("600"), merchant: noodles)
        expectFailure(.payDailyLimit, &world) { try $0.pay(user: dan, amount: cny("500"), merchant: noodles) }
        _ = try world.pay(user: dan, amount: cny("400"), merchant: noodles)   // exactly 1000 today
        expectFailure(.payDailyLimit, &world) { try $0.pay(user: dan, amount: cny("0.01"), merchant: noodles) }
        // A refund does not give back room.
        _ = try world.refund(user: dan, amount: cny("400"), merchant: noodles)
        expectFailure(.payDailyLimit, &world) { try $0.pay(user: dan, amount: cny("0.01"), merchant: noodles) }
        _ = try world.advance(by: minutes("59m"))
        expectFailure(.payDailyLimit, &world) { try $0.pay(user: dan, amount: cny("500"), merchant: noodles) }
        _ = try world.advance(by: minutes("1m"))   // midnight in China
        _ = try world.pay(user: dan, amount: cny("500"), merchant: noodles)
        #expect(world.charged(user: dan) == cny("1500"))
        // Verifying lifts the limit.
        _ = try world.verify(user: dan, VerifyRequest())
        _ = try world.pay(user: dan, amount: cny("2000"), merchant: noodles)
    }

    @Test func domesticOrder() throws {
        var world = World()
        let nocard = try world.domesticUser("nocard")
        expectFailure(.payNoPaymentMethod, &world) { try $0.pay(user: nocard, amount: cny("5000"), merchant: $0.merchantID("noodles"), password: "0") }
        let dan = try world.domesticWithCard(verified: false)
        let noodles = try world.merchantID("noodles")
        expectFailure(.payWrongPassword, &world) { try $0.pay(user: dan, amount: cny("5000"), merchant: noodles, password: "0") }
        for _ in 0..<4 { _ = code { try world.pay(user: dan, amount: cny("1"), merchant: noodles, password: "0") } }
        expectFailure(.payPasswordLocked, &world) { try $0.pay(user: dan, amount: cny("5000"), merchant: noodles) }
    }

    @Test func domesticCardChecks() throws {
        var world = World()
        try world.setPolicy("cards.domestic", to: "unionpay,visa")
        let dan = try world.domesticUser("dan")
        _ = try world.verify(user: dan, VerifyRequest())
        _ = try world.linkCard(user: dan, CardRequest(number: Cards.declined))
        let noodles = try world.merchantID("noodles")
        expectFailure(.topupCardDeclined, &world) { try $0.pay(user: dan, amount: cny("1"), merchant: noodles) }
        let eve = try world.domesticUser("eve")
        _ = try world.linkCard(user: eve, CardRequest(number: Cards.unionpay, expiry: CardExpiry.parse("01/26")))
        _ = try world.pay(user: eve, amount: cny("1"), merchant: noodles)
        _ = try world.advance(to: Instant.parse("2026-02-01")!)
        expectFailure(.cardExpired, &world) { try $0.pay(user: eve, amount: cny("1"), merchant: noodles) }
    }
}
