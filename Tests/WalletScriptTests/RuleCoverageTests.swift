import Foundation
import Testing
import WalletCore
import WalletScript

/// `run --coverage`: counting each rule's passes and failures from the results, merging
/// files, the report, and `--min-coverage`'s arithmetic.
@Suite struct RuleCoverageTests {
    static let verifiedVisa = "user alice\nverify\ncard visa\n"

    func counted(_ text: String) -> RuleCoverage? {
        var options = RunOptions()
        options.coverage = true
        return ScenarioRunner.run(text: text, name: TestName(path: "t.scn"), options: options).result.coverage
    }

    /// A table row's cells (the widths follow the longest command, rule and code).
    static func cells(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    func counts(_ coverage: RuleCoverage?, _ id: String) -> [Int] {
        coverage?.counts(of: id).map { [$0.passed, $0.failed] } ?? []
    }

    @Test func aFailureCountsTheRulesBeforeItAsPassedAndItselfAsFailed() throws {
        let coverage = try #require(counted(Self.verifiedVisa + "topup 2500\nexpect error topup.above_maximum\n"))
        for id in ["topup.version", "topup.verified", "topup.lapsed", "topup.card_linked", "topup.pass_expired", "topup.min"] {
            #expect(counts(coverage, id) == [1, 0], "\(id)")
        }
        #expect(counts(coverage, "topup.max") == [0, 1])
        for id in ["topup.count", "topup.total", "topup.card_found", "topup.card_expiry", "topup.issuer"] {
            #expect(counts(coverage, id) == [0, 0], "\(id): not reached, not counted")
        }
        // Only the top-up failed; the sign-up, `verify` and the card link each passed their lists once.
        #expect(coverage.failed.reduce(0, +) == 1)
        let others = try #require(counted(Self.verifiedVisa))
        let passed: Int = coverage.passed.reduce(0, +), passedBefore: Int = others.passed.reduce(0, +)
        #expect(passed == passedBefore + 6)
    }

    @Test func aSuccessCountsEveryRuleOfTheListThatRan() throws {
        let coverage = try #require(counted(Self.verifiedVisa + "topup 500\ntopup 100\n"))
        for info in TopUpRules.list.infos { #expect(counts(coverage, info.id) == [2, 0], "\(info.id)") }
        // Pay's lists did not run.
        #expect(counts(coverage, "pay.qr") == [0, 0])
    }

    @Test func theVariantThatRanIsTheOneCounted() throws {
        // A domestic user's payment: the domestic list (pay.lapsed first), not the international one.
        let coverage = try #require(counted("user wang phone:+86-13800138000\ncard unionpay\npay 10 qr:cross password:000000\nexpect error pay.wrong_password\n"))
        #expect(counts(coverage, "pay.lapsed") == [1, 0])
        #expect(counts(coverage, "pay.bank_card") == [1, 0])
        #expect(counts(coverage, "pay.locked") == [1, 0])
        #expect(counts(coverage, "pay.password") == [0, 1])
        #expect(counts(coverage, "pay.qr") == [0, 0] && counts(coverage, "pay.credit") == [0, 0])
    }

    @Test func theFifthWrongPasswordCountsAsThePasswordRuleFailing() throws {
        let wrong = "pay 1 qr:cross password:000000\nexpect error pay.wrong_password\n"
        let text = Self.verifiedVisa + "topup 100\n" + String(repeating: wrong, count: 4)
            + "pay 1 qr:cross password:000000\nexpect error pay.password_locked\npay 1 qr:cross\nexpect error pay.password_locked\n"
            + "advance 3h\npay 1 qr:cross\nexpect ok\n"
        let coverage = try #require(counted(text))
        #expect(counts(coverage, "pay.password") == [1, 5])
        #expect(counts(coverage, "pay.locked") == [6, 1])
        #expect(counts(coverage, "pay.balance") == [1, 0])
    }

    @Test func errorsNamingNoRuleQueriesAndAssertionsCountNothing() throws {
        let nothing = try #require(counted("topup 100\nexpect error user.none\nbalance\nstatus\nwhy\nexpect balance 0\n# a comment\n"))
        #expect(nothing == RuleCoverage())
        #expect(nothing.seenFailing == 0 && nothing.seenPassing == 0 && nothing.covered == 0)
        let signUp = try #require(counted("user alice\n"))
        #expect(try #require(counted("user alice\nbalance\nwhy\nexpect ok\nhistory\n")) == signUp)
    }

    @Test func includedFilesAndFailedScenariosCountToo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.verifiedVisa + "topup 100\n")
        try dir.write("a.scn", "include _setup.scn\nexpect balance 999\n")
        var options = SuiteOptions(jobs: 1)
        options.coverage = true
        let suite = WalletScript.Suite.run(paths: [dir.path], options: options)
        #expect(suite.exitCode == 1)
        #expect(counts(suite.coverage, "topup.issuer") == [1, 0])
    }

