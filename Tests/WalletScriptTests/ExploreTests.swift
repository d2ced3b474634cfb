import Foundation
import Testing
import WalletCore
import WalletScript

/// `explore`: shortest sequences, scenarios that pass as written, the same bytes every time.
@Suite struct ExploreTests {
    /// `explore --all` from a fresh world, computed once for the tests that read it.
    static let report = ExploreReport.all(start: ExploreStart(), limits: .defaults, from: nil)

    func reach(_ text: String, limits: SearchLimits = .defaults) throws -> (path: [String], scenario: String) {
        let target = try #require(try? ExploreTarget.parse(text).get())
        var explorer = Explorer(start: Session(), limits: limits)
        let result = explorer.search(for: [target])
        let path = try #require(result.reaches.first?.path, "\(text): \(result.stop)")
        let scenario = ExploreStart().scenario(reaching: target, by: path, header: ["test"])
        return (path, scenario)
    }

    func passes(_ text: String, _ name: String) -> [String] {
        let (result, _) = ScenarioRunner.run(text: text, path: name, checkInvariants: true)
        return result.failures.flatMap { ["\(name):\($0.line) \($0.source)"] + $0.details } + result.diagnostics.map(\.rendered)
    }

    @Test func aTopUpBelowTheMinimumTakesFourCommands() throws {
        let (path, scenario) = try reach("topup.below_minimum")
        #expect(path == ["user alice", "verify", "card visa", "topup 99.99"])
        #expect(scenario.hasSuffix("topup 99.99\n| error topup.below_minimum: a top-up is at least CNY 100.00\nexpect error topup.below_minimum\n"))
        #expect(passes(scenario, "below.scn") == [])
    }

    @Test func theCumulativeCapTakesFiveTopUps() throws {
        let (path, scenario) = try reach("topup.cumulative_limit")
        #expect(path.count == 9)
        #expect(path.filter { $0.hasPrefix("topup") }.count == 6)
        #expect(passes(scenario, "cumulative.scn") == [])
    }

    @Test func aStateInTheLanguagesWords() throws {
        let (path, scenario) = try reach("refunded 100 card:visa")
        #expect(path.last?.hasPrefix("advance") == true)
        #expect(scenario.hasSuffix("expect refunded 100 card:visa\n"))
        #expect(passes(scenario, "refunded.scn") == [])
    }

    @Test func anUnknownTargetSuggestsTheNearest() {
        guard case .failure(let problem) = ExploreTarget.parse("topup.cumulative_limt") else {
            Issue.record("parsed")
            return
        }
        #expect(problem.message.contains("did you mean 'topup.cumulative_limit'"))
    }

    @Test func aBoundIsNamedWhenHit() throws {
        let target = try #require(try? ExploreTarget.parse("topup.cumulative_limit").get())
        var shallow = Explorer(start: Session(), limits: SearchLimits(maxDepth: 5, maxStates: 1_000_000))
        #expect(shallow.search(for: [target]).stop == .maxDepth(5))
        var small = Explorer(start: Session(), limits: SearchLimits(maxDepth: 20, maxStates: 50))
        #expect(small.search(for: [target]).stop == .maxStates(50))
        #expect(SearchStop.maxStates(50).explanation.contains("--max-states 50"))
    }

    /// Every way a search ends is worded once, for the CLI and the REPL alike: a reason, never
    /// a second "not reached", numbers grouped; a stopped search names what stopped it.
    @Test func everyStopIsWordedOnceWithGroupedNumbers() {
        #expect(SearchStop.maxStates(1_000_000).explanation == "the search stopped at --max-states 1,000,000")
        #expect(SearchStop.maxDepth(12).explanation == "the search stopped at --max-depth 12")
        #expect(SearchStop.stopped(12_345).explanation(interruptedBy: "SIGTERM") == "interrupted by SIGTERM after 12,345 states")
        for stop in [SearchStop.reached, .exhausted, .maxDepth(3), .maxStates(4), .stopped(5)] {
            #expect(!stop.explanation.contains("not reached") && !stop.explanation.contains("stopped after"), "\(stop)")
        }
    }

