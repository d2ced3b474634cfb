import Foundation
import Testing

/// `tourpass run --update`: recorded output rewritten, every other byte kept.
@Suite("tourpass run --update")
struct RunUpdateTests {
    static let before = """
        # header comment
        user carol   # trailing comment
        | stale output

          verify
        expect verified yes

        card visa
        | linked visa ••9999

        """

    static let after = """
        # header comment
        user carol   # trailing comment
        | carol signed up with 44-7700900001 (international version)
        | SMS code 6844 sent to 44-7700900001 and entered

          verify
        | carol verified: passport P0000001 (GB, expires 2036-01-01), name CAROL
        expect verified yes

        card visa
        | linked visa ••1111 (CAROL, expires 01/31)
        | payment password set

        """

    @Test("rewrites the recorded output and keeps commands, comments and blank lines")
    func update() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("upd.scn", Self.before)
        try dir.write("ok.scn", ScenarioFixtures.passing)

        let stale = try Tourpass.run(["run", "."], directory: dir.path)
        #expect(stale.status == 1)

        let updated = try Tourpass.run(["run", "--update", "."], directory: dir.path)
        #expect(updated.status == 0, "\(updated.out)")
        #expect(updated.out.contains("updated ./upd.scn\n"))
        #expect(!updated.out.contains("updated ./ok.scn"))
        let text = try #require(dir.read("upd.scn"))
        #expect(text == Self.after)
        let kept = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("|") } }
        #expect(kept(text) == kept(Self.before))
        #expect(dir.read("ok.scn") == ScenarioFixtures.passing)
        // No temporary file is left beside the scenarios.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["ok.scn", "upd.scn"])

        let again = try Tourpass.run(["run", "--update", "."], directory: dir.path)
        #expect(again.status == 0)
        #expect(!again.out.contains("updated"))
        #expect(dir.read("upd.scn") == Self.after)
        let plain = try Tourpass.run(["run", "."], directory: dir.path)
        #expect(plain.status == 0)
    }
}
