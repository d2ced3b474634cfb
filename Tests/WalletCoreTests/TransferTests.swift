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

    @Test func unverifiedReceiveCapCountsAllSendersOverALifetime() throws {
        var world = World()
        try world.setPolicy("transfer.unverified_receive", to: "300")
        let dan = try world.domesticWithCard(verified: true)
        let eve = try world.domesticWithCard("eve", verified: false)
        let una = try world.intlUser("una")
        _ = try world.transfer(user: dan, amount: cny("200"), to: una)
        _ = try world.transfer(user: eve, amount: cny("100"), to: una)
        expectFailure(.transferReceiverLimit, &world) { try $0.transfer(user: dan, amount: cny("0.01"), to: una) }
        #expect(world[una].walletFen == 30_000 && world[una].receivedUnverifiedFen == 30_000)
        _ = try world.verify(user: una, VerifyRequest(expires: CivilDate(year: 2026, month: 1, day: 1)))
        _ = try world.transfer(user: dan, amount: cny("1000"), to: una)
        #expect(world[una].receivedUnverifiedFen == 30_000, "verified receipts do not count")
        _ = try world.advance(by: .days(1))
        expectFailure(.transferReceiverLimit, &world) { try $0.transfer(user: dan, amount: cny("1"), to: una) }
        try world.setPolicy("transfer.unverified_receive", to: "0")
        expectFailure(.transferReceiverUnverified, &world) { try $0.transfer(user: dan, amount: cny("1"), to: una) }
        #expect(world.invariantViolations() == [])
    }

    @Test func checkOrderAsSettled() throws {
        var world = World()
        let alice = try world.passHolder()
        let dan = try world.domesticUser()
        let una = try world.intlUser("una")
        // self before the sender's version
        expectFailure(.transferSelf, &world) { try $0.transfer(user: alice, amount: cny("1"), to: alice) }
        // every international sender, whatever the receiver
        expectFailure(.transferNotAllowed, &world) { try $0.transfer(user: alice, amount: cny("1"), to: una) }
        // receiver before funding; the cap before funding
        expectFailure(.transferReceiverUnverified, &world) { try $0.transfer(user: dan, amount: cny("1"), to: una) }
        try world.setPolicy("transfer.unverified_receive", to: "1")
        expectFailure(.transferReceiverLimit, &world) { try $0.transfer(user: dan, amount: cny("2"), to: una) }
        expectFailure(.payNoPaymentMethod, &world) { try $0.transfer(user: dan, amount: cny("1"), to: una) }
    }

    @Test func transfersAreNotPayments() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: false)
        let bob = try world.domesticWithCard("bob", verified: true)
        for _ in 0..<5 { _ = try? world.pay(user: dan, amount: cny("1"), merchant: world.merchantID("noodles"), password: "000000") }
        #expect(world[dan].payLockedUntil != nil)
        _ = try world.transfer(user: dan, amount: cny("1500"), to: bob)   // locked, unverified, over the daily limit
        _ = try world.pay(user: bob, amount: cny("1"), merchant: world.merchantID("noodles"))
    }

    @Test func receiverAsTheAppShowsIt() throws {
        var world = World()
        let priscilla = try world.signUp(SignUpRequest(name: "Priscilla", phone: Phone.parse("+61-0416123456"))).user
        #expect(world[priscilla].maskedForSender == "*cilla (61-0416XXXX)")
        let mary = try world.intlUser("Mary Ann")
        #expect(world[mary].maskedForSender == "*Ann (44-7700XXXX)")
        let x = try world.intlUser("x")
        #expect(world[x].maskedForSender.hasPrefix("* ("))
    }
}
