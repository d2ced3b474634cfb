import Foundation
import Testing

/// `tourpass run --coverage`, `--coverage-json FILE` and `--min-coverage PERCENT` on the
/// built binary, and the gate that holds the repository's own suite at 100%.
@Suite("tourpass run --coverage")
struct CoverageRunTests {
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let topUpAboveMax = "user alice\nverify\ncard visa\ntopup 2500\nexpect error topup.above_maximum\n"
    static let topUpOK = "user bob\nverify\ncard mastercard\ntopup 500\nexpect balance 500\n"

    /// The `rules: …` line's two fractions.
    static func summary(_ out: String) -> (failing: [Int], passing: [Int])? {
        guard let line = out.split(separator: "\n").last(where: { $0.hasPrefix("rules: ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 4 else { return nil }
        return ([numbers[0], numbers[1]], [numbers[2], numbers[3]])
    }

    @Test("--coverage prints the rules never seen each way after the usual summary, then the rules line")
    func table() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.scn", Self.topUpAboveMax)
        try dir.write("b.scn", Self.topUpOK)
        let result = try Tourpass.run(["run", "--coverage", "."], directory: dir.path)
        #expect(result.status == 0, "\(result.out)\(result.err)")
        let lines = result.outLines
        let passed = try #require(lines.firstIndex(of: "2 passed, 0 failed"))
        #expect(lines[passed + 1] == "")
        // Rules never run come first, once, not again in the lists after.
        #expect(lines[passed + 2].hasPrefix("rules never run ("))
        // Cells, whatever the widths the longest names give the columns.
        let rows = lines.map { $0.split(separator: " ").map(String.init) }
        #expect(rows[passed + 3] == ["command", "rule", "code", "passed", "failed"])
        #expect(rows.contains(["topup", "topup.min", "topup.below_minimum", "2", "0"]))
        // Every rule run was seen passing here: no "never seen passing" list.
        #expect(!lines.contains { $0.hasPrefix("rules never seen passing (") })
        #expect(rows.filter { $0.count == 5 && $0[1] == "pay.qr" }.count == 1)
        #expect(rows.contains(["pay", "pay.qr", "pay.domestic_qr", "0", "0"]))
        // topup.max failed once and passed once: covered, so in neither list.
        #expect(!rows.contains { $0.starts(with: ["topup", "topup.max"]) })
        // The summary agrees with the tables and with the JSON of the same run.
        let counts = try #require(Self.summary(result.out))
        let total = counts.failing[1]
        #expect(counts.failing[0] == 1 && counts.passing[1] == total)
        #expect(lines.contains("rules never run (\(total - counts.passing[0])):"))
        #expect(lines.contains("rules never seen failing (\(counts.passing[0] - 1)):"))
        #expect(lines.suffix(2) == ["rules: 1/\(total) seen failing, \(counts.passing[0])/\(total) seen passing", ""])
        _ = try Tourpass.run(["run", "--coverage-json", "c.json", "."], directory: dir.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data((dir.read("c.json") ?? "").utf8)) as? [String: Any])
        #expect(object["rules"] as? Int == total && object["seen_failing"] as? Int == 1 && object["seen_passing"] as? Int == counts.passing[0])
        #expect(result.err == "")
        // Without the flag: not a word of it.
        let plain = try Tourpass.run(["run", "."], directory: dir.path)
        #expect(plain.out == "PASS ./a.scn\nPASS ./b.scn\n\n2 passed, 0 failed\n")
    }

    @Test("-j 1 and -j 2 print and write the same bytes; --coverage-json alone prints no table")
    func sameBytesForAnyJobs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("long.scn", "user carol\nverify\ncard jcb\n" + String(repeating: "topup 100\npay 1 qr:cross\n", count: 40))
        try dir.write("a.scn", Self.topUpAboveMax)
        try dir.write("b.scn", Self.topUpOK)
        try dir.write("c.scn", "user dan phone:+86-13800138000\ncard unionpay\npay 1200 qr:cross\nexpect error pay.daily_limit\n")
        let one = try Tourpass.run(["run", "-j", "1", "--coverage", "--coverage-json", "one.json", "."], directory: dir.path)
        let two = try Tourpass.run(["run", "-j", "2", "--coverage", "--coverage-json", "two.json", "."], directory: dir.path)
        #expect(one.status == 0 && two.status == 0, "\(one.out)\(one.err)")
        #expect(one.stdout == two.stdout)
        let json = try #require(dir.read("one.json"))
        #expect(dir.read("two.json") == json)
        #expect(json.hasPrefix("{\n  \"rules\": "))
        #expect(json.contains("{\"id\": \"pay.balance\", \"command\": \"pay\", \"code\": \"pay.insufficient_balance\", \"passed\": 40, \"failed\": 0}"), "\(json)")
        #expect(json.contains("{\"id\": \"pay.daily_limit\", \"command\": \"pay\", \"code\": \"pay.daily_limit\", \"passed\": 0, \"failed\": 1}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["never_seen_failing"] as? [String])?.contains("pay.balance") == true)
        let jsonOnly = try Tourpass.run(["run", "--coverage-json", "three.json", "."], directory: dir.path)
        #expect(jsonOnly.status == 0 && !jsonOnly.out.contains("rules"))
        #expect(dir.read("three.json") == json)
        // Through the one writer: a device works, a read-only file is refused without --force.
        let device = try Tourpass.run(["run", "--coverage-json", "/dev/stdout", "a.scn"], directory: dir.path)
        #expect(device.status == 0 && device.out.contains("\"by_rule\": ["))
        chmod(dir.file("one.json"), 0o444)
        let readOnly = try Tourpass.run(["run", "--coverage-json", "one.json", "a.scn"], directory: dir.path)
        #expect(readOnly.status == 2 && readOnly.err.contains("one.json"), "\(readOnly.err)")
        #expect(dir.read("one.json") == json)
    }

