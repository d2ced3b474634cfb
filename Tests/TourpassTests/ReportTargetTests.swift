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
}