    @Test func nothingIsCountedUnlessAsked() throws {
        let result = ScenarioRunner.run(text: Self.verifiedVisa + "topup 100\n", name: TestName(path: "t.scn"), options: RunOptions()).result
        #expect(result.coverage == nil)
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("a.scn", Self.verifiedVisa)
        #expect(WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions()).coverage == nil)
    }

    @Test func mergingAddsAndIgnoresOrder() throws {
        let a = try #require(counted(Self.verifiedVisa + "topup 2500\nexpect error topup.above_maximum\n"))
        let b = try #require(counted(Self.verifiedVisa + "topup 500\n"))
        let c = try #require(counted("user wang phone:+86-13800138000\npay 1 qr:cross\nexpect error pay.no_payment_method\n"))
        let forward = RuleCoverage.merged([a, b, c])
        #expect(forward == RuleCoverage.merged([c, a, b]))
        #expect(counts(forward, "topup.min") == [2, 0])
        #expect(counts(forward, "topup.max") == [1, 1])
        #expect(counts(forward, "pay.lapsed") == [1, 0] && counts(forward, "pay.bank_card") == [0, 1])
        #expect(forward.passed == a.passed.indices.map { a.passed[$0] + b.passed[$0] + c.passed[$0] })
    }

    @Test func oneJobAndTwoJobsGiveTheSameBytes() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // Files of very different lengths, so two jobs finish them out of order.
        try dir.write("a/long.scn", "policy topup.total 6000\n" + Self.verifiedVisa + String(repeating: "topup 100\n", count: 60)
                      + "topup 100\nexpect error topup.cumulative_limit\n")
        try dir.write("b/short.scn", "user bob phone:+86-13800138000\ntopup 100\nexpect error tourpass.domestic_user\n")
        try dir.write("c/max.scn", Self.verifiedVisa + "topup 2500\nexpect error topup.above_maximum\n")
        try dir.write("d/fail.scn", Self.verifiedVisa + "topup 100\nexpect balance 1\n")
        func run(_ jobs: Int) -> (text: [String], json: String) {
            var options = SuiteOptions(jobs: jobs)
            options.coverage = true
            let coverage = WalletScript.Suite.run(paths: [dir.path], options: options).coverage ?? RuleCoverage()
            return (CoverageReport.text(coverage, style: Style(colour: false)), CoverageReport.json(coverage))
        }
        let one = run(1), two = run(2)
        #expect(one.text == two.text)
        #expect(Array(one.json.utf8) == Array(two.json.utf8))
        #expect(one.json.contains("{\"id\": \"topup.total\", \"command\": \"topup\", \"code\": \"topup.cumulative_limit\", \"passed\": 61, \"failed\": 1}"), "\(one.json)")
    }

    @Test func theReportListsTheRulesNeverRunThenNeverSeenEachWay() throws {
        // topup.max seen both ways; the other top-up rules only passing; pay's rules never run.
        let coverage = try #require(counted(Self.verifiedVisa + "topup 2500\nexpect error topup.above_maximum\ntopup 500\n"))
        let lines = CoverageReport.text(coverage, style: Style(colour: false))
        let total = RuleCoverage.entries.count
        let runHead = try #require(lines.firstIndex(of: "rules never run (\(total - coverage.seenPassing)):"))
        let failingHead = try #require(lines.firstIndex(of: "rules never seen failing (\(coverage.seenPassing - 1)):"))
        #expect(runHead < failingHead)
        let neverRun = lines[runHead..<failingHead], neverFailing = lines[failingHead...]
        #expect(Self.cells(lines[failingHead + 1]) == ["command", "rule", "code", "passed", "failed"])
        #expect(neverFailing.map(Self.cells).contains(["topup", "topup.min", "topup.below_minimum", "2", "0"]))
        #expect(!lines.map(Self.cells).contains { $0.starts(with: ["topup", "topup.max"]) })
        // Once, among the rules never run, not again in a list after.
        #expect(neverRun.map(Self.cells).contains(["pay", "pay.qr", "pay.domestic_qr", "0", "0"]))
        #expect(!neverFailing.map(Self.cells).contains { $0.first == "pay" })
        #expect(!lines.contains { $0.hasPrefix("rules never seen passing") })
        #expect(lines.last == "rules: 1/\(total) seen failing, \(coverage.seenPassing)/\(total) seen passing")
        #expect(lines.filter { $0.hasPrefix("  ") }.count == 2 + (total - coverage.seenPassing) + (coverage.seenPassing - 1))
    }

    @Test func aRuleOnlySeenFailingIsListedAsNeverSeenPassing() throws {
        let coverage = try #require(counted(Self.verifiedVisa + "topup 2500\nexpect error topup.above_maximum\n"))
        let lines = CoverageReport.text(coverage, style: Style(colour: false))
        let head = try #require(lines.firstIndex { $0.hasPrefix("rules never seen passing (") })
        #expect(lines[head...].map(Self.cells).contains(["topup", "topup.max", "topup.above_maximum", "0", "1"]))
    }

    @Test func anEmptyRunListsEveryRuleAsNeverRunOnce() {
        let lines = CoverageReport.text(RuleCoverage(), style: Style(colour: false))
        let total = RuleCoverage.entries.count
        #expect(lines.filter { $0.hasPrefix("rules never ") } == ["rules never run (\(total)):"])
        #expect(lines.count == (total + 3) + 1)
        #expect(lines.last == "rules: 0/\(total) seen failing, 0/\(total) seen passing")
    }

    @Test func jsonKeysInAFixedOrderWithEveryRule() throws {
        let coverage = try #require(counted(Self.verifiedVisa + "topup 500\ntopup 2500\nexpect error topup.above_maximum\n"))
        let json = CoverageReport.json(coverage)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["rules"] as? Int == RuleCoverage.entries.count)
        #expect(object["seen_passing"] as? Int == coverage.seenPassing && coverage.seenPassing > TopUpRules.list.rules.count)
        #expect(object["seen_failing"] as? Int == 1 && object["covered"] as? Int == 1)
        #expect(object["never_seen_passing"] as? [String] == coverage.neverPassing.map(\.rule.id))
        #expect((object["never_seen_failing"] as? [String])?.contains("topup.max") == false)
        #expect((object["by_rule"] as? [[String: Any]])?.map { $0["id"] as? String } == RuleCoverage.entries.map(\.rule.id))
        let keys = ["\"rules\"", "\"seen_failing\"", "\"seen_passing\"", "\"covered\"", "\"never_seen_failing\"", "\"never_seen_passing\"", "\"by_rule\""]
        let positions = keys.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(json.hasSuffix("]\n}\n"))
    }

    @Test("--min-coverage percentages", arguments: [
        ("100", 10_000), ("0", 0), ("97.5", 9_750), ("97.50", 9_750), ("99.05", 9_905), ("100%", 10_000), ("7", 700),
    ])
    func percentParses(text: String, hundredths: Int) {
        #expect(CoveragePercent(text)?.hundredths == hundredths)
    }

    @Test("--min-coverage refuses", arguments: ["", "100.01", "101", "-1", "1e2", "97.555", "abc", "%", "50.", ".5", "1000"])
    func percentRefused(text: String) {
        #expect(CoveragePercent(text) == nil)
    }

    @Test func minimumIsComparedExactlyWithTheRulesSeenBothWays() throws {
        #expect(CoveragePercent("91.66")?.isMet(by: 22, of: 24) == true)
        #expect(CoveragePercent("91.67")?.isMet(by: 22, of: 24) == false)
        #expect(CoveragePercent("100")?.isMet(by: 24, of: 24) == true && CoveragePercent("100")?.isMet(by: 23, of: 24) == false)
        #expect(CoveragePercent("97.5")?.description == "97.5%" && CoveragePercent("100")?.description == "100%"
                && CoveragePercent("0.05")?.description == "0.05%")
        let coverage = try #require(counted(Self.verifiedVisa + "topup 2500\nexpect error topup.above_maximum\ntopup 500\n"))
        let total = coverage.ruleCount
        let hundred = try #require(CoveragePercent("100")), zero = try #require(CoveragePercent("0"))
        let shortfall = try #require(CoverageReport.shortfall(coverage, minimum: hundred))
        #expect(shortfall.hasPrefix("rule coverage below --min-coverage 100%: 1/\(total) rules seen failing ("))
        #expect(shortfall.contains("; \(coverage.seenPassing)/\(total) rules seen passing ("))
        #expect(CoverageReport.shortfall(coverage, minimum: zero) == nil)
    }
}
