import Testing
@testable import WalletCore

/// The explorer deduplicates states by fingerprint: a stored property left out by mistake
/// would merge states that differ. Every property is either mixed in or left out on purpose.
@Suite struct FingerprintTests {
    func busyWorld() throws -> World {
        var world = World()
        let alice = try world.signUp(SignUpRequest(name: "alice")).user
        _ = try world.verify(user: alice, VerifyRequest())
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.visa))
        _ = try world.topUp(user: alice, amount: cny("500"))
        _ = try world.pay(user: alice, amount: cny("20"), merchant: try world.lookUpMerchant("cafe"))
        return world
    }

    func labels(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    @Test func everyStoredPropertyIsHashedOrLeftOutOnPurpose() throws {
        let world = try busyWorld()
        let user = world.users[0]
        let values: [String: Any] = [
            "World": world, "User": user, "TourPass": user.pass, "Card": world.cards[0],
            "Passport": try #require(user.passport), "Payment": user.payments[0], "Merchant": world.merchants[0],
            "Ledger": world.ledger,
        ]
        for (type, value) in values {
            let listed = try #require(World.fingerprintCoverage[type], "\(type) is not listed")
            #expect(labels(value) == Set(listed.hashed + listed.omitted), "\(type): update World.fingerprint")
        }
    }

    @Test func aChangeThatMattersChangesTheFingerprint() throws {
        let world = try busyWorld()
        var later = world
        _ = try later.advance(by: .hours(1))
        var paid = world
        _ = try paid.pay(user: UserID(index: 0), amount: cny("1"), merchant: try world.lookUpMerchant("cafe"))
        let prints = [world, later, paid].map { $0.fingerprint(extra: 0) }
        #expect(Set(prints).count == 3)
        #expect(world.fingerprint(extra: 0) != world.fingerprint(extra: 1))
        #expect(world.fingerprint(extra: 0) == (try busyWorld()).fingerprint(extra: 0))
    }

    @Test func theLedgersListIsLeftOut() throws {
        // Two orders of the same top-ups: the same state, different ledgers.
        func topUps(_ amounts: [String]) throws -> World {
            var world = World()
            let id = try world.signUp(SignUpRequest(name: "alice")).user
            _ = try world.verify(user: id, VerifyRequest())
            _ = try world.linkCard(user: id, CardRequest(number: Cards.visa))
            for amount in amounts { _ = try world.topUp(user: id, amount: cny(amount)) }
            return world
        }
        let a = try topUps(["100", "2000"]), b = try topUps(["2000", "100"])
        #expect(a.ledger.postings.map(\.amountFen) != b.ledger.postings.map(\.amountFen))
        #expect(a.fingerprint(extra: 0) == b.fingerprint(extra: 0))
    }
}
