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
}
