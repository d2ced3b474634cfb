import Foundation
import Testing

/// `tourpass run` as CI drives it: shards, selection, JUnit, stopping, timing, colour.
@Suite struct CIRunTests {
    /// Twelve small files in folders, two of them failing, some tagged.
    static func suiteFolder() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("tourpass-ci")
        for index in 0..<10 {
            let tags = index % 3 == 0 ? "# tags: slow, policy\n" : (index % 3 == 1 ? "# tags: policy\n" : "")
            try dir.write("s/\(index < 5 ? "cards" : "payments")/t\(index).scn", tags + ScenarioFixtures.passing)
        }
        try dir.write("s/fail-a.scn", ScenarioFixtures.failing)
        try dir.write("s/fail-b.scn", ScenarioFixtures.failing)
        return dir
    }

    func passedLines(_ out: String) -> [String] {
        out.split(separator: "\n").map(String.init).filter { $0.hasPrefix("PASS ") || $0.hasPrefix("FAIL ") }
    }

    @Test("every spelling of shards partitions the suite exactly; an empty shard exits 0")
    func shardsPartition() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        let whole = try Tourpass.run(["run", "s"], directory: dir.path)
        let all = passedLines(whole.out)
        #expect(all.count == 12)
        for count in [1, 3, 5, 20] {
            var spellings: [[String]] = []
            for (style, index) in [("flag", 0), ("lit-flags", 1), ("lit-env", 2), ("bazel", 3)] {
                var union: [String] = []
                for shard in 1...count {
                    var arguments = ["run", "s"]
                    var environment: [String: String?] = [:]
                    let statusFile = dir.file("status-\(index)-\(shard)")
                    switch style {
                    case "flag": arguments += ["--shard", "\(shard)/\(count)"]
                    case "lit-flags": arguments += ["--num-shards", "\(count)", "--run-shard", "\(shard)"]
                    case "lit-env": environment = ["LIT_NUM_SHARDS": "\(count)", "LIT_RUN_SHARD": "\(shard)"]
                    default: environment = ["TEST_TOTAL_SHARDS": "\(count)", "TEST_SHARD_INDEX": "\(shard - 1)", "TEST_SHARD_STATUS_FILE": statusFile]
                    }
                    let result = try Tourpass.run(arguments, environment: environment, directory: dir.path)
                    let lines = passedLines(result.out)
                    #expect(result.status == (lines.contains { $0.hasPrefix("FAIL") } ? 1 : 0), "\(style) \(shard)/\(count): \(result.out) \(result.err)")
                    if lines.isEmpty {
                        #expect(result.out.contains("shard \(shard)/\(count) has no scenario files"), "\(result.out)")
                    }
                    if style == "bazel" { #expect(FileManager.default.fileExists(atPath: statusFile)) }
                    union += lines
                }
                #expect(union.sorted() == all.sorted(), "\(style) with \(count) shards")
                spellings.append(union)
            }
            // The three spellings pick the same files for the same shard numbers.
            #expect(Set(spellings.map { $0.joined(separator: "\n") }).count == 1)
        }
        let bad = try Tourpass.run(["run", "--shard", "4/3", "s"], directory: dir.path)
        #expect(bad.status == 2 && bad.err.contains("counted from 1"))
    }

    @Test("every bad shard spelling is `tourpass run`'s error with its usage, never the top-level usage")
    func badShardsShowRunsUsage() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        let cases: [(arguments: [String], environment: [String: String?], message: String)] = [
            (["--shard", "4/3"], [:], "--shard: the shard is counted from 1 to N, and N is at least 1 (got 4 of 3)"),
            (["--shard", "0/3"], [:], "(got 0 of 3)"),
            (["--shard", "1/0"], [:], "(got 1 of 0)"),
            (["--shard", "2"], [:], "--shard takes I/N, such as 2/4 (got 2)"),
            (["--shard", "a/b"], [:], "--shard takes I/N, such as 2/4 (got a/b)"),
            (["--num-shards", "3"], [:], "--num-shards and --run-shard go together"),
            (["--num-shards", "3", "--run-shard", "4"], [:], "--run-shard/--num-shards: the shard is counted from 1 to N"),
            (["--shard", "1/2", "--run-shard", "1"], [:], "give --shard I/N or --num-shards N --run-shard I, not both"),
            ([], ["LIT_NUM_SHARDS": "3"], "LIT_NUM_SHARDS is set but LIT_RUN_SHARD is not"),
            ([], ["LIT_NUM_SHARDS": "x", "LIT_RUN_SHARD": "1"], "LIT_NUM_SHARDS is not a number: x"),
            ([], ["TEST_TOTAL_SHARDS": "3", "TEST_SHARD_INDEX": "3"], "TEST_SHARD_INDEX 3 is not in 0 to 2 (Bazel counts from 0; TEST_TOTAL_SHARDS is 3)"),
            (["--tags", "a and"], [:], "--tags:"),
        ]
        for item in cases {
            let result = try Tourpass.run(["run"] + item.arguments + ["s"], environment: item.environment, directory: dir.path)
            #expect(result.status == 2, "\(item.arguments) \(item.environment)")
            #expect(result.err.contains(item.message), "\(item.arguments) \(item.environment): \(result.err)")
            #expect(result.err.contains("Usage: tourpass run "), "\(item.arguments) \(item.environment): \(result.err)")
            #expect(!result.err.contains("tourpass <subcommand>"), "\(item.arguments) \(item.environment): \(result.err)")
            #expect(result.out.isEmpty, "\(item.arguments): \(result.out)")
        }
    }

    @Test("Bazel's XML_OUTPUT_FILE gets the JUnit report")
    func bazelXMLOutput() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        let result = try Tourpass.run(["run", "s/cards"], environment: ["XML_OUTPUT_FILE": dir.file("out.xml")], directory: dir.path)
        #expect(result.status == 0)
        // The folder given by its own name (`cards`), however the path to it is spelt.
        #expect(dir.read("out.xml")?.contains("<testcase classname=\"cards\" name=\"t0.scn\"") == true)
        // An absolute PATH: classnames count from its last folder, with no machine prefix.
        let absolute = try Tourpass.run(["run", "--junit", "abs.xml", dir.file("s")], directory: dir.path)
        #expect(absolute.status != 2)
        let xml = try #require(dir.read("abs.xml"))
        #expect(xml.contains("<testcase classname=\"s.cards\" name=\"t0.scn\"") && xml.contains("classname=\"s\""))
        #expect(!xml.contains("classname=\"" + dir.path.split(separator: "/").joined(separator: ".")))
    }

    @Test("the JUnit report validates against the Jenkins schema with xmllint")
    func junitValidates() throws {
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try #require(xmllint, "xmllint is missing: scripts/test installs libxml2-utils")
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        try dir.write("s/broken.scn", "user alice\ntopu 5\n")
        let result = try Tourpass.run(["run", "--junit", "report.xml", "s"], directory: dir.path)
        #expect(result.status == 2)
        let xml = try #require(dir.read("report.xml"))
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schemas/jenkins-junit.xsd").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--noout", "--schema", schema, dir.file("report.xml")]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)\n\(xml)")
        // What CI readers show: a time on every case and the suite, folders as classnames.
        #expect(xml.contains("timestamp=\"") && xml.contains("hostname=\""))
        #expect(xml.contains("classname=\"s.cards\"") && xml.contains("classname=\"s.payments\"") && xml.contains("classname=\"s\""))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 13)
        #expect(xml.components(separatedBy: " time=\"").count - 1 == 13 + 2)
        #expect(xml.contains("<error message=\"s/broken.scn:2:1: error: unknown command &apos;topu&apos;"))
        #expect(xml.contains("<failure message=\"s/fail-a.scn:4:1: user carol: expected &apos;"))
        // Deliberately broken: the schema check must be able to fail.
        try dir.write("bad.xml", xml.replacingOccurrences(of: "<testcase classname", with: "<testcase file=\"x\" classname"))
        let check = Process()
        check.executableURL = URL(fileURLWithPath: tool)
        check.arguments = ["--noout", "--schema", schema, dir.file("bad.xml")]
        check.standardError = Pipe()
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus != 0)
    }

    @Test("an empty selection is exit 2 with --list as without it, and says so the same way")
    func emptySelectionListedOrRun() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        let listed = try Tourpass.run(["run", "--list", "--filter", "nomatch", "--tags", "transfer", "s"], directory: dir.path)
        let run = try Tourpass.run(["run", "--filter", "nomatch", "--tags", "transfer", "s"], directory: dir.path)
        #expect(listed.status == 2 && run.status == 2)
        #expect(listed.out.isEmpty && run.out.isEmpty)
        #expect(listed.err == "error: no scenario files found matching --filter nomatch --tags transfer\n", "\(listed.err)")
        #expect(listed.err == run.err)
    }

    @Test("--filter globs and substrings, --exclude wins, --tags expressions, --list")
    func selection() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        func listed(_ extra: [String]) throws -> [String] {
            let result = try Tourpass.run(["run", "--list"] + extra + ["s"], directory: dir.path)
            #expect(result.status == 0, "\(result.err)")
            return result.out.split(separator: "\n").map(String.init)
        }
        #expect(try listed([]).count == 12)
        #expect(try listed(["--filter", "cards/*"]) == (0..<5).map { "s/cards/t\($0).scn" })
        #expect(try listed(["--filter", "t1", "--filter", "fail-a"]) == ["s/cards/t1.scn", "s/fail-a.scn"])
        #expect(try listed(["--filter", "cards", "--exclude", "*t[0-2].scn"]) == ["s/cards/t3.scn", "s/cards/t4.scn"])
        // Names are relative to the PATH argument: the PATH itself is not matched.
        #expect(try listed(["--filter", "cards/t1.scn"]) == ["s/cards/t1.scn"])
        #expect(try listed(["--tags", "policy and not slow"]) == ["s/cards/t1.scn", "s/cards/t4.scn", "s/payments/t7.scn"])
        #expect(try listed(["--tags", "not (policy or slow)"]).count == 5)
        let bad = try Tourpass.run(["run", "--tags", "policy and", "s"], directory: dir.path)
        #expect(bad.status == 2 && bad.err.contains("--tags"))
        let none = try Tourpass.run(["run", "--filter", "zzz", "s"], directory: dir.path)
        #expect(none.status == 2 && none.err.contains("no scenario files found matching --filter zzz"))
    }

    @Test("--tags selects by folder (relative to the PATH given) and by `# tags:`, in expressions")
    func tagsByFolder() throws {
        let dir = try TemporaryDirectory("tourpass-ci-tags")
        defer { dir.remove() }
        try dir.write("s/policy/a.scn", ScenarioFixtures.passing)
        try dir.write("s/policy/b.scn", "# tags: slow\n" + ScenarioFixtures.passing)
        try dir.write("s/cards/c.scn", "# tags: policy\n" + ScenarioFixtures.passing)
        try dir.write("s/cards/d.scn", ScenarioFixtures.passing)
        try dir.write("s/payments/deep/e.scn", ScenarioFixtures.passing)
        func listed(_ expression: String, _ paths: [String] = ["s"]) throws -> [String] {
            let result = try Tourpass.run(["run", "--list", "--tags", expression] + paths, directory: dir.path)
            return result.out.split(separator: "\n").map(String.init)
        }
        #expect(try listed("policy") == ["s/cards/c.scn", "s/policy/a.scn", "s/policy/b.scn"])
        #expect(try listed("policy and not slow") == ["s/cards/c.scn", "s/policy/a.scn"])
        #expect(try listed("cards or deep") == ["s/cards/c.scn", "s/cards/d.scn", "s/payments/deep/e.scn"])
        #expect(try listed("payments and deep") == ["s/payments/deep/e.scn"], "every folder of the name counts")
        #expect(try listed("not (policy or cards)") == ["s/payments/deep/e.scn"])
        // Names are relative to the PATH given: from inside s/policy, `policy` is no folder of theirs.
        #expect(try listed("policy", ["s/policy"]) == [])
        #expect(try listed("not slow", ["s/policy"]) == ["s/policy/a.scn"])
        let root = try Tourpass.run(["run", "--tags", "s", "s"], directory: dir.path)
        #expect(root.status == 2 && root.err.contains("no scenario files found matching --tags s"), "\(root.err)")
        let run = try Tourpass.run(["run", "--tags", "policy and not cards", "s"], directory: dir.path)
        #expect(run.status == 0 && run.out.contains("2 passed, 0 failed"), "\(run.out)")
    }

    @Test("the repository's suite: --tags policy takes every file of scenarios/policy/")
    func repositoryPolicyFolder() throws {
        let root = RunStabilityTests.repository.path
        let folder = try FileManager.default.contentsOfDirectory(atPath: root + "/scenarios/policy")
            .filter { $0.hasSuffix(".scn") && !$0.hasPrefix("_") }.map { "scenarios/policy/" + $0 }
        #expect(folder.count >= 11)
        let result = try Tourpass.run(["run", "--list", "--tags", "policy", "scenarios"], directory: root)
        #expect(result.status == 0, "\(result.err)")
        let listed = Set(result.out.split(separator: "\n").map(String.init))
        #expect(Set(folder).isSubset(of: listed), "\(Set(folder).subtracting(listed).sorted())")
    }

    @Test("--max-failures stops at the Nth failure in file order; the report is the same for any -j")
    func maxFailures() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        let one = try Tourpass.run(["run", "-j", "1", "--max-failures", "1", "s"], directory: dir.path)
        let two = try Tourpass.run(["run", "-j", "2", "--max-failures", "1", "s"], directory: dir.path)
        #expect(one.status == 1)
        #expect(one.out == two.out)
        #expect(one.out.contains("FAIL s/fail-a.scn") && !one.out.contains("fail-b"))
        #expect(one.out.contains("stopped after 1 failed file (--max-failures): 6 not run"), "\(one.out)")
    }

    @Test("--fail-fast: one wrong line is one failure, each line reported once")
    func failFast() throws {
        let dir = try TemporaryDirectory("tourpass-ci")
        defer { dir.remove() }
        try dir.write("c.scn", "user alice\nverify\ncard visa\ntopup 500\nexpect balance 400\npay 10 qr:cross\n| paid CNY 10.00 to cross-qr from TourPass; balance CNY 390.00\nexpect balance 390\n")
        let cascade = try Tourpass.run(["run", "c.scn"], directory: dir.path)
        #expect(cascade.status == 1)
        #expect(cascade.out.contains("c.scn:5:1: expect balance 400") && cascade.out.contains("c.scn:6:1: pay 10 qr:cross"))
        let fast = try Tourpass.run(["run", "--fail-fast", "c.scn"], directory: dir.path)
        #expect(fast.status == 1)
        #expect(fast.out.contains("c.scn:5:1: expect balance 400") && !fast.out.contains("c.scn:6:") && !fast.out.contains("c.scn:8:"))
        // A command whose output differs and that also fails unexcused is one report of its line.
        try dir.write("d.scn", "user alice\ntopup 500\n| something else\n")
        let both = try Tourpass.run(["run", "d.scn"], directory: dir.path)
        #expect(both.out.components(separatedBy: "d.scn:2:1: topup 500").count - 1 == 1, "\(both.out)")
    }

    @Test("--time-tests prints the slowest files to standard error; standard output stays the same")
    func timeTests() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        let plain = try Tourpass.run(["run", "-j", "1", "s"], directory: dir.path)
        let timed = try Tourpass.run(["run", "-j", "2", "--time-tests", "s"], directory: dir.path)
        #expect(timed.out == plain.out)
        #expect(timed.err.hasPrefix("slowest 10 of 12 files"), "\(timed.err)")
        let three = try Tourpass.run(["run", "--time-tests", "3", "s"], directory: dir.path)
        #expect(three.err.split(separator: "\n").count == 4)
    }

    @Test("--color always colours a pipe; NO_COLOR wins over auto only")
    func colour() throws {
        let dir = try Self.suiteFolder()
        defer { dir.remove() }
        let always = try Tourpass.run(["run", "--color", "always", "s/cards"], environment: ["NO_COLOR": "1"], directory: dir.path)
        #expect(always.out.contains("\u{1B}[32mPASS"))
        let auto = try Tourpass.run(["run", "--color", "auto", "s/cards"], directory: dir.path)
        #expect(!auto.out.contains("\u{1B}"))
        let never = try Tourpass.run(["run", "--color", "never", "s/cards"], directory: dir.path)
        #expect(!never.out.contains("\u{1B}"))
        let bad = try Tourpass.run(["run", "--color", "sometimes", "s"], directory: dir.path)
        #expect(bad.status == 2)
    }
}
