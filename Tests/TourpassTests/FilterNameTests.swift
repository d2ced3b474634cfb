import Foundation
import Testing

/// `--filter` and `--exclude` match the test name only: the path relative to the PATH
/// argument, never the PATH itself (LANGUAGE.md, settled cases v2.1).
@Suite struct FilterNameTests {
    @Test("the folder named on the command line is not matched by --filter or --exclude; folder tags stay")
    func pathArgumentIsNotMatched() throws {
        let dir = try TemporaryDirectory("tourpass-filter")
        defer { dir.remove() }
        try dir.write("s/reported/a.scn", ScenarioFixtures.passing)
        try dir.write("s/reported/b-reported.scn", ScenarioFixtures.passing)
        try dir.write("s/policy/fee.scn", ScenarioFixtures.passing)
        try dir.write("s/cards/masking.scn", ScenarioFixtures.passing)
        let excluded = try Tourpass.run(["run", "--exclude", "reported", "s/reported"], directory: dir.path)
        #expect(excluded.status == 0, "\(excluded.out)\(excluded.err)")
        #expect(excluded.out == "PASS s/reported/a.scn\n\n1 passed, 0 failed\n", "\(excluded.out)")
        let policy = try Tourpass.run(["run", "--list", "--filter", "policy", "s/policy"], directory: dir.path)
        #expect(policy.status == 2 && policy.out.isEmpty, "\(policy.out)")
        #expect(policy.err == "error: no scenario files found matching --filter policy\n", "\(policy.err)")
        // A pattern spelt from where `--list` prints names (the PATH, then `/`) is matched
        // from there on: a listed line selects its test (ListedNameSelectorTests).
        let glob = try Tourpass.run(["run", "--list", "--filter", "s/cards/masking.sc?", "s"], directory: dir.path)
        #expect(glob.status == 0 && glob.out == "s/cards/masking.scn\n", "\(glob.out)")
        let name = try Tourpass.run(["run", "--list", "--filter", "cards/masking.sc?", "s"], directory: dir.path)
        #expect(name.status == 0 && name.out == "s/cards/masking.scn\n", "\(name.out)\(name.err)")
        // Folders inside the PATH are tags, as before; the PATH's own folder is none.
        let tagged = try Tourpass.run(["run", "--list", "--tags", "policy", "s"], directory: dir.path)
        #expect(tagged.out == "s/policy/fee.scn\n", "\(tagged.out)")
        // A file named directly is named by its path as typed: that is its test name.
        let direct = try Tourpass.run(["run", "--list", "--filter", "cards/", "s/cards/masking.scn"], directory: dir.path)
        #expect(direct.status == 0 && direct.out == "s/cards/masking.scn\n", "\(direct.out)\(direct.err)")
    }
}
