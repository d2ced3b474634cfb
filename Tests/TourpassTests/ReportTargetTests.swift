import Foundation
import Testing

/// A report (`--junit`, `XML_OUTPUT_FILE`, `--coverage-json`) never replaces a scenario:
/// refused before anything runs, exit 2, the file left as it was.
@Suite struct ReportTargetTests {
    @Test("--junit onto a file being run, onto any .scn, or eating the next path: exit 2 before running, files untouched")
    func reportOntoInputRefused() throws {
        let dir = try TemporaryDirectory("tourpass-report-target")
        defer { dir.remove() }
        try dir.write("self.scn", ScenarioFixtures.passing)
        try dir.write("b.scn", ScenarioFixtures.passing)
        try dir.write("notes.txt", ScenarioFixtures.passing)
        let cases: [(arguments: [String], environment: [String: String?], message: String)] = [
            (["--junit", "self.scn", "self.scn"], [:], "error: --junit self.scn: a report is never written onto a scenario file (.scn)"),
            // `--junit` without its value takes the first path as the report's file.
            (["--junit", "self.scn", "b.scn"], [:], "error: --junit self.scn: a report is never written onto a scenario file"),
            (["--junit", "notes.txt", "notes.txt"], [:], "error: --junit notes.txt is a file this run reads: the report would replace it"),
            (["--junit", "./notes.txt", "notes.txt", "b.scn"], [:], "error: --junit ./notes.txt is a file this run reads"),
            (["b.scn"], ["XML_OUTPUT_FILE": "self.scn"], "error: XML_OUTPUT_FILE self.scn: a report is never written onto a scenario file"),
            (["--coverage-json", "self.scn", "b.scn"], [:], "error: --coverage-json self.scn: a report is never written onto a scenario file"),
        ]
        for item in cases {
            let result = try Tourpass.run(["run"] + item.arguments, environment: item.environment, directory: dir.path)
            #expect(result.status == 2, "\(item.arguments)")
            #expect(result.err.hasPrefix(item.message), "\(item.arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(item.arguments): nothing runs: \(result.out)")
            #expect(dir.read("self.scn") == ScenarioFixtures.passing && dir.read("notes.txt") == ScenarioFixtures.passing)
        }
        let fine = try Tourpass.run(["run", "--junit", "report.xml", "self.scn", "b.scn"], directory: dir.path)
        #expect(fine.status == 0 && dir.read("report.xml")?.contains("tests=\"2\"") == true, "\(fine.err)")
    }

