import Testing
import WalletCore
@testable import WalletScript

/// `:reach` in the REPL: a budget of states it says how to raise, and a stop it can be asked for.
@Suite struct ReachBudgetTests {
    @Test func theREPLBudgetIsATenthOfExplores() {
        #expect(SearchLimits.repl.maxStates == 100_000)
        #expect(SearchLimits.repl.maxStates < SearchLimits.defaults.maxStates)
    }

    @Test func maxRaisesTheBudgetAndTheMessageSaysHowInREPLWords() {
        let plan = ReachPlan.make("\"wallet 99999\" max:500", from: Session())
        #expect(plan.message == ["wallet 99999 not reached within 500 states (depth 5); :reach \"wallet 99999\" max:5000 searches ten times as many"])
        #expect(!plan.message.joined().contains("--max-states"))
        #expect(plan.lines.isEmpty)
    }

    @Test func aBadBudgetIsSaid() {
        let plan = ReachPlan.make("\"wallet 99999\" max:lots", from: Session())
        #expect(plan.message == ["`max:` takes a number of states from 1 to 100,000,000 (`:reach TARGET max:1000000`)"])
    }

    @Test func maxAndApplyGoTogether() {
        let plan = ReachPlan.make("topup.max max:50000 apply", from: Session())
        #expect(plan.apply)
        #expect(plan.lines.first == "user alice")
    }

    @Test func aStopAskedForEndsTheSearchAndSaysWhere() {
        var asked = 0
        let hooks = SearchHooks(shouldStop: { asked += 1; return asked > 2 })
        let plan = ReachPlan.make("\"wallet 99999\"", from: Session(), hooks: hooks)
        let message = plan.message.joined()
        // Asked to stop, not out of budget: it says so and suggests no budget.
        #expect(message.hasPrefix("wallet 99999: interrupted by Ctrl-C after "), "\(message)")
        #expect(message.hasSuffix("not reached"), "\(message)")
        #expect(!message.contains("max:") && !message.contains("budget"), "\(message)")
        #expect(asked == 3)
    }

    @Test("a search stopped by a signal names it, not a budget")
    func aSignalNamesItself() {
        var asked = 0
        let hooks = SearchHooks(shouldStop: { asked += 1; return asked > 2 }, stoppedBy: { "SIGTERM" })
        let message = ReachPlan.make("\"wallet 99999\" max:5000000", from: Session(), hooks: hooks).message.joined()
        #expect(message.hasPrefix("wallet 99999: interrupted by SIGTERM after "), "\(message)")
        #expect(!message.contains("budget"), "\(message)")
    }
}
