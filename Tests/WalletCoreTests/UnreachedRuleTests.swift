import Testing
@testable import WalletCore

/// `why`'s rules not reached: each is judged against the same world and input as a
/// forecast (would pass, would also fail with its way to pass, or cannot be judged when what
/// it reads does not exist), never stated as a fact, and never traps on a missing input.
@Suite struct UnreachedRuleTests {
    func answer<T>(_ body: () throws -> T) -> WalletError? {
        do { _ = try body(); return nil } catch { return error as? WalletError }
    }

    /// The forecast of each rule not reached, by id.
    func forecasts(_ explanation: Explanation) -> [String: Explanation.Forecast] {
        var out: [String: Explanation.Forecast] = [:]
        for step in explanation.steps where step.verdict == .notReached {
            #expect(step.forecast != nil, "\(step.rule.id) not reached without a forecast")
            out[step.rule.id] = step.forecast
        }
        return out
    }

    func step(_ explanation: Explanation, _ id: String) throws -> Explanation.Step {
        try #require(explanation.steps.first { $0.rule.id == id })
    }

    /// Source 003, comment 16: a pass expired a year ago hides behind a domestic-only code.
    @Test func anExpiredPassBehindADomesticCodeWouldAlsoFail() throws {
        var world = World()
        let klaus = try world.passHolder("klaus", amount: "500")
        _ = try world.advance(by: minutes("365d"))
        #expect(world.users[klaus.index].pass.state == .expired)
        let input = PayInput(user: klaus, amount: cny("100"), merchant: try world.merchantID("domestic-qr"), merchantName: "domestic-qr", password: nil)
        let failed = try #require(answer { try world.pay(user: klaus, amount: cny("100"), merchantNamed: "domestic-qr") })
        #expect(failed.rule == "pay.qr")
        let explanation = PayRules.international.explanation(world, input, failedRule: failed.rule)
        let forecast = forecasts(explanation)
        #expect(forecast["pay.credit"] == .wouldPass)
        #expect(forecast["pay.pass"] == .wouldPass)
        #expect(forecast["pay.pass_expired"] == .wouldFail)
        #expect(forecast["pay.locked"] == .wouldPass && forecast["pay.password"] == .wouldPass)
        #expect(forecast["pay.balance"] == .cannotJudge("the TourPass expired (its balance was refunded)"))
        let expired = try step(explanation, "pay.pass_expired")
        #expect(expired.looked == "TourPass expired")
        #expect(expired.remedy == "`reactivate`, then top up")
        // A rule that would pass offers no way to pass.
        #expect(try step(explanation, "pay.credit").remedy.isEmpty)
    }

    /// Source 003, comment 32: unverified, no TourPass, a merchant that takes no credit.
    @Test func noPassBehindNoCreditWouldAlsoFailAndItsOwnRulesCannotBeJudged() throws {
        var world = World()
        let ronaldo = try world.intlUser("ronaldo")
        _ = try world.linkCard(user: ronaldo, CardRequest(number: Cards.visa))
        let input = PayInput(user: ronaldo, amount: cny("100"), merchant: try world.merchantID("supplier"), merchantName: "supplier", password: nil)
        let failed = try #require(answer { try world.pay(user: ronaldo, amount: cny("100"), merchantNamed: "supplier") })
        #expect(failed.rule == "pay.credit")
        let explanation = PayRules.international.explanation(world, input, failedRule: failed.rule)
        let forecast = forecasts(explanation)
        #expect(forecast["pay.pass"] == .wouldFail)
        #expect(forecast["pay.pass_expired"] == .cannotJudge("no TourPass"))
        #expect(forecast["pay.balance"] == .cannotJudge("no TourPass"))
        // The way to a pass names the verification a top-up needs first.
        #expect(try step(explanation, "pay.pass").remedy == "`verify`, then `topup 100` (or more)")
    }

