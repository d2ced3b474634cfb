import Foundation
import Testing

/// A report or found scenario replaces a file only when that file is one of its kind (a
/// report of an earlier run), missing or empty: `coverage merge --json a.json b.json`
/// replaced any `a.json`, a `package.json` too.
@Suite("a report never replaces a file that is not a report of its kind")
struct ForeignReportTargetTests {
    static let notes = "{\"name\": \"my-package\"}\n"

    @Test("coverage merge --json, run --coverage-json and --junit, report --html, explore --out onto someone's file: exit 2, the file kept")
    func foreignFilesRefused() throws {
        let dir = try TemporaryDirectory("tourpass-foreign-target")
        defer { dir.remove() }
        try dir.write("s/a.scn", ScenarioFixtures.passing)
        let shard = try Tourpass.run(["run", "--coverage-json", "b.json", "s"], directory: dir.path)
        #expect(shard.status == 0, "\(shard.err)")
        try dir.write("a.json", Self.notes)
        let merge = try Tourpass.run(["coverage", "merge", "--json", "a.json", "b.json"], directory: dir.path)
        #expect(merge.status == 2 && merge.out.isEmpty, "\(merge.out)")
        #expect(merge.err == "error: --json a.json exists and is not a coverage report (`--coverage-json`): it is never replaced; "
                + "give the output its own file, such as --json coverage.json, or remove the file first\n", "\(merge.err)")
        for (arguments, said) in [(["run", "--coverage-json", "a.json", "s"], "error: --coverage-json a.json exists and is not a coverage report"),
                                  (["run", "--junit", "a.json", "s"], "error: --junit a.json exists and is not a JUnit report of tourpass"),
                                  (["report", "--html", "a.json", "s"], "error: --html a.json exists and is not a TourPass Lab HTML report"),
                                  (["explore", "--reach", "pay.domestic_qr", "--out", "s/a.scn"], "error: --out s/a.scn exists and is not a scenario `tourpass explore` wrote")] {
            let result = try Tourpass.run(arguments, directory: dir.path)
            #expect(result.status == 2 && result.err.hasPrefix(said), "\(arguments): \(result.status) \(result.err)")
            #expect(result.out.isEmpty, "\(arguments): nothing ran: \(result.out)")
        }
        #expect(dir.read("a.json") == Self.notes && dir.read("s/a.scn") == ScenarioFixtures.passing)
    }

    @Test("a report of an earlier run, an empty file and a new name are written, twice over")
    func ownReportsReplaced() throws {
        let dir = try TemporaryDirectory("tourpass-own-target")
        defer { dir.remove() }
        try dir.write("s/a.scn", ScenarioFixtures.passing)
        try dir.write("empty.json", "")
        for arguments in [["run", "--coverage-json", "b.json", "s"], ["coverage", "merge", "b.json", "--json", "m.json"],
                          ["coverage", "merge", "b.json", "--json", "empty.json"], ["run", "--junit", "r.xml", "s"],
                          ["report", "--html", "r.html", "s"], ["explore", "--reach", "pay.domestic_qr", "--out", "found.scn"]] {
            for round in 1...2 {
                let result = try Tourpass.run(arguments, directory: dir.path)
                #expect(result.status == 0, "\(arguments) round \(round): \(result.err)")
            }
        }
        #expect(dir.read("empty.json")?.hasPrefix("{\n  \"rules\": ") == true)
    }
}
