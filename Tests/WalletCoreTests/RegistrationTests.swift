import Testing
@testable import WalletCore

/// Sign-up: version by phone, SMS codes, the attempt lock.
@Suite struct RegistrationTests {
    @Test func phoneChoosesTheVersion() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        let dan = try world.domesticUser("dan")
        #expect(world[alice].version == .international)
        #expect(world[dan].version == .domestic)
        let override = try world.signUp(SignUpRequest(name: "zed", phone: Phone.parse("+86-13912345678"), version: .international))
        #expect(world[override.user].version == .international)
        let other = try world.signUp(SignUpRequest(name: "yan", phone: Phone.parse("+44-7700900999"), version: .domestic))
        #expect(world[other.user].version == .domestic)
    }

    @Test func defaultPhonesAreSequentialAndShownWithoutPlus() throws {
        var world = World()
        let a = try world.intlUser("a"), b = try world.intlUser("b")
        #expect(world[a].phone.description == "44-7700900001")
        #expect(world[b].phone.description == "44-7700900002")
        #expect(world[a].registeredName == "A")
    }

    @Test func phoneForms() {
        #expect(Phone.parse("+44-7700900123")?.description == "44-7700900123")
        #expect(Phone.parse("+86-13800001234")?.isChinese == true)
        // The core's half of register.phone_invalid: these do not parse.
        for bad in ["+44", "+1234-5678901", "+44-123", "+44-123456789012345", "+4a-77009001", "+-7700900", "44 7700900"] {
            #expect(Phone.parse(Substring(bad)) == nil, "\(bad)")
        }
    }

    @Test func smsCodeIsFourDigitsAndDeterministic() throws {
        var first = World(), second = World()
        for n in 0..<200 {
            let a = try first.intlUser("u\(n)"), b = try second.intlUser("u\(n)")
            #expect((1_000...9_999).contains(first[a].smsCodeSent))
            #expect(first[a].smsCodeSent == second[b].smsCodeSent)
        }
        #expect(Set(first.users.map(\.smsCodeSent)).count > 150, "codes vary with the phone")
    }

    @Test func phoneTakenAndUserExists() throws {
        var world = World()
        let alice = try world.intlUser("alice")
        let phone = world[alice].phone
        expectFailure(.registerPhoneTaken, &world) { try $0.signUp(SignUpRequest(name: "bob", phone: phone)) }
        expectFailure(.registerUserExists, &world) { try $0.signUp(SignUpRequest(name: "alice")) }
        #expect(world.users.count == 1)
        // A default phone skips numbers already taken explicitly.
        let taken = try world.signUp(SignUpRequest(name: "carol", phone: Phone.parse("+44-7700900002")))
        let dave = try world.intlUser("dave")
        #expect(world[taken.user].phone != world[dave].phone)
    }

    @Test func manualSMS() throws {
        var world = World()
        let up = try world.signUp(SignUpRequest(name: "alice", manualSMS: true))
        let alice = up.user
        #expect(!up.codeEntered && !world[alice].signedUp)
        // A pending user can do nothing else.
        expectFailure(.registerPending, &world) { try $0.verify(user: alice, VerifyRequest()) }
        expectFailure(.registerPending, &world) { try $0.linkCard(user: alice, CardRequest(number: Cards.visa)) }
        expectFailure(.registerPending, &world) { try $0.topUp(user: alice, amount: cny("100")) }
        expectFailure(.registerWrongCode, &world) { try $0.enterSMS(user: alice, code: up.smsCode == 1000 ? "1001" : "1000") }
        try world.enterSMS(user: alice, code: String(up.smsCode))
        #expect(world[alice].signedUp)
        expectFailure(.registerNoCodePending, &world) { try $0.enterSMS(user: alice, code: String(up.smsCode)) }
    }

    /// Five wrong codes lock sign-up for an hour: at 59 minutes still locked, at 60 the right code works.
    @Test func fiveWrongCodesLockForAnHour() throws {
        var world = World()
        let up = try world.signUp(SignUpRequest(name: "alice", manualSMS: true))
        let wrong = up.smsCode == 9_999 ? "1000" : String(up.smsCode + 1)
        for _ in 0..<4 { expectFailure(.registerWrongCode, &world) { try $0.enterSMS(user: up.user, code: wrong) } }
        expectFailure(.registerTooManyAttempts, &world) { try $0.enterSMS(user: up.user, code: wrong) }
        #expect(world[up.user].signupLockedUntil == Instant(minutes: 60))
        expectFailure(.registerTooManyAttempts, &world) { try $0.enterSMS(user: up.user, code: String(up.smsCode)) }
        _ = try world.advance(by: minutes("59m"))
        expectFailure(.registerTooManyAttempts, &world) { try $0.enterSMS(user: up.user, code: String(up.smsCode)) }
        let fired = try world.advance(by: minutes("1m"))
        #expect(fired == [FiredEvent(at: Instant(minutes: 60), kind: .signupUnlocked(up.user))])
        try world.enterSMS(user: up.user, code: String(up.smsCode))
        #expect(world[up.user].signedUp)
    }

    /// After the lock the count starts again: four more wrong codes do not lock.
    @Test func theCountStartsAgainAfterTheLock() throws {
        var world = World()
        let up = try world.signUp(SignUpRequest(name: "alice", manualSMS: true))
        let wrong = up.smsCode == 9_999 ? "1000" : String(up.smsCode + 1)
        for _ in 0..<5 { _ = code { try world.enterSMS(user: up.user, code: wrong) } }
        _ = try world.advance(by: .hours(1))
        for _ in 0..<4 { expectFailure(.registerWrongCode, &world) { try $0.enterSMS(user: up.user, code: wrong) } }
        expectFailure(.registerTooManyAttempts, &world) { try $0.enterSMS(user: up.user, code: wrong) }
    }

    @Test func unknownNamesAndMerchants() {
        let world = World()
        #expect(code { try world.lookUpUser("ghost") } == .userUnknown)
        #expect(code { try world.lookUpMerchant("ghost") } == .merchantUnknown)
        #expect(world.merchants.map(\.name) == ["cross-qr", "domestic-qr", "cafe", "noodles", "supplier"])
    }
}