    /// No merchant, no card, no receiver, no number: the rules that read them cannot be judged.
    @Test func missingInputsCannotBeJudged() throws {
        var world = World()
        let alice = try world.intlUser()
        let dan = try world.domesticUser()
        // International payment to a merchant that does not exist.
        let nobody = PayInput(user: alice, amount: cny("10"), merchant: nil, merchantName: "nobody", password: nil)
        var forecast = forecasts(PayRules.international.explanation(world, nobody, failedRule: "pay.merchant"))
        #expect(forecast["pay.qr"] == .cannotJudge("no merchant named nobody"))
        #expect(forecast["pay.credit"] == .cannotJudge("no merchant named nobody"))
        // Domestic payment without a card.
        let domestic = PayInput(user: dan, amount: cny("10"), merchant: nil, merchantName: "nobody", password: nil)
        forecast = forecasts(PayRules.domestic.explanation(world, domestic, failedRule: "pay.merchant"))
        #expect(forecast["pay.bank_card"] == .wouldFail)
        #expect(forecast["pay.card_expiry"] == .cannotJudge("no bank card linked"))
        #expect(forecast["pay.issuer"] == .cannotJudge("no bank card linked"))
        // A transfer to nobody, from an international sender.
        let ghost = TransferInput(user: alice, amount: cny("10"), receiver: nil, receiverName: "ghost")
        forecast = forecasts(TransferRules.list.explanation(world, ghost, failedRule: "transfer.receiver"))
        #expect(forecast["transfer.self"] == .cannotJudge("no user named ghost"))
        #expect(forecast["transfer.sender"] == .wouldFail)
        #expect(forecast["transfer.receiver_verified"] == .cannotJudge("no user named ghost"))
        #expect(forecast["transfer.card"] == .cannotJudge("alice uses the international version, which sends no transfers"))
        // A card "number" that is none.
        let junk = world.cardLinkInput(user: alice, CardRequest(number: "12ab"))
        forecast = forecasts(CardRules.list.explanation(world, junk, failedRule: "card.digits"))
        for id in ["card.check_digit", "card.brand", "card.brand_length", "card.accepted", "card.other_user", "card.not_linked", "card.issuer"] {
            #expect(forecast[id] == .cannotJudge("not a card number (12 to 19 digits)"), "\(id)")
        }
        #expect(forecast["card.expiry"] == .wouldPass)
        // A top-up by a domestic user: the pass's rules say nothing about them; the amount's do.
        let topUp = TopUpInput(user: dan, amount: cny("50"), card: "jcb")
        forecast = forecasts(TopUpRules.list.explanation(world, topUp, failedRule: "topup.version"))
        #expect(forecast["topup.verified"] == .cannotJudge("dan uses the domestic version (no TourPass)"))
        #expect(forecast["topup.issuer"] == .cannotJudge("dan uses the domestic version (no TourPass)"))
        #expect(forecast["topup.min"] == .wouldFail)
        #expect(forecast["topup.max"] == .wouldPass)
        // A refund from a merchant never paid, a policy key that does not exist.
        let refund = RefundInput(user: alice, amount: cny("5"), merchant: try world.merchantID("cafe"), merchantName: "cafe")
        forecast = forecasts(RefundRules.list.explanation(world, refund, failedRule: "refund.paid"))
        #expect(forecast["refund.left"] == .cannotJudge("no payment to cafe"))
        forecast = forecasts(PolicyRules.list.explanation(world, PolicyInput(key: "topup.mni", value: "5"), failedRule: "policy.key"))
        #expect(forecast["policy.value"] == .cannotJudge("no policy key 'topup.mni'"))
        #expect(forecast["policy.min_max"] == .cannotJudge("no policy key 'topup.mni'"))
    }

