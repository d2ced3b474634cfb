import Testing
@testable import WalletCore

/// Real-name verification: passport form, expiry, nationality, face, in that order.
@Suite struct VerificationTests {
    @Test func defaultsVerify() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        #expect(!world[alice].verified)
        let passport = try world.verify(user: alice, VerifyRequest())
        #expect(passport.number == "P0000001")
        #expect(passport.holderName == "ALICE")
        #expect(passport.nationality == "GB")
        #expect(world[alice].verified)
    }

    @Test(arguments: ["AB1234", "ABCDEFGH9", "p1234567", "123456"])
    func wellFormedPassports(number: String) throws {
        var world = World()
        let alice = try world.intlUser()
        let passport = try world.verify(user: alice, VerifyRequest(passport: number))
        #expect(passport.number == number.uppercased())
    }

    @Test(arguments: ["12345", "1234567890", "AB-1234", "AB 12345", "", "ÄB12345"])
    func malformedPassports(number: String) throws {
        var world = World()
        let alice = try world.intlUser()
        expectFailure(.verifyPassportInvalid, &world) { try $0.verify(user: alice, VerifyRequest(passport: number)) }
        #expect(!world[alice].verified)
    }

    /// Valid through its expiry date, expired from the next midnight.
    @Test func passportExpiry() throws {
        var world = World()
        let alice = try world.intlUser()
        expectFailure(.verifyPassportExpired, &world) {
            try $0.verify(user: alice, VerifyRequest(expires: CivilDate(year: 2025, month: 12, day: 31)))
        }
        let today = VerifyRequest(expires: CivilDate(year: 2026, month: 1, day: 1))
        _ = try world.advance(by: minutes("23h59m"))
        _ = try world.verify(user: alice, today)
        _ = try world.advance(by: minutes("1m"))
        expectFailure(.verifyPassportExpired, &world) { try $0.verify(user: alice, today) }
    }

    @Test(arguments: ["PH", "AL", "MA"])
    func unsupportedNationalities(nationality: String) throws {
        var world = World()
        let alice = try world.intlUser()
        expectFailure(.verifyNationalityUnsupported, &world) { try $0.verify(user: alice, VerifyRequest(nationality: nationality)) }
        _ = try world.verify(user: alice, VerifyRequest(nationality: "JP"))
    }

    @Test func registeredNationalityIsUsed() throws {
        var world = World()
        let alice = try world.intlUser("alice", nationality: "MA")
        expectFailure(.verifyNationalityUnsupported, &world) { try $0.verify(user: alice, VerifyRequest()) }
        _ = try world.verify(user: alice, VerifyRequest(nationality: "FR"))
    }

    @Test func faceScan() throws {
        var world = World()
        let alice = try world.intlUser()
        expectFailure(.verifyFaceFailed, &world) { try $0.verify(user: alice, VerifyRequest(facePasses: false)) }
        #expect(!world[alice].verified)
    }

    /// When several checks fail, the first in RULES.md's order is the answer.
    @Test(arguments: [
        (VerifyRequest(passport: "X", expires: CivilDate(year: 2020, month: 1, day: 1), nationality: "PH", facePasses: false), ErrorCode.verifyPassportInvalid),
        (VerifyRequest(expires: CivilDate(year: 2020, month: 1, day: 1), nationality: "PH", facePasses: false), .verifyPassportExpired),
        (VerifyRequest(nationality: "PH", facePasses: false), .verifyNationalityUnsupported),
        (VerifyRequest(nationality: "DE", facePasses: false), .verifyFaceFailed),
    ] as [(VerifyRequest, ErrorCode)])
    func order(request: VerifyRequest, expected: ErrorCode) throws {
        var world = World()
        let alice = try world.intlUser()
        expectFailure(expected, &world) { try $0.verify(user: alice, request) }
    }

    /// One holder name per user: the registered one; verification does not change it.
    @Test func holderNameIsTheRegisteredName() throws {
        var world = World()
        let alice = try world.intlUser("alice", fullName: "ALICE LIDDELL")
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.visa))
        let passport = try world.verify(user: alice, VerifyRequest())
        #expect(passport.holderName == "ALICE LIDDELL")
        expectFailure(.cardNameMismatch, &world) { try $0.linkCard(user: alice, CardRequest(number: Cards.mastercard, holderName: "ALICE")) }
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard, holderName: " alice   liddell "))
    }
}