    @Test("--min-coverage: exit 1 naming the figure below it when a rule is never seen failing; 2 for a bad value")
    func minimum() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("ok.scn", Self.topUpOK)
        let short = try Tourpass.run(["run", "--min-coverage", "100", "."], directory: dir.path)
        #expect(short.status == 1)
        #expect(short.out.hasPrefix("PASS ./ok.scn\n\n1 passed, 0 failed\n"), "\(short.out)")
        let total = try #require(Self.summary(try Tourpass.run(["run", "--coverage", "."], directory: dir.path).out)).failing[1]
        let passing = try #require(Self.summary(try Tourpass.run(["run", "--coverage", "."], directory: dir.path).out)).passing[0]
        #expect(short.outLines.suffix(2).first?.hasPrefix("rule coverage below --min-coverage 100%: 0/\(total) rules seen failing (0.0%); \(passing)/\(total) rules seen passing (") == true, "\(short.out)")
        // Seen passing but not failing still counts against it: only rules seen both ways are covered.
        let zero = try Tourpass.run(["run", "--min-coverage", "0", "."], directory: dir.path)
        #expect(zero.status == 0 && zero.out == "PASS ./ok.scn\n\n1 passed, 0 failed\n")
        for bad in ["101", "abc", "99.999", "-5"] {
            // `=` so that "-5" is a value, not an option.
            let refused = try Tourpass.run(["run", "--min-coverage=" + bad, "."], directory: dir.path)
            #expect(refused.status == 2 && refused.err.contains("--min-coverage takes a percentage"), "\(bad): \(refused.err)")
        }
        // A failed scenario stays 1; a file that does not parse stays 2.
        try dir.write("fail.scn", "user eve\nexpect balance 5\n")
        #expect(try Tourpass.run(["run", "--min-coverage", "0", "."], directory: dir.path).status == 1)
        try dir.write("bad.scn", "frobnicate\n")
        #expect(try Tourpass.run(["run", "--min-coverage", "100", "."], directory: dir.path).status == 2)
    }

    @Test("on a shard --min-coverage is not judged: one note, the exit the scenarios give; an empty shard passes")
    func shardNotJudged() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.scn", Self.topUpAboveMax)
        try dir.write("b.scn", Self.topUpOK)
        let note = "note: --min-coverage 100% is not judged on a shard (it sees only its own files); give it to an unsharded run, or merge every shard's --coverage-json with `tourpass coverage merge`"
        // Unsharded, the same files fall short: the gate fails.
        let whole = try Tourpass.run(["run", "--min-coverage", "100", "."], directory: dir.path)
        #expect(whole.status == 1 && whole.out.contains("rule coverage below --min-coverage"), "\(whole.out)")
        for shard in ["1/2", "2/2", "3/1000"] {
            let result = try Tourpass.run(["run", "--shard", shard, "--min-coverage", "100", "."], directory: dir.path)
            #expect(result.status == 0, "\(shard): \(result.out)\(result.err)")
            #expect(result.outLines.filter { $0 == note }.count == 1, "\(shard): \(result.out)")
            #expect(!result.out.contains("rule coverage below"), "\(shard): \(result.out)")
        }
        // lit's variables shard too; a failing scenario on a shard still fails it.
        try dir.write("fail.scn", "user eve\nexpect balance 5\n")
        var failed = 0
        for index in 1...2 {
            let result = try Tourpass.run(["run", "--num-shards", "2", "--run-shard", String(index), "--min-coverage", "100", "."], directory: dir.path)
            #expect(result.outLines.contains(note))
            if result.out.contains("FAIL ./fail.scn") { failed += 1; #expect(result.status == 1) } else { #expect(result.status == 0) }
        }
        #expect(failed == 1)
    }

    /// The gate CI holds (`scripts/test` runs this): every rule of the rule book seen both
    /// failing and passing by the repository's own suite.
    @Test("the repository's suite sees every rule failing and passing (run --coverage --min-coverage 100 scenarios)")
    func gate() throws {
        let result = try Tourpass.run(["run", "--coverage", "--min-coverage", "100", "scenarios"], directory: Self.repository.path)
        let counts = try #require(Self.summary(result.out), "\(result.out)")
        #expect(result.status == 0, """
            rule coverage dropped: add a scenario under scenarios/TOPIC/ where each rule below fails (or passes):
            \(result.outLines.drop { !$0.hasPrefix("rules never") }.joined(separator: "\n"))
            """)
        #expect(counts.failing[0] == counts.failing[1] && counts.passing[0] == counts.passing[1])
        #expect(!result.out.contains("rules never"))
    }
}