    /// Another user's number: `card.not_linked` would pass for this user (it judged the
    /// holder as "linked already" while only ever reached with no other holder).
    @Test func anotherUsersNumberIsNotLinkedByThisOne() throws {
        var world = World()
        let alice = try world.intlUser()
        let bob = try world.intlUser("bob")
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.visa))
        let input = world.cardLinkInput(user: bob, CardRequest(number: Cards.visa))
        let failed = try #require(answer { try world.linkCard(user: bob, CardRequest(number: Cards.visa)) })
        #expect(failed.rule == "card.other_user")
        let explanation = CardRules.list.explanation(world, input, failedRule: failed.rule)
        #expect(forecasts(explanation)["card.not_linked"] == .wouldPass)
        #expect(try step(explanation, "card.not_linked").looked == "visa ••1111 is linked to alice, not to bob")
        // Alice linking it again still answers card.not_linked.
        #expect(answer { try world.linkCard(user: alice, CardRequest(number: Cards.visa)) }?.rule == "card.not_linked")
    }

    /// Judging a rule not reached changes nothing and gives the same forecast each time.
    @Test func forecastsArePureAndRepeatable() throws {
        var world = World()
        let alice = try world.passHolder(amount: "100")
        let input = PayInput(user: alice, amount: cny("500"), merchant: try world.merchantID("domestic-qr"), merchantName: "domestic-qr", password: "000000")
        let before = world.users[alice.index]
        let first = PayRules.international.explanation(world, input, failedRule: "pay.qr")
        let again = PayRules.international.explanation(world, input, failedRule: "pay.qr")
        #expect(first == again)
        #expect(world.users[alice.index].payWrongAttempts == before.payWrongAttempts)
        let forecast = forecasts(first)
        #expect(forecast["pay.password"] == .wouldFail)
        #expect(forecast["pay.balance"] == .wouldFail)
        #expect(try step(first, "pay.balance").remedy == "at most CNY 100.00, or a top-up first")
    }

    /// Every rule of every list, judged after the list's first rule failed, on inputs that
    /// lack what they can lack (no merchant, receiver, card, pass, number, key): each gets a
    /// forecast, nothing traps, and a rule that would fail says what it looked at.
    @Test func everyRuleIsJudgedAfterTheFirstWithoutTrapping() throws {
        var world = World()
        let alice = try world.intlUser()
        let dan = try world.domesticUser()
        func check<Input>(_ list: RuleList<Input>, _ input: Input, sourceLocation: SourceLocation = #_sourceLocation) {
            guard let first = list.rules.first?.info.id else { return }
            let explanation = list.explanation(world, input, failedRule: first)
            for step in explanation.steps.dropFirst() {
                #expect(step.verdict == .notReached && step.forecast != nil, "\(step.rule.id)", sourceLocation: sourceLocation)
                if step.forecast == .wouldFail {
                    #expect(!step.looked.isEmpty, "\(step.rule.id) would fail, looked at nothing", sourceLocation: sourceLocation)
                }
            }
        }
        for user in [alice, dan] {
            for merchant in [nil, try world.merchantID("cafe")] {
                let pay = PayInput(user: user, amount: cny("10"), merchant: merchant, merchantName: "x", password: "1")
                check(PayRules.international, pay)
                check(PayRules.domestic, pay)
                check(RefundRules.list, RefundInput(user: user, amount: cny("10"), merchant: merchant, merchantName: "x"))
            }
            for receiver in [nil, alice, dan] {
                check(TransferRules.list, TransferInput(user: user, amount: cny("10"), receiver: receiver, receiverName: "x"))
            }
            for card in [nil, "9999", "visa"] {
                check(TopUpRules.list, TopUpInput(user: user, amount: cny("10"), card: card))
            }
            for number in ["", "12ab", String(repeating: "4", count: 40), "9999 9999 9999 9995", Cards.amex] {
                check(CardRules.list, world.cardLinkInput(user: user, CardRequest(number: number)))
            }
            check(VerifyRules.list, world.verifyInput(user: user, VerifyRequest(passport: "!", facePasses: false)))
            check(RegistrationRules.sms, SMSInput(user: user, code: "0"))
            check(ReactivateRules.list, ReactivateInput(user: user))
        }
        var signUp = SignUpRequest(name: "alice")
        signUp.typedPhone = "+44-1"
        check(RegistrationRules.user, world.signUpInput(signUp))
        for (key, value) in [("topup.mni", "5"), ("topup.min", "x"), ("pass.days", nil), ("topup.max", "1")] as [(String, String?)] {
            check(PolicyRules.list, PolicyInput(key: key, value: value))
        }
        check(MerchantRules.list, MerchantInput(name: "cross-qr", qr: .domestic, acceptsCredit: nil))
    }
}
