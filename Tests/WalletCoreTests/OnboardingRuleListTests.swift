import Testing
@testable import WalletCore

/// The rule lists of sign-up (`user`, `sms`), verification and card link: the settled order,
/// where two rules fail the earlier one answers (naming its rule, with the message it always
/// had), and what `why` gets from them.
@Suite struct OnboardingRuleListTests {
    /// The error a throwing call answers (nil when it succeeds).
    func answer<T>(_ body: () throws -> T) -> WalletError? {
        do { _ = try body(); return nil } catch { return error as? WalletError }
    }

    @Test func ordersAreTheSettledOnes() {
        #expect(CardRules.list.infos.map(\.code) == [.cardTooMany, .cardInvalidNumber, .cardInvalidNumber, .cardUnsupportedBrand, .cardInvalidNumber,
                                                      .cardUnsupportedBrand, .cardExpired, .cardNameTooLong, .cardNameMismatch,
                                                      .cardAlreadyUsed, .cardAlreadyLinked, .cardLinkUnavailable])
        #expect(VerifyRules.list.infos.map(\.code) == [.verifyPassportInvalid, .verifyPassportInvalid, .verifyPassportExpired,
                                                        .verifyNationalityUnsupported, .verifyFaceFailed])
        #expect(RegistrationRules.user.infos.map(\.code) == [.registerPhoneInvalid, .registerUserExists, .registerPhoneTaken])
        #expect(RegistrationRules.sms.infos.map(\.code) == [.registerNoCodePending, .registerTooManyAttempts, .registerWrongCode])
        #expect(RuleBook.lists.prefix(4).map(\.command) == ["user", "sms", "verify", "card"])
    }

    @Test func cardEarlierRuleAnswers() throws {
        var world = World()
        let alice = try world.intlUser()
        let bob = try world.intlUser("bob")
        _ = try world.linkCard(user: bob, CardRequest(number: Cards.visa))
        func link(_ number: String, exp: String? = nil, name: String? = nil) -> WalletError? {
            var request = CardRequest(number: number, holderName: name)
            request.expiry = exp.flatMap { CardExpiry.parse(Substring($0)) }
            return answer { try world.linkCard(user: alice, request) }
        }
        // The number's length before its check digit and its expiry.
        #expect(link("4111 1111 111", exp: "12/25") == WalletError(.cardInvalidNumber, "a card number has 12 to 19 digits (spaces and dashes allowed)", rule: "card.digits"))
        #expect(link("4111 1111 1111 1112", exp: "12/25") == WalletError(.cardInvalidNumber, "the card number is not valid (check digit)", rule: "card.check_digit"))
        // No brand before a length, a brand's length before whether it is accepted.
        #expect(link(luhnNumber(prefix: "99", length: 16), exp: "12/25")?.rule == "card.brand")
        #expect(link(luhnNumber(prefix: "55", length: 17), exp: "12/25") == WalletError(.cardInvalidNumber, "a Mastercard number cannot have 17 digits", rule: "card.brand_length"))
        #expect(link(Cards.amex, exp: "12/25") == WalletError(.cardUnsupportedBrand, "American Express cards are not supported by the international version (it accepts Visa, Mastercard, JCB or Diners Club)", rule: "card.accepted"))
        // The expiry before the name; the name's length before its match.
        #expect(link(Cards.mastercard, exp: "12/25", name: "BOB") == WalletError(.cardExpired, "the card expired at the end of 12/25", rule: "card.expiry"))
        let long = String(repeating: "X", count: 33)
        #expect(link(Cards.mastercard, name: long) == WalletError(.cardNameTooLong, "the holder name has 33 characters; at most 32 are allowed", rule: "card.name_length"))
        // The name before another user's card, another user's card before the issuer.
        #expect(link(Cards.visa, name: "BOB") == WalletError(.cardNameMismatch, "the holder name does not match the name on record (ALICE)", rule: "card.name_match"))
        #expect(link(Cards.visa) == WalletError(.cardAlreadyUsed, "this card number is already used", rule: "card.other_user"))
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard))
        #expect(link(Cards.mastercard) == WalletError(.cardAlreadyLinked, "mastercard ••4444 is linked already", rule: "card.not_linked"))
        #expect(link(Cards.unavailable) == WalletError(.cardLinkUnavailable, "The linking of this card is temporarily unavailable. Please try another bank card", rule: "card.issuer"))
        #expect(world.invariantViolations() == [])
    }

    /// The simulator's bound comes first: the eleventh card is refused whatever its number.
    @Test func cardCountComesFirst() throws {
        var world = World()
        let alice = try world.intlUser()
        for serial in 0..<World.maxCardsPerUser {
            _ = try world.linkCard(user: alice, CardRequest(number: luhnNumber(prefix: "4", length: 16, serial: 100 + serial)))
        }
        #expect(answer { try world.linkCard(user: alice, CardRequest(number: "12")) } == WalletError(.cardTooMany, "at most 10 cards can be linked", rule: "card.count"))
    }

    @Test func verifyEarlierRuleAnswers() throws {
        var world = World()
        let alice = try world.intlUser()
        let past = CivilDate(year: 2025, month: 12, day: 31)
        func verify(_ passport: String? = nil, expires: CivilDate? = nil, nationality: String? = nil, face: Bool = true,
                    born: CivilDate? = nil) -> WalletError? {
            answer { try world.verify(user: alice, VerifyRequest(passport: passport, expires: expires, nationality: nationality, facePasses: face, born: born)) }
        }
        #expect(verify("X1", expires: past, nationality: "PH", face: false, born: CivilDate(year: 2030, month: 1, day: 1))
                == WalletError(.verifyPassportInvalid, "a passport number has 6 to 9 letters and digits", rule: "verify.passport_form"))
        #expect(verify(expires: past, born: CivilDate(year: 2030, month: 1, day: 1))
                == WalletError(.verifyPassportInvalid, "the birth date 2030-01-01 is after today", rule: "verify.born"))
        #expect(verify(expires: past, nationality: "PH") == WalletError(.verifyPassportExpired, "the passport expired on 2025-12-31", rule: "verify.passport_expiry"))
        #expect(verify(nationality: "ph", face: false) == WalletError(.verifyNationalityUnsupported, "PH is not in the Nationality/Region list the app offers", rule: "verify.nationality"))
        #expect(verify(face: false) == WalletError(.verifyFaceFailed, "the face scan did not match the passport photo", rule: "verify.face"))
        // Valid through its expiry date: today's date holds.
        #expect(verify(expires: CivilDate(year: 2026, month: 1, day: 1)) == nil)
        #expect(world[alice].verified)
    }

    @Test func userEarlierRuleAnswers() throws {
        var world = World()
        _ = try world.intlUser()
        var request = SignUpRequest(name: "alice")
        request.typedPhone = "+44-1"
        // A malformed phone before the name taken.
        #expect(answer { try world.signUp(request) } == WalletError(.registerPhoneInvalid, RegistrationRules.phoneForm, rule: "user.phone_form"))
        // The name taken before the phone taken.
        request.typedPhone = "+44-7700900001"
        #expect(answer { try world.signUp(request) } == WalletError(.registerUserExists, "alice exists already; options apply only at sign-up (type `user alice` to switch)", rule: "user.name_free"))
        request.name = "bob"
        #expect(answer { try world.signUp(request) } == WalletError(.registerPhoneTaken, "the phone 44-7700900001 already belongs to another user", rule: "user.phone_free"))
        // A typed phone that parses is the phone signed up with.
        request.typedPhone = "+86-13800138000"
        let bob = try world.signUp(request).user
        #expect(world[bob].phone.description == "86-13800138000")
        #expect(world[bob].version == .domestic)
        #expect(world.users.count == 2)
    }

    @Test func smsEarlierRuleAnswersAndTheLock() throws {
        var world = World()
        let alice = try world.signUp(SignUpRequest(name: "alice", manualSMS: true)).user
        let right = String(world[alice].smsCodeSent)
        let wrong = right == "1000" ? "1001" : "1000"
        for left in stride(from: 4, through: 1, by: -1) {
            #expect(answer { try world.enterSMS(user: alice, code: wrong) }
                    == WalletError(.registerWrongCode, "wrong SMS code; \(left) \(left == 1 ? "try" : "tries") left", rule: "sms.code"))
        }
        // The fifth wrong code answers the lock, by the code rule; then the lock answers first, even to the right code.
        #expect(answer { try world.enterSMS(user: alice, code: wrong) }
                == WalletError(.registerTooManyAttempts, "you've made too many attempts, please try again later (locked until 2026-01-01 01:00)", rule: "sms.code"))
        #expect(answer { try world.enterSMS(user: alice, code: right) }
                == WalletError(.registerTooManyAttempts, "you've made too many attempts, please try again later (locked until 2026-01-01 01:00)", rule: "sms.locked"))
        _ = try world.advance(by: SimDuration(minutes: 60))
        try world.enterSMS(user: alice, code: right)
        #expect(world[alice].signedUp)
        // Signed up: no code is waiting, before the code's own check.
        #expect(answer { try world.enterSMS(user: alice, code: wrong) }?.rule == "sms.pending")
    }

    /// `why` after the fifth wrong code: the lock rule held when checked, and says the command changed it since.
    @Test func explanationAfterTheLockStarted() throws {
        var world = World()
        let alice = try world.signUp(SignUpRequest(name: "alice", manualSMS: true)).user
        let input = SMSInput(user: alice, code: "0")
        for _ in 0..<5 { _ = answer { try world.enterSMS(user: alice, code: "0") } }
        let explanation = RegistrationRules.sms.explanation(world, input, failedRule: "sms.code")
        #expect(explanation.steps.map(\.verdict) == [.held, .held, .failed])
        #expect(explanation.steps[1].looked == "held when checked; this command changed it since: locked until 2026-01-01 01:00; now 2026-01-01 00:00")
        #expect(explanation.steps[2].remedy == "`advance to:2026-01-01 01:00`, then the code sent: `sms \(world[alice].smsCodeSent)` (or `sms` alone)")
    }

    /// A failed card link explained: held rules with their values, the failure with a way to
    /// pass, later rules not reached; the number only ever as its last four digits.
    @Test func cardExplanationShowsNoFullNumber() throws {
        var world = World()
        let alice = try world.intlUser()
        let bob = try world.intlUser("bob")
        _ = try world.linkCard(user: bob, CardRequest(number: Cards.visa))
        let input = world.cardLinkInput(user: alice, CardRequest(number: Cards.visa))
        let failed = try #require(answer { try world.linkCard(user: alice, CardRequest(number: Cards.visa)) })
        let explanation = CardRules.list.explanation(world, input, failedRule: failed.rule)
        #expect(explanation.steps.map(\.verdict) == Array(repeating: .held, count: 9) + [.failed, .notReached, .notReached])
        let failure = explanation.steps[9]
        #expect(failure.looked == "visa ••1111 is linked to bob")
        #expect(failure.remedy == "another card: `card visa` gives alice a visa number of their own")
        let text = explanation.steps.map { $0.looked + $0.remedy }.joined()
        #expect(!text.contains("4111111111111111") && !text.contains("4111 1111"))
        // The sandbox word gives alice a number of her own.
        let sandbox = world.cardLinkInput(user: alice, CardRequest(sandbox: try #require(TestCard.named("visa"))))
        #expect(CardRules.list.firstFailure(world, sandbox) == nil)
    }

    /// The name check's fast path agrees with folding both names, ASCII or not.
    @Test func holderNamesMatchAsFoldingDoes() {
        let names = ["ALICE SMITH", "alice smith", "ALICE   SMITH ", " Alice\tSmith", "ALICE\nSMITH", "ALICE\r\nSMITH", "ALICE\u{0B}SMITH",
                     "alice\u{1C}smith", "ALICESMITH", "ALICE SMITH X", "", " ", "  ", "a", "A ", "Zoë", "ZOË", "straße", "STRASSE", "ALICE\u{00A0}SMITH"]
        for a in names {
            for b in names {
                #expect(World.holderNamesMatch(a, b) == (World.foldName(a) == World.foldName(b)), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
        #expect(World.holderNamesMatch(" alice   SMITH", "ALICE SMITH"))
        #expect(!World.holderNamesMatch("ALICE SMITH", "ALICE SMITHE"))
    }
}
