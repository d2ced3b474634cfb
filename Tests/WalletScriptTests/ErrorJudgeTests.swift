import Testing
import WalletScript

/// One judge for "a failed command needs `expect error`": files and piped input agree.
@Suite struct ErrorJudgeTests {
    func file(_ lines: [String]) -> [Int] {
        let text = lines.joined(separator: "\n") + "\n"
        let (result, _) = ScenarioRunner.run(text: text, path: "judge.scn")
        return result.failures.filter { $0.details.contains { $0.hasPrefix("failed with") } }.map(\.line)
    }

    func piped(_ lines: [String]) -> (code: Int32, err: [String]) {
        var run = PipedRun()
        var err: [String] = []
        for line in lines { let printed = run.feed(line); err += printed.before + printed.err }
        let end = run.finish()
        return (end.exitCode, err + end.err)
    }

    /// Other `expect` lines, comments and blank lines may stand between the failure and its `expect error`.
    @Test func expectErrorAmongLaterExpectLinesExcuses() {
        let lines = ["user alice", "topup 500", "# why not?", "", "expect balance 0", "expect error tourpass.not_verified", "balance"]
        #expect(file(lines) == [])
        #expect(piped(lines).code == 0)
    }

    @Test func theNextCommandEndsTheChance() {
        let lines = ["user alice", "topup 500", "balance", "expect error tourpass.not_verified"]
        #expect(file(lines) == [2])
        let result = piped(lines)
        #expect(result.code == 1)
        #expect(result.err.first == "<stdin>:2: error: the command failed with tourpass.not_verified and no `expect error` follows")
    }

    @Test func theLastLineIsJudgedAtTheEnd() {
        #expect(file(["user alice", "topup 500"]) == [2])
        #expect(piped(["user alice", "topup 500"]).code == 1)
    }

    /// Recorded output excuses only when it matches and shows the code.
    @Test func recordedOutputExcusesWhenItMatchesAndShowsTheCode() {
        let shown = ["user alice", "topup 500", "| error tourpass.not_verified: TourPass needs real-name verification first (`verify`)", "balance"]
        #expect(file(shown) == [])
        let stale = ["user alice", "topup 500", "| error tourpass.not_verified: an older wording", "balance"]
        #expect(file(stale) == [2])
    }

    @Test("run FILE lists an unexcused failure in line order, before a failed expect that waited with it, at the end of the file too")
    func fileFailuresInLineOrder() {
        for tail in [["balance"], []] {
            let text = (["user alice", "topup 500", "expect balance 5"] + tail).joined(separator: "\n") + "\n"
            let (result, _) = ScenarioRunner.run(text: text, path: "order.scn")
            #expect(result.failures.map(\.line) == [2, 3], "\(tail): \(result.failures)")
        }
    }
}
