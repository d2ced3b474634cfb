import Foundation
import Testing

/// `tourpass coverage merge` on the built binary: shards' `--coverage-json` files add up to
/// the bytes an unsharded run prints and writes, and the total is judged as that run's.
@Suite("tourpass coverage merge")
struct CoverageMergeTests {
    static let scenarios = CoverageRunTests.repository.appendingPathComponent("scenarios").path

    /// What `run --coverage` prints after the scenarios' summary and its blank line.
    static func coverageSection(_ out: String) -> String {
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        guard let summary = lines.lastIndex(where: { $0.hasSuffix(" failed") && $0.contains(" passed, ") }) else { return "" }
        return lines[(summary + 2)...].joined(separator: "\n")
    }

    /// Three shards merged against one unsharded run, on `selection` of the suite: the text
    /// and the JSON, byte for byte.
    func compare(_ selection: [String]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let whole = try Tourpass.run(["run", "--coverage", "--coverage-json", dir.file("whole.json")] + selection + [Self.scenarios])
        #expect(whole.status == 0, "\(whole.out)\(whole.err)")
        var parts: [String] = []
        for shard in 1...3 {
            let part = dir.file("shard-\(shard).json")
            let result = try Tourpass.run(["run", "--shard", "\(shard)/3", "--coverage-json", part] + selection + [Self.scenarios])
            #expect(result.status == 0, "\(shard): \(result.out)\(result.err)")
            parts.append(part)
        }
        // Each shard counts only its own files.
        #expect(Set(parts.map { dir.read(($0 as NSString).lastPathComponent) }).count == 3)
        let merged = try Tourpass.run(["coverage", "merge"] + parts + ["--json", dir.file("merged.json")])
        #expect(merged.status == 0, "\(merged.out)\(merged.err)")
        #expect(merged.err == "")
        #expect(merged.out == Self.coverageSection(whole.out), "\(merged.out)\n---\n\(whole.out)")
        let wholeJSON = try #require(dir.read("whole.json"))
        #expect(dir.read("merged.json") == wholeJSON)
        // The order of the files does not matter.
        let reversed = try Tourpass.run(["coverage", "merge"] + parts.reversed() + ["--json", "/dev/stdout"])
        #expect(reversed.out == merged.out + wholeJSON)
    }

    @Test("the suite in three shards merges to the unsharded run's report and JSON")
    func wholeSuite() throws {
        try compare([])
    }

    @Test("a part of the suite, where the tables of rules not covered show, merges the same")
    func partOfTheSuite() throws {
        try compare(["--filter", "cards/*"])
    }

    @Test("--min-coverage judges the total: the shortfall line and exit 1 as an unsharded run gives them")
    func gate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.scn", CoverageRunTests.topUpAboveMax)
        try dir.write("b.scn", CoverageRunTests.topUpOK)
        let whole = try Tourpass.run(["run", "--coverage", "--min-coverage", "2", "."], directory: dir.path)
        #expect(whole.status == 1)
        for shard in 1...2 {
            _ = try Tourpass.run(["run", "--shard", "\(shard)/2", "--coverage-json", "s\(shard).json", "."], directory: dir.path)
        }
        let merged = try Tourpass.run(["coverage", "merge", "s1.json", "s2.json", "--min-coverage", "2"], directory: dir.path)
        #expect(merged.status == 1)
        #expect(merged.out == Self.coverageSection(whole.out), "\(merged.out)")
        #expect(merged.outLines.contains { $0.hasPrefix("rule coverage below --min-coverage 2%: ") })
        let low = try Tourpass.run(["coverage", "merge", "s1.json", "s2.json", "--min-coverage", "1"], directory: dir.path)
        #expect(low.status == 0, "\(low.out)")
    }

    @Test("a file that is not a coverage file of this rule book is exit 2, naming the file and what is wrong")
    func badFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.scn", CoverageRunTests.topUpOK)
        _ = try Tourpass.run(["run", "--coverage-json", "good.json", "."], directory: dir.path)
        let good = try #require(dir.read("good.json"))
        let cases: [(name: String, text: String, message: String)] = [
            ("text.json", "frobnicate\n", "error: text.json: not JSON; not a rule coverage file (`tourpass run --coverage-json FILE` writes one)"),
            ("list.json", "[1]\n", "error: list.json: the top level is not an object; not a rule coverage file (`tourpass run --coverage-json FILE` writes one)"),
            ("other.json", good.replacingOccurrences(of: "\"topup.max\"", with: "\"topup.maximum\""),
             "error: other.json: rule 'topup.maximum' is not in this tourpass's rule book (was the file written by another version?)"),
            ("twice.json", good.replacingOccurrences(of: "\"topup.max\"", with: "\"topup.min\""), "error: twice.json: rule 'topup.min' is listed twice"),
            ("negative.json", good.replacingOccurrences(of: "\"passed\": 1,", with: "\"passed\": -1,"), "error: negative.json: rule 'user.phone_form' has a negative count"),
            ("fraction.json", good.replacingOccurrences(of: "\"passed\": 1,", with: "\"passed\": 1.5,"),
             "error: fraction.json: a count is not a whole number; not a rule coverage file (`tourpass run --coverage-json FILE` writes one)"),
            ("short.json", "{\"by_rule\": [{\"id\": \"user.phone_form\", \"passed\": 1, \"failed\": 0}]}\n",
             "error: short.json: rule 'user.name_free' and 64 more are not in the file (was it written by another version?)"),
        ]
        #expect(good.contains("{\"id\": \"user.phone_form\", \"command\": \"user\", \"code\": \"register.phone_invalid\", \"passed\": 1,"))
        for (name, text, message) in cases {
            try dir.write(name, text)
            let result = try Tourpass.run(["coverage", "merge", "good.json", name, "--json", "out.json"], directory: dir.path)
            #expect(result.status == 2, "\(name)")
            #expect(result.out == "", "\(name): \(result.out)")
            #expect(result.err == message + "\n", "\(name): \(result.err)")
            #expect(dir.read("out.json") == nil, "\(name): nothing written")
        }
        let missing = try Tourpass.run(["coverage", "merge", "good.json", "gone.json"], directory: dir.path)
        #expect(missing.status == 2 && missing.err == "error: gone.json: cannot read the file: No such file or directory\n")
        let none = try Tourpass.run(["coverage", "merge"], directory: dir.path)
        #expect(none.status == 2 && none.err.hasPrefix("Error: give the --coverage-json files to merge"))
        let percent = try Tourpass.run(["coverage", "merge", "good.json", "--min-coverage", "101"], directory: dir.path)
        #expect(percent.status == 2 && percent.err.contains("--min-coverage takes a percentage from 0 to 100"))
        // A file far larger than any coverage file is refused without reading it whole.
        try dir.write("huge.json", String(repeating: " ", count: 2 << 20))
        let huge = try Tourpass.run(["coverage", "merge", "huge.json"], directory: dir.path)
        #expect(huge.status == 2 && huge.err.hasPrefix("error: huge.json: larger than 1024 KB"))
    }
}
