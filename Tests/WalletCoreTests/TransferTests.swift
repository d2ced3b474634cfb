import Testing
@testable import WalletCore

/// Transfers between people: domestic card → receiver's wallet; TourPass cannot send.
@Suite struct TransferTests {
    @Test func tourPassCannotSend() throws {
        var world = World()
        let alice = try world.passHolder()
        let bob = try world.verifiedUserWithVisa("bob", card: Cards.mastercard)
        expectFailure(.transferNotAllowed, &world) { try $0.transfer(user: alice, amount: cny("10"), to: bob) }
        #expect(world.balance(user: alice) == cny("1000"))
    }

    @Test func receiverMustBeVerified() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: true)
        let eve = try world.domesticUser("eve")
        expectFailure(.transferReceiverUnverified, &world) { try $0.transfer(user: dan, amount: cny("10"), to: eve) }
        _ = try world.verify(user: eve, VerifyRequest())
        _ = try world.transfer(user: dan, amount: cny("10"), to: eve)
        #expect(world.balance(user: eve) == cny("10"))
    }

    @Test func domesticFromTheCardIntoTheWallet() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: false)   // sending needs no verification
        let alice = try world.verifiedUserWithVisa()
        let receipt = try world.transfer(user: dan, amount: cny("250.50"), to: alice)
        #expect(receipt.card == world[dan].cards[0] && receipt.to == alice)
        #expect(world.charged(user: dan) == cny("250.50"))
        #expect(world[alice].walletFen == 25_050)
        #expect(world.balance(user: alice) == .zero, "an international balance is the pass")
        #expect(world.statement(user: alice).map(\.kind) == [.transfer])
        #expect(world.invariantViolations() == [])
    }

    @Test func toYourself() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: true)
        expectFailure(.transferSelf, &world) { try $0.transfer(user: dan, amount: cny("1"), to: dan) }
        let alice = try world.passHolder()
        expectFailure(.transferSelf, &world) { try $0.transfer(user: alice, amount: cny("1"), to: alice) }
    }

    @Test func noCard() throws {
        var world = World()
        let dan = try world.domesticUser()
        let alice = try world.verifiedUserWithVisa()
        expectFailure(.payNoPaymentMethod, &world) { try $0.transfer(user: dan, amount: cny("1"), to: alice) }
    }

    @Test func order() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        let dan = try world.domesticUser("dan")
        let una = try world.intlUser("una")
        expectFailure(.transferNotAllowed, &world) { try $0.transfer(user: alice, amount: cny("1"), to: una) }
        expectFailure(.transferReceiverUnverified, &world) { try $0.transfer(user: dan, amount: cny("1"), to: una) }
        _ = try world.linkCard(user: dan, CardRequest(number: Cards.unionpay, expiry: CardExpiry.parse("01/26")))
        _ = try world.verify(user: una, VerifyRequest())
        _ = try world.advance(to: Instant.parse("2026-02-01")!)
        expectFailure(.cardExpired, &world) { try $0.transfer(user: dan, amount: cny("1"), to: una) }
    }
}
