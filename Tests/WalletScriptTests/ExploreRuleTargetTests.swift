import Testing
import WalletCore
@testable import WalletScript

/// `explore --reach RULE` and `:reach RULE`: a rule id is a target, met when a command fails by it.
@Suite struct ExploreRuleTargetTests {
    @Test func aRuleIdIsATarget() throws {
        guard case .success(.rule(let rule, _)) = ExploreTarget.parse("topup.max") else { Issue.record("topup.max"); return }
        #expect(rule.code == .topupAboveMaximum)
        var explorer = Explorer(start: Session(), limits: .defaults)
        let path = try #require(explorer.search(for: [.rule(rule)]).reaches.first?.path)
        #expect(path == ["user alice", "verify", "card visa", "topup 2000.01"])
        #expect(ExploreStart().closingLine(for: .rule(rule), after: path) == "expect error topup.above_maximum")
    }

    /// A rule that answers more than one code closes with the code it answered.
    @Test func closesWithTheCodeTheRuleAnswered() throws {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 100"] { _ = session.run(line: line) }
        let plan = ReachPlan.make("pay.password", from: session)
        #expect(plan.message.last == "  expect error pay.wrong_password")
        guard case .success(.rule(let rule, _)) = ExploreTarget.parse("pay.password") else { Issue.record("pay.password"); return }
        let lines = ["pay 0.01 qr:cross password:000000", "pay 0.01 qr:cross password:000000", "pay 0.01 qr:cross password:000000",
                     "pay 0.01 qr:cross password:000000", "pay 0.01 qr:cross password:000000"]
        #expect(rule.alsoAnswers.contains(.payPasswordLocked))
        for line in lines { _ = session.run(line: line) }
        #expect(ExploreStart.closing(for: .rule(rule), in: session) == "expect error pay.password_locked")
    }

    @Test func aMisspeltRuleIsSuggested() {
        guard case .failure(let problem) = ExploreTarget.parse("topup.mx") else { Issue.record("parsed"); return }
        #expect(problem.message == "unknown target 'topup.mx'; did you mean 'topup.max'?")
    }

    @Test func aRuleWhoseCodeIsOutOfReachSaysWhy() throws {
        guard case .success(let target) = ExploreTarget.parse("topup.count") else { Issue.record("topup.count"); return }
        #expect(Unreachable.reason(for: target, policy: Policy()) == "topup.count is none (no cap) in this policy; try --policy topup.count=1")
        guard case .success(let policyRule) = ExploreTarget.parse("policy.key") else { Issue.record("policy.key"); return }
        #expect(Unreachable.reason(for: policyRule, policy: Policy())?.hasPrefix("the policy stays fixed") == true)
    }
}

extension ExploreRuleTargetTests {
    /// A rule id that is also a code is read as the code: the same failure, as long as that
    /// rule is the only one answering it.
    @Test func aRuleNamedLikeACodeIsTheCode() {
        for rule in RuleBook.rules {
            guard let code = ErrorCode(rawValue: rule.id) else { continue }
            #expect(RuleBook.rules(answering: code).map(\.rule.id) == [rule.id], "\(rule.id)")
        }
    }
}