    @Test("report --html onto a file being run, onto any .scn, or eating the next path: exit 2 before running, files untouched")
    func htmlOntoInputRefused() throws {
        let dir = try TemporaryDirectory("tourpass-report-target-html")
        defer { dir.remove() }
        try dir.write("s3.scn", ScenarioFixtures.passing)
        try dir.write("b.scn", ScenarioFixtures.passing)
        try dir.write("notes.txt", ScenarioFixtures.passing)
        let cases: [(arguments: [String], message: String)] = [
            (["--html", "s3.scn", "s3.scn"], "error: --html s3.scn: a report is never written onto a scenario file (.scn); give the report its own file, such as --html report.html"),
            (["--html", "s3.scn", "b.scn"], "error: --html s3.scn: a report is never written onto a scenario file"),
            (["--html", "notes.txt", "notes.txt"], "error: --html notes.txt is a file this run reads: the report would replace it"),
            (["--html", "./notes.txt", "notes.txt", "b.scn"], "error: --html ./notes.txt is a file this run reads"),
        ]
        for item in cases {
            let result = try Tourpass.run(["report"] + item.arguments, directory: dir.path)
            #expect(result.status == 2, "\(item.arguments)")
            #expect(result.err.hasPrefix(item.message), "\(item.arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(item.arguments): nothing runs: \(result.out)")
            #expect(dir.read("s3.scn") == ScenarioFixtures.passing && dir.read("notes.txt") == ScenarioFixtures.passing)
        }
        let fine = try Tourpass.run(["report", "--html", "report.html", "s3.scn", "b.scn"], directory: dir.path)
        #expect(fine.status == 0 && fine.out.hasPrefix("wrote report.html: 2 passed"), "\(fine.out) \(fine.err)")
        #expect(dir.read("report.html")?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test(":report onto a .scn (one just saved) or a file :load or include read: refused, an error that counts, the file untouched")
    func sessionReportOntoScenarioRefused() throws {
        let dir = try TemporaryDirectory("tourpass-report-target-repl")
        defer { dir.remove() }
        try dir.write("e644.scn", ScenarioFixtures.passing)
        try dir.write("notes.txt", "user bob\n")
        let piped = try Tourpass.run([], stdin: ":load notes.txt\n:report e644.scn\n:report notes.txt\n:report ./notes.txt\n:report page.html\n", directory: dir.path)
        #expect(piped.err.contains("<stdin>:2: error: :report e644.scn: a report is never written onto a scenario file (.scn); give the report its own file, such as :report report.html"), "\(piped.err)")
        #expect(piped.err.contains("<stdin>:3: error: :report notes.txt is a file this run reads: the report would replace it"), "\(piped.err)")
        #expect(piped.err.contains("<stdin>:4: error: :report ./notes.txt is a file this run reads"), "\(piped.err)")
        #expect(piped.out.contains("wrote the session's report to page.html"), "\(piped.out)")
        #expect(piped.status == 2, "a refused report is an error that counts: \(piped.status)")
        #expect(dir.read("e644.scn") == ScenarioFixtures.passing && dir.read("notes.txt") == "user bob\n")
        #expect(dir.read("page.html")?.hasPrefix("<!DOCTYPE html>") == true)
    }

    /// A file reached only through `include` (by any name, `.scn` or not, nested, through a
    /// link) is read by the run as a named one is: no report replaces it.
    @Test("--junit, --coverage-json, report --html and :report onto a file only included: exit 2 before running, files untouched")
    func reportOntoIncludedFileRefused() throws {
        let dir = try TemporaryDirectory("tourpass-report-target-include")
        defer { dir.remove() }
        let setup = "user bob\ninclude deeper/more.txt\n"
        let more = "verify\nexpect verified yes\n"
        try dir.write("s/a.scn", "# includes a file that is no .scn\ninclude ../setup.txt\nexpect ok\n")
        try dir.write("setup.txt", setup)
        try dir.write("deeper/more.txt", more)
        #expect(symlink("setup.txt", dir.path + "/link.xml") == 0)
        let cases: [(arguments: [String], message: String)] = [
            (["run", "--junit", "setup.txt", "s"], "error: --junit setup.txt is a file this run reads: the report would replace it"),
            (["run", "--junit", "link.xml", "s"], "error: --junit link.xml is a file this run reads"),
            (["run", "--coverage-json", "deeper/more.txt", "s/a.scn"], "error: --coverage-json deeper/more.txt is a file this run reads"),
            (["report", "--html", "./setup.txt", "s"], "error: --html ./setup.txt is a file this run reads: the report would replace it"),
            (["report", "--html", "deeper/more.txt", "s"], "error: --html deeper/more.txt is a file this run reads"),
        ]
        for item in cases {
            let result = try Tourpass.run(item.arguments, directory: dir.path)
            #expect(result.status == 2, "\(item.arguments)")
            #expect(result.err.hasPrefix(item.message), "\(item.arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(item.arguments): nothing runs: \(result.out)")
            #expect(dir.read("setup.txt") == setup && dir.read("deeper/more.txt") == more)
        }
        // The REPL's :report: a file a :load reached through include is one it read.
        let piped = try Tourpass.run([], stdin: ":load s/a.scn\n:report deeper/more.txt\n:report page.html\n", directory: dir.path)
        #expect(piped.err.contains("<stdin>:2: error: :report deeper/more.txt is a file this run reads"), "\(piped.err)")
        #expect(piped.out.contains("wrote the session's report to page.html"), "\(piped.out)")
        #expect(dir.read("deeper/more.txt") == more)
        // explore --out never replaces a file its --from includes.
        let explore = try Tourpass.run(["explore", "--reach", "pay.domestic_qr", "--from", "s/a.scn", "--out", "deeper/more.txt"], directory: dir.path)
        #expect(explore.status == 2 && explore.err.contains("error: --out deeper/more.txt is a file this run reads: the scenario written would replace it"), "\(explore.err)")
        #expect(explore.out.isEmpty && dir.read("deeper/more.txt") == more, "\(explore.out)")
        let fine = try Tourpass.run(["run", "--junit", "report.xml", "s"], directory: dir.path)
        #expect(fine.status == 0 && dir.read("report.xml")?.contains("tests=\"1\"") == true, "\(fine.out) \(fine.err)")
    }

    @Test("coverage merge --json onto one of its inputs or a .scn, explore --out onto its --from: refused before anything runs")
    func otherOutputsRefused() throws {
        let dir = try TemporaryDirectory("tourpass-report-target-other")
        defer { dir.remove() }
        try dir.write("s/a.scn", ScenarioFixtures.passing)
        let shard = try Tourpass.run(["run", "--coverage-json", "a.json", "s"], directory: dir.path)
        #expect(shard.status == 0, "\(shard.err)")
        let counts = try #require(dir.read("a.json"))
        try dir.write("b.json", counts)
        for (arguments, message) in [
            (["--json", "a.json", "a.json", "b.json"], "error: --json a.json is a file this run reads: the report would replace it"),
            (["a.json", "b.json", "--json", "./b.json"], "error: --json ./b.json is a file this run reads"),
            (["a.json", "--json", "s/a.scn"], "error: --json s/a.scn: a report is never written onto a scenario file (.scn); give the report its own file, such as --json coverage.json"),
        ] {
            let result = try Tourpass.run(["coverage", "merge"] + arguments, directory: dir.path)
            #expect(result.status == 2 && result.err.hasPrefix(message), "\(arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(arguments): \(result.out)")
        }
        #expect(dir.read("a.json") == counts && dir.read("b.json") == counts && dir.read("s/a.scn") == ScenarioFixtures.passing)
        let merged = try Tourpass.run(["coverage", "merge", "a.json", "b.json", "--json", "m.json"], directory: dir.path)
        #expect(merged.status == 0 && dir.read("m.json") != nil, "\(merged.err)")

        for arguments in [["--reach", "pay.domestic_qr", "--from", "s/a.scn", "--out", "s/a.scn"],
                          ["--reach", "pay.domestic_qr", "--from", "s/a.scn", "--out", "./s//a.scn"],
                          ["--random", "--walks", "1", "--steps", "1", "--seed", "7", "--from", "s/violation-seed-7.scn", "--out", "s"]] {
            if arguments.contains("s/violation-seed-7.scn") { try dir.write("s/violation-seed-7.scn", ScenarioFixtures.passing) }
            let result = try Tourpass.run(["explore"] + arguments, directory: dir.path)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.err)")
            #expect(result.err.contains("is a file this run reads: the scenario written would replace it"), "\(arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(arguments): \(result.out)")
        }
        #expect(dir.read("s/a.scn") == ScenarioFixtures.passing && dir.read("s/violation-seed-7.scn") == ScenarioFixtures.passing)
        let found = try Tourpass.run(["explore", "--reach", "pay.domestic_qr", "--from", "s/a.scn", "--out", "found.scn"], directory: dir.path)
        #expect(found.status == 0 && dir.read("found.scn") != nil, "\(found.err)")
    }

