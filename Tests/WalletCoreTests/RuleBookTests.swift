import Testing
@testable import WalletCore

/// The rule lists as data: well-formed, and in the check order RULES.md settles.
@Suite struct RuleBookTests {
    @Test func idsAreUniqueAndNamedForTheirCommand() {
        for list in RuleBook.lists {
            #expect(Set(list.rules.map(\.id)).count == list.rules.count, "\(list.command)")
            for rule in list.rules {
                #expect(rule.id.hasPrefix(list.command + "."), "\(rule.id)")
                #expect(!rule.statement.isEmpty)
                for key in rule.policyKeys { #expect(Policy.key(named: key) != nil, "\(rule.id): \(key)") }
            }
        }
    }

    @Test func topUpOrderIsTheSettledOne() {
        #expect(TopUpRules.list.infos.map(\.code) == [.tourpassDomesticUser, .tourpassNotVerified, .verifyLapsed, .cardNone, .tourpassExpired,
                                                        .topupBelowMinimum, .topupAboveMaximum, .topupCountLimit, .topupCumulativeLimit,
                                                        .cardNotFound, .cardExpired, .topupCardDeclined])
        #expect(PayRules.international.infos.map(\.code) == [.merchantUnknown, .payDomesticQR, .payNoPaymentMethod, .verifyLapsed, .payNoPaymentMethod,
                                                               .tourpassExpired, .payPasswordLocked, .payWrongPassword, .payInsufficientBalance])
    }

    /// The error names the rule that answered.
    @Test func errorsNameTheirRule() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        #expect(throws: WalletError(.topupAboveMaximum, "a top-up is at most CNY 2,000.00", rule: "topup.max")) {
            _ = try world.topUp(user: alice, amount: Money(fen: 250_000))
        }
    }
}
