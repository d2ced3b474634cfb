import Testing
import WalletScript

/// What a scenario file may hold, and how a mismatch is shown.
@Suite struct ScenarioFormatTests {
    func parseProblems(_ text: String, path: String = "s.scn") -> [Diagnostic] {
        if case .failure(let problems) = Scenario.parse(text, path: path) { return problems.list }
        return []
    }

    @Test func commandsCommentsAssertionsAndOutput() throws {
        let text = "# intro\nuser alice\n| line one\n|\n\nexpect ok\nbalance # note\n"
        guard case .success(let scenario) = Scenario.parse(text, path: "s.scn") else { Issue.record("should parse"); return }
        #expect(scenario.steps.map(\.line) == [2, 6, 7])
        #expect(scenario.steps.map(\.source) == ["user alice", "expect ok", "balance # note"])
        #expect(scenario.steps[0].recorded == ["line one", ""])
        #expect(scenario.steps[1].recorded == nil)
        #expect(scenario.steps[2].recorded == nil)
    }

    @Test func mismatchedOutputFailsWithAUnifiedDiff() throws {
        let text = "user alice\n| alice signed up with 44-7700900001 (international version)\n| SMS code 1234 sent to 44-7700900001 and entered\n"
        let (result, _) = ScenarioRunner.run(text: text, path: "d.scn")
        let failure = try #require(result.failures.first)
        #expect(failure.line == 1 && failure.source == "user alice")
        #expect(failure.details.contains("--- expected") && failure.details.contains("+++ actual"))
        #expect(failure.details.contains("-SMS code 1234 sent to 44-7700900001 and entered"))
        #expect(failure.details.contains("+SMS code 6844 sent to 44-7700900001 and entered"))
        #expect(failure.details.contains(" alice signed up with 44-7700900001 (international version)"))
        #expect(failure.details.contains { $0.hasPrefix("@@ -1,2 +1,2 @@") })
    }

    @Test func unifiedDiffOfAddedAndRemovedLines() {
        #expect(Diff.unified(expected: ["a", "b"], actual: ["a", "b", "c"]) == ["--- expected", "+++ actual", "@@ -1,2 +1,3 @@", " a", " b", "+c"])
        #expect(Diff.unified(expected: ["x"], actual: []) == ["--- expected", "+++ actual", "@@ -1,1 +0,0 @@", "-x"])
        #expect(Diff.unified(expected: ["same"], actual: ["same"]) == ["--- expected", "+++ actual"])
    }

    @Test func failedCommandMustBeFollowedByExpectError() throws {
        let (bad, _) = ScenarioRunner.run(text: "user alice\n# a comment between\nverify face:fail\nbalance\n", path: "e.scn")
        let failure = try #require(bad.failures.first)
        #expect(failure.line == 3)
        #expect(failure.details.joined().contains("verify.face_failed"))
        let (good, _) = ScenarioRunner.run(text: "user alice\nverify face:fail\n\n# fine\nexpect error verify.face_failed\n", path: "e.scn")
        #expect(good.passed, "\(describe(good))")
        let (wrong, _) = ScenarioRunner.run(text: "user alice\nverify face:fail\nexpect error card.none\n", path: "e.scn")
        #expect(wrong.failures.map(\.line) == [3])
    }

    @Test func failedAssertionNamesLineAndExpectedAgainstActual() throws {
        let (result, _) = ScenarioRunner.run(text: "user alice\nexpect balance 5\n", path: "a.scn")
        let failure = try #require(result.failures.first)
        #expect(failure.line == 2 && failure.source == "expect balance 5")
        #expect(failure.details == ["the balance is CNY 0.00, expected CNY 5.00"])
    }

    @Test func outputUnderACommentIsAParseError() throws {
        let problems = parseProblems("user alice\n# comment\n| stray\n")
        let first = try #require(problems.first)
        #expect(first.rendered.hasPrefix("s.scn:3:1: error:"))
        #expect(parseProblems("| at the top\n").first?.line == 1)
        #expect(parseProblems("user alice\nexpect ok\n| after an assertion\n").first?.line == 3)
        #expect(parseProblems("user alice\n\n| after a blank line\n").first?.line == 3)
    }

    @Test func everyStrayOutputLineIsReported() {
        let lines = parseProblems("# c\n| one\n| two\n| three\n").map(\.line)
        #expect(lines == [2] || lines == [2, 3, 4], "one report for the block, or one a line; got \(lines)")
        // Output under a mistyped command: the command's diagnostic is the one to show.
        #expect(parseProblems("topu 5\n| a\n| b\n").map(\.line) == [1])
    }

    @Test func metaCommandsAreAParseError() throws {
        let problems = parseProblems("user alice\n:save x.scn\n  :undo\n")
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems.map(\.column) == [1, 3])
        #expect(problems.first?.rendered.hasPrefix("s.scn:2:1: error: meta-commands") == true)
    }

    @Test func everyBadLineIsOneDiagnostic() {
        let problems = parseProblems("topu 5\nuser alice\npay 5 qr:crosss\ntopup 1.234\n", path: "x/y.scn")
        #expect(problems.map(\.line) == [1, 3, 4])
        #expect(problems.allSatisfy { $0.file == "x/y.scn" })
    }
}
