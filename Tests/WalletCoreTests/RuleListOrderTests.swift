import Testing
@testable import WalletCore

/// The rule lists of transfer, refund, reactivate, policy, merchant and pay's merchant rule:
/// their settled order, and where two rules fail the earlier one answers, naming its rule.
@Suite struct RuleListOrderTests {
    /// The error a throwing call answers (nil when it succeeds).
    func answer<T>(_ body: () throws -> T) -> WalletError? {
        do { _ = try body(); return nil } catch { return error as? WalletError }
    }

    @Test func transferOrderIsTheSettledOne() {
        #expect(TransferRules.list.infos.map(\.code) == [.userUnknown, .transferSelf, .transferNotAllowed, .transferReceiverUnverified,
                                                          .transferReceiverLimit, .payNoPaymentMethod, .cardExpired, .topupCardDeclined])
    }

    @Test func transferEarlierRuleAnswers() throws {
        var world = World()
        let alice = try world.intlUser()                    // international sender, no card
        let bob = try world.intlUser("bob")                 // unverified receiver
        // unknown receiver before the sender's version
        #expect(answer { try world.transfer(user: alice, amount: cny("1"), toNamed: "ghost") }?.rule == "transfer.receiver")
        // yourself before the sender's version
        #expect(answer { try world.transfer(user: alice, amount: cny("1"), to: alice) }?.rule == "transfer.self")
        // the sender's version before the receiver's verification and the missing card
        #expect(answer { try world.transfer(user: alice, amount: cny("1"), to: bob) }?.rule == "transfer.sender")
        let dan = try world.domesticUser()                  // domestic, no card
        // the receiver's verification before the missing card
        #expect(answer { try world.transfer(user: dan, amount: cny("1"), to: bob) }
                == WalletError(.transferReceiverUnverified, "*ob (44-7700XXXX) is not real-name verified and cannot receive transfers", rule: "transfer.receiver_verified"))
        try world.setPolicy("transfer.unverified_receive", to: "5")
        // the cap before the missing card
        #expect(answer { try world.transfer(user: dan, amount: cny("6"), to: bob) }?.rule == "transfer.receive_cap")
        #expect(answer { try world.transfer(user: dan, amount: cny("5"), to: bob) }?.rule == "transfer.card")
        #expect(world.ledger.postings.isEmpty)
    }

    @Test func payMerchantExistsComesFirstForBothVersions() throws {
        var world = World()
        let alice = try world.intlUser()                    // no pass, unverified: later rules fail too
        let dan = try world.domesticUser()                  // no card
        for user in [alice, dan] {
            #expect(answer { try world.pay(user: user, amount: cny("1"), merchantNamed: "nobody") }
                    == WalletError(.merchantUnknown, "no merchant named nobody", rule: "pay.merchant"))
        }
        #expect(answer { try world.pay(user: alice, amount: cny("1"), merchantNamed: "cafe") }?.rule == "pay.pass")
        #expect(answer { try world.pay(user: dan, amount: cny("1"), merchantNamed: "cafe") }?.rule == "pay.bank_card")
    }

    /// `help pay.password_locked` lists the password rule too: its failure can answer that code.
    @Test func aRuleCanAnswerMoreThanItsCode() {
        let ids = RuleBook.rules(answering: .payPasswordLocked).map(\.rule.id)
        #expect(ids == ["pay.locked", "pay.password"])
    }

    @Test func refundEarlierRuleAnswers() throws {
        var world = World()
        let alice = try world.passHolder(amount: "100")
        #expect(RefundRules.list.infos.map(\.code) == [.merchantUnknown, .refundNoPayment, .refundExceedsPayment])
        #expect(answer { try world.refund(user: alice, amount: cny("5"), merchantNamed: "nowhere") }
                == WalletError(.merchantUnknown, "no merchant named nowhere", rule: "refund.merchant"))
        // never paid: answered before the amount (which would exceed nothing too)
        #expect(answer { try world.refund(user: alice, amount: cny("5"), merchantNamed: "cafe") }?.rule == "refund.paid")
        _ = try world.pay(user: alice, amount: cny("30"), merchantNamed: "cafe")
        _ = try world.refund(user: alice, amount: cny("10"), merchantNamed: "cafe")
        #expect(answer { try world.refund(user: alice, amount: cny("20.01"), merchantNamed: "cafe") }
                == WalletError(.refundExceedsPayment, "cafe can refund at most CNY 20.00 of what alice paid it", rule: "refund.left"))
        _ = try world.refund(user: alice, amount: cny("20"), merchantNamed: "cafe")
        #expect(world.balance(user: alice) == cny("100"))
    }

    @Test func reactivateEarlierRuleAnswers() throws {
        var world = World()
        let dan = try world.domesticUser()                  // domestic and no pass: the version answers
        #expect(answer { try world.reactivate(user: dan) }?.rule == "reactivate.version")
        let alice = try world.passHolder(amount: "100")
        #expect(answer { try world.reactivate(user: alice) }
                == WalletError(.tourpassNotExpired, "the TourPass is active, not expired: nothing to reactivate", rule: "reactivate.expired"))
        _ = try world.advance(by: minutes("90d"))
        try world.reactivate(user: alice)
        #expect(world[alice].pass.state == .none)
    }

    @Test func policyEarlierRuleAnswers() throws {
        var world = World()
        #expect(PolicyRules.list.infos.map(\.code) == [.policyUnknownKey, .policyBadValue, .policyConflict, .policyConflict])
        // an unknown key before its (also bad) value
        #expect(answer { try world.setPolicy("topup.mni", to: "abc") }?.rule == "policy.key")
        #expect(answer { try world.policyValue("topup.mni") }?.code == .policyUnknownKey)
        #expect(try world.policyValue("topup.min") == "100.00")
        // a bad value before any conflict
        #expect(answer { try world.setPolicy("topup.min", to: "-1") }?.rule == "policy.value")
        // above both the maximum and the total: the maximum is named
        try world.setPolicy("topup.total", to: "1500")
        #expect(answer { try world.setPolicy("topup.min", to: "2500") }?.rule == "policy.min_max")
        #expect(answer { try world.setPolicy("topup.min", to: "1800") }?.rule == "policy.min_total")
        #expect(world.policy.topupMin == cny("100"), "nothing changed")
        // the conflict rules look only at the top-up keys
        try world.setPolicy("pass.days", to: "30")
    }

    @Test func merchantRule() throws {
        var world = World()
        #expect(answer { try world.defineMerchant(name: "cross-qr", qr: .domestic) }?.rule == "merchant.fixed_code")
        #expect(answer { try world.defineMerchant(name: "domestic-qr", qr: .domestic, acceptsCredit: false) } == nil)
        #expect(answer { try world.defineMerchant(name: "stall", qr: .domestic) } == nil)
        #expect(answer { try world.defineMerchant(name: "stall", qr: .cross) } == nil, "only the built-in anonymous codes are fixed")
    }

    /// After a success every rule held, with nothing recomputed against the world as it is now.
    @Test func aSuccessIsExplainedAsAllHeld() throws {
        var world = World()
        let alice = try world.passHolder(amount: "100")
        let input = PayInput(user: alice, amount: cny("100"), merchant: world.merchant(named: "cafe"), merchantName: "cafe", password: nil)
        _ = try world.pay(user: alice, amount: cny("100"), merchantNamed: "cafe")
        // the balance rule would fail now (the balance is 0), but the payment passed it
        let explanation = PayRules.international.explanation(world, input, failedRule: nil)
        #expect(explanation.steps.allSatisfy { $0.verdict == .held && $0.looked.isEmpty })
    }
}
