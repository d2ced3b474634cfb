import Testing
import WalletCore
@testable import WalletScript

/// `why` and `help` for transfer, refund, reactivate, policy, merchant and pay's merchant rule.
@Suite struct WhyMoreCommandsTests {
    @Test func helpCodeListsEveryRuleThatCanAnswerIt() {
        let locked = HelpCommand.lines(for: "pay.password_locked")
        #expect(locked.contains { $0.hasPrefix("  pay, rule pay.locked:") })
        #expect(locked.contains { $0.hasPrefix("  pay, rule pay.password:") })
        let unknown = HelpCommand.lines(for: "merchant.unknown")
        #expect(unknown.contains { $0.hasPrefix("  pay, rule pay.merchant:") } && unknown.contains { $0.hasPrefix("  refund, rule refund.merchant:") })
        #expect(HelpCommand.lines(for: "user.unknown").contains { $0.hasPrefix("  transfer, rule transfer.receiver:") })
    }

    /// The code column fits the longest code (`transfer.receiver_unverified`).
    @Test func helpTransferListsItsRulesAligned() {
        let rules = HelpCommand.lines(for: "transfer").drop { !$0.hasPrefix("rules") }.dropFirst()
        #expect(rules.map { $0.split(separator: " ", omittingEmptySubsequences: true)[0] }
                == ["transfer.receiver", "transfer.self", "transfer.sender", "transfer.receiver_verified", "transfer.receive_cap",
                    "transfer.card", "transfer.card_expiry", "transfer.issuer"])
        let statementColumns = Set(zip(rules, TransferRules.list.infos).map { line, rule in
            line.range(of: rule.statement).map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? -1
        })
        #expect(statementColumns.count == 1)
    }

    @Test func whyAfterAnUnknownMerchantNamesTheFirstRule() {
        var s = session(after: aliceWithPass)
        _ = output("pay 10 to:nobody", in: &s)
        let why = output("why", in: &s)
        #expect(why.first == "pay 10 to:nobody failed with merchant.unknown (rule pay.merchant): no merchant named nobody")
        #expect(why.contains("    to pass: a merchant that exists (`merchants` lists them), or define it first: `merchant nobody`"))
        #expect(why.contains { $0.hasPrefix("  · pay.balance  not reached") })
    }

    @Test func whyAfterATransferOverTheCapGivesTheRoomAndThePolicy() {
        var s = session(after: ["user alice", "user dan phone:+86-13800138000", "card unionpay", "policy transfer.unverified_receive 25", "transfer 20 to:alice"])
        _ = output("transfer 10 to:alice", in: &s)
        let why = output("why", in: &s)
        #expect(why.first?.hasPrefix("transfer 10 to:alice failed with transfer.receiver_limit (rule transfer.receive_cap)") == true)
        #expect(why.contains("    to pass: at most CNY 5.00, `verify` the receiver (`user alice`, `verify`), or `policy transfer.unverified_receive 30.00`"))
        #expect(why.contains { $0.hasPrefix("  · transfer.card  not reached") })
    }

    @Test func whyAfterARefundTooLargeNamesWhatIsLeft() {
        var s = session(after: aliceWithPass + ["pay 30 to:cafe", "refund 10 from:cafe"])
        _ = output("refund 25 from:cafe", in: &s)
        #expect(output("why", in: &s).contains("    to pass: at most what is left: `refund 20.00 from:cafe`"))
    }

    @Test func whyAfterPolicyAndMerchantNamesTheLine() {
        var s = Session()
        _ = output("policy topup.min 2500", in: &s)
        let why = output("why", in: &s)
        #expect(why.first?.hasPrefix("policy topup.min 2500 failed with policy.conflict (rule policy.min_max)") == true)
        #expect(why.contains("    to pass: a topup.min of at most 2000.00, or raise the maximum first: `policy topup.max 2500.00`"))
        _ = output("merchant cross-qr qr:domestic", in: &s)
        #expect(output("why", in: &s).first?.hasPrefix("merchant cross-qr qr:domestic failed with merchant.reserved (rule merchant.fixed_code)") == true)
        _ = output("policy", in: &s)
        #expect(output("why", in: &s) == ["policy succeeded; it checks no rule list"])
    }

    /// After a success nothing claims a failure, even when the rules would not hold now.
    @Test func aSuccessIsEveryRuleHeldEvenWhenTheWorldMovedOn() {
        var s = session(after: aliceWithPass)
        _ = output("pay 500 to:cafe", in: &s)          // the balance is 0 now
        let why = output("why", in: &s)
        #expect(why.first == "pay 500 to:cafe succeeded: every rule held")
        #expect(why.dropFirst().allSatisfy { $0.hasPrefix("  ✓ ") })
        #expect(why.contains("  ✓ pay.balance  the TourPass balance covers the amount"))
    }

    /// Sign-up is checked before any rule list, as for every command.
    @Test func aPendingUserIsOutsideTheLists() {
        var s = session(after: ["user alice sms:manual"])
        _ = output("transfer 10 to:ghost", in: &s)
        #expect(output("why", in: &s).last?.contains("a check outside the rule lists: register.pending") == true)
    }
}
