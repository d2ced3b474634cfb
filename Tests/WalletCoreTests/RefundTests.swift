import Testing
@testable import WalletCore

/// Merchant refunds: to the pass while it is active, to the funding card after.
@Suite struct RefundTests {
    @Test func beforeExpiryToThePass() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        let cafe = try world.merchantID("cafe")
        _ = try world.pay(user: alice, amount: cny("300"), merchant: cafe)
        let receipt = try world.refund(user: alice, amount: cny("100"), merchant: cafe)
        #expect(receipt.toPass == cny("100") && receipt.toCards.isEmpty)
        #expect(world.balance(user: alice) == cny("800"))
        #expect(world[cafe].balanceFen == 20_000)
        #expect(world.refunded(user: alice) == .zero)
    }

    @Test func afterExpiryToTheCard() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        let visa = world[alice].cards[0]
        let cafe = try world.merchantID("cafe")
        _ = try world.pay(user: alice, amount: cny("300"), merchant: cafe)
        _ = try world.advance(by: .days(90))
        #expect(world.refunded(user: alice) == cny("700"))
        let receipt = try world.refund(user: alice, amount: cny("300"), merchant: cafe)
        #expect(receipt.toPass == .zero && receipt.toCards == [CardRefund(card: visa, amount: cny("300"))])
        #expect(world.refunded(user: alice) == cny("1000"))
        #expect(world.balance(user: alice) == .zero)
    }

    @Test func reactivatedButNotToppedUpGoesToTheCard() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        let cafe = try world.merchantID("cafe")
        _ = try world.pay(user: alice, amount: cny("300"), merchant: cafe)
        _ = try world.advance(by: .days(90))
        try world.reactivate(user: alice)
        let receipt = try world.refund(user: alice, amount: cny("50"), merchant: cafe)
        #expect(receipt.toPass == .zero && receipt.toCards.map(\.amount) == [cny("50")])
        #expect(world.balance(user: alice) == .zero)
    }

    @Test func exceedsPayment() throws {
        var world = World()
        let alice = try world.passHolder(amount: "1000")
        let bob = try world.passHolder("bob", amount: "1000", card: Cards.mastercard)
        let cafe = try world.merchantID("cafe")
        _ = try world.pay(user: alice, amount: cny("300"), merchant: cafe)
        _ = try world.pay(user: bob, amount: cny("500"), merchant: cafe)
        expectFailure(.refundExceedsPayment, &world) { try $0.refund(user: alice, amount: cny("300.01"), merchant: cafe) }
        _ = try world.refund(user: alice, amount: cny("100"), merchant: cafe)
        _ = try world.refund(user: alice, amount: cny("200"), merchant: cafe)
        expectFailure(.refundExceedsPayment, &world) { try $0.refund(user: alice, amount: cny("0.01"), merchant: cafe) }
        #expect(world.balance(user: alice) == cny("1000"))
        #expect(world[cafe].balanceFen == 50_000, "bob's payment is still there")
    }

    @Test func noPayment() throws {
        var world = World()
        let alice = try world.passHolder()
        expectFailure(.refundNoPayment, &world) { try $0.refund(user: alice, amount: cny("1"), merchant: $0.merchantID("cafe")) }
        _ = try world.pay(user: alice, amount: cny("10"), merchant: world.merchantID("cross-qr"))
        expectFailure(.refundNoPayment, &world) { try $0.refund(user: alice, amount: cny("1"), merchant: $0.merchantID("cafe")) }
    }

    /// Several payments to one merchant: the newest is refunded first.
    @Test func newestPaymentFirst() throws {
        var world = World()
        let alice = try world.passHolder()
        let cafe = try world.merchantID("cafe")
        _ = try world.pay(user: alice, amount: cny("100"), merchant: cafe)
        _ = try world.pay(user: alice, amount: cny("200"), merchant: cafe)
        _ = try world.refund(user: alice, amount: cny("250"), merchant: cafe)
        #expect(world[alice].payments.map(\.refundedFen) == [5_000, 20_000])
    }

    @Test func domesticRefundGoesToTheCard() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: true)
        let noodles = try world.merchantID("noodles")
        _ = try world.pay(user: dan, amount: cny("500"), merchant: noodles)
        let receipt = try world.refund(user: dan, amount: cny("300"), merchant: noodles)
        #expect(receipt.toCards == [CardRefund(card: world[dan].cards[0], amount: cny("300"))])
        #expect(world.charged(user: dan) == cny("500") && world.refunded(user: dan) == cny("300"))
        #expect(world.balance(user: dan) == .zero, "not into the wallet")
        expectFailure(.refundExceedsPayment, &world) { try $0.refund(user: dan, amount: cny("200.01"), merchant: noodles) }
    }
}
