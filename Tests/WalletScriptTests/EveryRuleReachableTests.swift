import Testing
import WalletCore
@testable import WalletScript

/// `explore --reach RULE` fails every rule of the rule book from a fresh world within a
/// small budget (under the what-if policy `Unreachable.whatIf` names where the default
/// policy keeps a rule out), or says why it cannot. Seven rules no move failed went
/// unnoticed until searches ran into the 1,000,000-state limit; this holds that shut.
@Suite struct EveryRuleReachableTests {
    /// Far below `--max-states`: the deepest rule (topup.total, nine commands) takes about 20,000.
    static let budget = SearchLimits(maxDepth: 12, maxStates: 40_000)
    /// `policy` is never a move, and eleven card links by one user is a bound of the world.
    static let outOfReach: Set<String> = ["policy.key", "policy.value", "policy.min_max", "policy.min_total", "card.count"]

    @Test(arguments: RuleBook.rules.map(\.id))
    func everyRuleIsReachable(_ id: String) throws {
        let rule = try #require(RuleBook.rules.first { $0.id == id })
        let target = ExploreTarget.rule(rule)
        let policy = Unreachable.whatIf(for: target, policy: Policy()).map { ["\($0.key)=\($0.value)"] } ?? []
        let start = try ExploreStart.make(policy: policy).get()
        if let reason = Unreachable.reason(for: target, policy: start.session.world.policy) {
            #expect(Self.outOfReach.contains(id), "\(id): \(reason)")
            return
        }
        #expect(!Self.outOfReach.contains(id), "\(id) is reachable now: take it off the list")
        var explorer = Explorer(start: start.session, limits: Self.budget)
        let result = explorer.search(for: [target])
        let path = try #require(result.reaches.first?.path, "\(id): \(result.stop.explanation) (\(result.states) states)")
        // The last move fails by the rule, and the scenario written passes as it stands.
        var session = start.session
        for line in path { _ = session.run(line: line) }
        guard case .failure(let error)? = session.lastResult else { Issue.record("\(id): \(path) ends without a failure"); return }
        #expect(error.rule == id, "\(id): \(path)")
        let scenario = start.scenario(reaching: target, by: path, header: [])
        let (run, _) = ScenarioRunner.run(text: scenario, path: "\(id).scn", checkInvariants: true)
        #expect(run.failures.isEmpty && run.diagnostics.isEmpty, "\(id):\n\(scenario)")
    }

    /// The issuer rules of domestic users need a declining card the default cards.domestic
    /// refuses: the reason names the change, and under it the rule is reached.
    @Test func aDomesticIssuerRuleNamesThePolicyThatAllowsIt() throws {
        let rule = try #require(RuleBook.rules.first { $0.id == "pay.issuer" })
        let reason = try #require(Unreachable.reason(for: .rule(rule), policy: Policy()))
        #expect(reason.hasSuffix("try --policy cards.domestic=unionpay,visa"))
        let start = try ExploreStart.make(policy: ["cards.domestic=unionpay,visa"]).get()
        var explorer = Explorer(start: start.session, limits: Self.budget)
        let path = try #require(explorer.search(for: [.rule(rule)]).reaches.first?.path)
        #expect(path == ["user alice phone:+86-13800138000", "card declined", "pay 1000 qr:cross"])
    }
}