    @Test func everyTargetIsReachedOrHasAReasonAndEveryScenarioPasses() {
        let report = ExploreTests.report
        let scenarios = report.files.filter { $0.name.hasSuffix(".scn") }
        for (name, text) in scenarios { #expect(passes(text, name) == [], "\(name)") }
        let unreachable = report.table.filter { $0.contains("unreachable") }
        #expect(scenarios.count + unreachable.count == ExploreReport.allTargets.count, "\(report.table.joined(separator: "\n"))")
        // Only codes no sequence of user moves can answer under the default policy.
        let expected = ["register.limit", "card.too_many", "topup.count_limit", "transfer.receiver_limit", "merchant.limit",
                        "money.overflow", "policy.unknown_key", "policy.bad_value", "policy.conflict"]
        #expect(unreachable.map { String($0.prefix { $0 != " " }) }.sorted() == expected.sorted())
    }

    @Test func aPolicyMakesACapReachable() throws {
        let start = try ExploreStart.make(policy: ["topup.count=2"]).get()
        let target = ExploreTarget.code(.topupCountLimit)
        #expect(Unreachable.reason(for: target, policy: start.session.world.policy) == nil)
        var explorer = Explorer(start: start.session)
        let path = try #require(explorer.search(for: [target]).reaches.first?.path)
        #expect(path.count == 6)
        let scenario = start.scenario(reaching: target, by: path, header: [])
        #expect(scenario.hasPrefix("policy topup.count 2\n| topup.count = 2 (was none)\n"))
        #expect(passes(scenario, "count.scn") == [])
    }

    @Test func fromTheEndOfAScenario() throws {
        let from = "user zoe\nverify\ncard visa\ntopup 2000\n"
        let start = try ExploreStart.make(policy: [], from: "z.scn", text: from).get()
        var explorer = Explorer(start: start.session)
        let target = ExploreTarget.code(.payInsufficientBalance)
        let path = try #require(explorer.search(for: [target]).reaches.first?.path)
        #expect(path == ["pay 2000.01 qr:cross"])
        let scenario = start.scenario(reaching: target, by: path, header: [])
        #expect(scenario.hasPrefix("user zoe\n| zoe signed up"))
        #expect(passes(scenario, "from.scn") == [])
    }

    @Test func theSameBytesEveryTime() {
        let first = ExploreTests.report
        let second = ExploreReport.all(start: ExploreStart(), limits: .defaults, from: nil)
        #expect(first.files.map(\.name) == second.files.map(\.name))
        #expect(first.files.map(\.text) == second.files.map(\.text))
        #expect(first.table == second.table)
    }

    /// Every sequence of moves up to `depth`, with every command and two users, no
    /// deduplication: the fewest commands each target needs.
    func bruteForce(depth: Int, targets: [ExploreTarget]) -> [String: Int] {
        var best: [String: Int] = [:]
        func walk(_ session: Session, _ level: Int) {
            guard level < depth else { return }
            for line in Explorer.moves(in: session) {
                var after = session
                guard case .success(let outcome?) = after.run(line: line) else { continue }
                for target in targets where target.matches(outcome, after) {
                    best[target.description] = min(best[target.description] ?? .max, level + 1)
                }
                walk(after, level + 1)
            }
        }
        walk(Session(), 0)
        return best
    }

    @Test func breadthFirstFindsWhatBruteForceFindsAndNoLonger() {
        let depth = 3
        let targets = ExploreReport.allTargets
        let brute = bruteForce(depth: depth, targets: targets)
        #expect(brute.count > 30)
        var bfs: [String: Int] = [:]
        for target in targets {
            var explorer = Explorer(start: Session(), limits: SearchLimits(maxDepth: depth, maxStates: 1_000_000))
            if let path = explorer.search(for: [target]).reaches.first?.path { bfs[target.description] = path.count }
        }
        #expect(bfs == brute)
    }
}

/// `:reach` in the REPL: the shortest continuation, and `apply` as one undo step.
@Suite struct ReachInConsoleTests {
    @Test func reachPrintsThenApplyRunsAsOneUndoStep() {
        var console = Console()
        for line in ["user zoe", "verify", "card visa"] { _ = console.handle(line) }
        let shown = console.handle(":reach topup.above_maximum").lines.map(\.text)
        #expect(shown == ["topup.above_maximum in 1 command (5 states searched; :reach topup.above_maximum apply runs them):",
                          "  topup 2000.01", "  expect error topup.above_maximum"])
        let applied = console.handle(":reach \"status expired\" apply").lines.map(\.text)
        #expect(applied.contains("> advance 90d"))
        #expect(console.session.world.passState(user: console.session.currentUser!) == .expired)
        #expect(console.savedScenario.hasSuffix("expect status expired\n"))
        _ = console.handle(":undo")
        #expect(console.session.world.passState(user: console.session.currentUser!) == .none)
        #expect(console.session.world.now == Instant.start)
    }

    @Test func anUnknownTargetIsExplained() {
        var console = Console()
        #expect(console.handle(":reach").lines.map(\.text).first?.hasPrefix(":reach needs a TARGET") == true)
        #expect(console.handle(":reach pay.wrong_pasword").lines.map(\.text) == ["unknown target 'pay.wrong_pasword'; did you mean 'pay.wrong_password'?"])
    }
}

/// `:reach … apply` marks the closing `expect` that held, for the REPL's tick.
@Suite struct ReachApplyHeldTests {
    @Test func theClosingExpectIsMarkedHeld() {
        var console = Console()
        for line in ["user zoe", "verify", "card visa"] { _ = console.handle(line) }
        let response = console.handle(":reach topup.above_maximum apply")
        let marked = response.heldAssertions.map { response.lines[$0].text }
        #expect(marked == ["> expect error topup.above_maximum"], "\(response.lines.map(\.text))")
        #expect(console.handle(":reach topup.above_maximum").heldAssertions.isEmpty, "shown, not run")
    }
}