    @Test("TEST_SHARD_STATUS_FILE is touched, never emptied: a file there keeps its bytes")
    func statusFileKeepsItsBytes() throws {
        let dir = try TemporaryDirectory("tourpass-report-target-status")
        defer { dir.remove() }
        try dir.write("s/a.scn", ScenarioFixtures.passing)
        try dir.write("keep.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(["run", "--shard", "1/1", "s"], environment: ["TEST_SHARD_STATUS_FILE": dir.file("keep.scn")], directory: dir.path)
        #expect(result.status == 0, "\(result.err)")
        #expect(dir.read("keep.scn") == ScenarioFixtures.passing)
    }
}

/// A report written through a symbolic link lands on the link's target: a link to a `.scn`
/// file (found in a folder the run walks, or anywhere else) is refused as the file itself is.
@Suite struct ReportThroughLinkTests {
    @Test("--junit, --coverage-json, XML_OUTPUT_FILE and report --html through a link to a .scn: exit 2, the scenario untouched",
          arguments: [
            (["run", "--junit", "evil.xml", "s"], [String: String?]()),
            (["run", "--coverage-json", "evil.xml", "s"], [:]),
            (["run", "s"], ["XML_OUTPUT_FILE": "evil.xml"]),
            (["report", "--html", "evil.xml", "s"], [:]),
            (["run", "--junit", "chain.xml", "s"], [:]),
          ])
    func linkToScenarioRefused(arguments: [String], environment: [String: String?]) throws {
        let dir = try TemporaryDirectory("tourpass-report-link")
        defer { dir.remove() }
        try dir.write("s/real.scn", ScenarioFixtures.passing)
        let victim = try dir.write("victim.scn", ScenarioFixtures.passing)
        try FileManager.default.createSymbolicLink(atPath: dir.file("evil.xml"), withDestinationPath: "victim.scn")
        try FileManager.default.createSymbolicLink(atPath: dir.file("chain.xml"), withDestinationPath: "evil.xml")
        let result = try Tourpass.run(arguments, environment: environment, directory: dir.path)
        #expect(result.status == 2, "\(result.out) \(result.err)")
        #expect(result.err.contains("is a link to a scenario file (./victim.scn): a report is never written onto one"), "\(result.err)")
        #expect(result.out.isEmpty, "nothing runs: \(result.out)")
        #expect(FileManager.default.contents(atPath: victim).map { String(decoding: $0, as: UTF8.self) } == ScenarioFixtures.passing)
    }

    @Test("a link to a report file is still written through")
    func linkToReportWritten() throws {
        let dir = try TemporaryDirectory("tourpass-report-link-ok")
        defer { dir.remove() }
        try dir.write("s/real.scn", ScenarioFixtures.passing)
        try FileManager.default.createSymbolicLink(atPath: dir.file("latest.xml"), withDestinationPath: "out/report.xml")
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: true)
        let result = try Tourpass.run(["run", "--junit", "latest.xml", "s"], directory: dir.path)
        #expect(result.status == 0, "\(result.err)")
        #expect(dir.read("out/report.xml")?.contains("<testsuites") == true)
    }
}
