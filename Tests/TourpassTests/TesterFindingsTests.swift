import Foundation
import Testing

/// The user tester's findings of round 9 (fix-tester), each reproduced first.
@Suite struct TesterFindingsTests {
    @Test("a diagnostic of a binary file keeps its byte escapes (\\x93, \\u{13}) and still hides a card number")
    func escapesAreNotDigits() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("bin.scn")
        try Data([0x93, 0x13] + Array(" pay 4111111111111111\n".utf8)).write(to: URL(fileURLWithPath: path))
        let result = try Tourpass.run(["run", "bin.scn"], directory: dir.path)
        #expect(result.status == 2)
        #expect(result.out.contains("\\x93\\u{13} pay ••••••••••••••••"), "\(result.out)")
        #expect(!result.out.contains("4111") && !result.out.contains("\\x••"), "\(result.out)")
    }

    @Test("an amount longer than any card number is shown as typed; a card number and a password stay hidden")
    func overlongAmountShown() throws {
        let result = try Tourpass.piped("topup 99999999999999999999999\npay 4111111111111111 qr:cross\npay 1 qr:cross password:2468 10\n")
        #expect(result.status == 2)
        #expect(result.err.contains("amount is too large (at most CNY 100,000,000.00): 99999999999999999999999"), "\(result.err)")
        #expect(!result.err.contains("4111111111111111") && !result.err.contains("2468"), "\(result.err)")
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("big.scn", "topup 99999999999999999999999\n")
        let run = try Tourpass.run(["run", "big.scn"], directory: dir.path)
        #expect(run.out.contains("\n    topup 99999999999999999999999\n"), "\(run.out)")
    }

    @Test("lit's and Bazel's shard variables naming different shards: exit 2 saying both; the same shard runs")
    func litAndBazelTogether() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for name in ["a", "b", "c", "d"] { try dir.write("s/\(name).scn", ScenarioFixtures.passing) }
        let both: [String: String?] = ["LIT_NUM_SHARDS": "2", "LIT_RUN_SHARD": "1", "TEST_TOTAL_SHARDS": "2", "TEST_SHARD_INDEX": "1"]
        let clash = try Tourpass.run(["run", "--list", "s"], environment: both, directory: dir.path)
        #expect(clash.status == 2 && clash.out.isEmpty, "\(clash.out)")
        #expect(clash.err.contains("LIT_NUM_SHARDS/LIT_RUN_SHARD (shard 1/2) and TEST_TOTAL_SHARDS/TEST_SHARD_INDEX (shard 2/2, counted from 1) are both set and disagree"), "\(clash.err)")
        var same = both
        same["TEST_SHARD_INDEX"] = "0"
        let agreed = try Tourpass.run(["run", "--list", "s"], environment: same, directory: dir.path)
        let litOnly = try Tourpass.run(["run", "--list", "s"], environment: ["LIT_NUM_SHARDS": "2", "LIT_RUN_SHARD": "1"], directory: dir.path)
        #expect(agreed.status == litOnly.status && agreed.out == litOnly.out, "\(agreed.err)")
        // Flags still win over both, as before.
        #expect(try Tourpass.run(["run", "--list", "--shard", "1/1", "s"], environment: both, directory: dir.path).outLines.count == 5)
    }

    @Test("bad numbers say so: --max-failures -1, --time-tests -1", arguments: [
        (["--max-failures", "-1"], "--max-failures takes 1 or more (got -1)"),
        (["--max-failures", "0"], "--max-failures takes 1 or more (got 0)"),
        (["--time-tests", "-1"], "--time-tests takes 1 or more (got -1)"),
    ])
    func badCounts(flags: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(["run"] + flags + ["a.scn"], directory: dir.path)
        #expect(result.status == 2 && result.out.isEmpty)
        #expect(result.err.contains(message), "\(result.err)")
    }

    @Test("a report file that cannot be written is said before anything runs", arguments: [
        (["run", "--junit", "", "s"], "error: --junit \"\": a report needs a file name, such as --junit report.xml"),
        (["run", "--coverage-json", "", "s"], "error: --coverage-json \"\": a report needs a file name"),
        (["run", "--junit", "nowhere/r.xml", "s"], "error: --junit nowhere/r.xml: cannot write the report there: the folder nowhere does not exist"),
        (["run", "--junit", "s", "s"], "error: --junit s: cannot write the report there: it is a directory"),
        (["report", "--html", "", "s"], "error: --html \"\": a report needs a file name, such as --html report.html"),
    ])
    func unwritableReport(arguments: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("s/a.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(arguments, directory: dir.path)
        #expect(result.status == 2)
        #expect(result.out.isEmpty, "nothing ran: \(result.out)")
        #expect(result.err.hasPrefix(message), "\(result.err)")
    }
}
