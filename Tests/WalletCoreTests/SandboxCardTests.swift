import Testing
@testable import WalletCore

/// Sandbox words give each user a card of their own (RULES.md "Settled cases", cards).
@Suite struct SandboxCardTests {
    static func link(_ world: inout World, _ user: UserID, _ word: String) throws -> Card {
        let link = try world.linkCard(user: user, CardRequest(sandbox: try #require(TestCard.named(word))))
        return world[link.card]
    }

    @Test(arguments: TestCard.all.filter { !["amex", "unavailable", "unionpay"].contains($0.word) })
    func secondUserGetsTheirOwnNumber(test: TestCard) throws {
        var world = World()
        let alice = try world.intlUser("alice")
        let bob = try world.intlUser("bob")
        let first = try Self.link(&world, alice, test.word)
        let second = try Self.link(&world, bob, test.word)
        #expect(first.number == test.number)
        #expect(second.number != test.number)
        #expect(second.number.count == test.number.count)
        #expect(second.number.prefix(6) == test.number.prefix(6) && second.number.suffix(4) == test.number.suffix(4))
        #expect(second.brand == test.brand && second.declinesCharges == first.declinesCharges)
        #expect(CardNumber.passesLuhn(second.number.utf8.map { $0 - 48 }))
    }

    @Test func derivedFromSignUpOrderAndDeterministic() throws {
        func bobsVisa(pendingFirst: Bool) throws -> String {
            var world = World()
            let alice = try world.intlUser("alice")
            if pendingFirst { _ = try world.signUp(SignUpRequest(name: "pending", manualSMS: true)) }
            let bob = try world.intlUser("bob")
            _ = try Self.link(&world, alice, "visa")
            return try Self.link(&world, bob, "visa").number
        }
        #expect(try bobsVisa(pendingFirst: false) == "4111110000251111", "order 2: 00002, then the check digit 5")
        #expect(try bobsVisa(pendingFirst: false) == bobsVisa(pendingFirst: false))
        #expect(try bobsVisa(pendingFirst: true) != bobsVisa(pendingFirst: false), "pending sign-ups count")
    }

    @Test func neverANumberAnotherUserHolds() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        let carol = try world.intlUser("carol")
        let bob = try world.intlUser("bob")
        _ = try Self.link(&world, alice, "visa")
        // carol types the number bob's order (3) would give him
        _ = try world.linkCard(user: carol, CardRequest(number: "4111110000331111"))
        let bobs = try Self.link(&world, bob, "visa")
        #expect(bobs.number != "4111110000331111" && bobs.number != Cards.visa.filter(\.isNumber))
        #expect(world.invariantViolations() == [])
    }

    @Test func alreadyLinkedAndAlreadyUsed() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        let bob = try world.intlUser("bob")
        _ = try Self.link(&world, alice, "visa")
        expectFailure(.cardAlreadyLinked, &world) { try $0.linkCard(user: alice, CardRequest(sandbox: TestCard.named("visa")!)) }
        expectFailure(.cardAlreadyLinked, &world) { try $0.linkCard(user: alice, CardRequest(number: Cards.visa)) }
        expectFailure(.cardAlreadyUsed, &world) { try $0.linkCard(user: bob, CardRequest(number: Cards.visa)) }
        let bobs = try Self.link(&world, bob, "visa")
        expectFailure(.cardAlreadyLinked, &world) { try $0.linkCard(user: bob, CardRequest(sandbox: TestCard.named("visa")!)) }
        expectFailure(.cardAlreadyUsed, &world) { try $0.linkCard(user: alice, CardRequest(number: bobs.number)) }
    }

    @Test func behaviourFollowsTheWord() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        let bob = try world.verifiedUserWithVisa("bob", card: Cards.mastercard)
        expectFailure(.cardLinkUnavailable, &world) { try $0.linkCard(user: alice, CardRequest(sandbox: TestCard.named("unavailable")!)) }
        expectFailure(.cardLinkUnavailable, &world) { try $0.linkCard(user: bob, CardRequest(sandbox: TestCard.named("unavailable")!)) }
        _ = try Self.link(&world, alice, "declined")
        _ = try Self.link(&world, bob, "declined")
        expectFailure(.topupCardDeclined, &world) { try $0.topUp(user: bob, amount: cny("100"), card: "declined") }
    }

    @Test func topUpCardSelection() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        _ = try Self.link(&world, alice, "declined")
        _ = try Self.link(&world, alice, "visa")
        _ = try world.verify(user: alice, VerifyRequest())
        // without card: the earliest-linked card, even a declined one
        expectFailure(.topupCardDeclined, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        // card:BRAND: the earliest of that brand (the declined card is a Visa); card:LAST4;
        // no match: card.not_found
        expectFailure(.topupCardDeclined, &world) { try $0.topUp(user: alice, amount: cny("100"), card: "visa") }
        expectFailure(.topupCardDeclined, &world) { try $0.topUp(user: alice, amount: cny("100"), card: "declined") }
        _ = try world.topUp(user: alice, amount: cny("100"), card: "1111")
        expectFailure(.cardNotFound, &world) { try $0.topUp(user: alice, amount: cny("100"), card: "4444") }
        // the chosen card is checked after the amounts
        expectFailure(.topupBelowMinimum, &world) { try $0.topUp(user: alice, amount: cny("1"), card: "4444") }
    }

    @Test func holderNamesFoldCaseAndSpaces() throws {
        var world = World()
        let strauss = try world.intlUser("Strauß")
        #expect(world[strauss].registeredName == "STRAUSS")
        _ = try world.linkCard(user: strauss, CardRequest(number: Cards.visa, holderName: "  strauss "))
        #expect(World.foldName("ALICE   SMITH ") == World.foldName("alice smith"))
        // length is counted as typed, in code points
        let long = String(repeating: "É", count: 32)
        let user = try world.intlUser("e", fullName: long)
        _ = try world.linkCard(user: user, CardRequest(number: Cards.mastercard))
        expectFailure(.cardNameTooLong, &world) { try $0.linkCard(user: user, CardRequest(number: Cards.jcb, holderName: long + " ")) }
    }
}
