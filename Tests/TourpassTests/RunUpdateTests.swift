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

    @Test("--update and -i leave a file that does not parse untouched and say so, one line a file (examples tables: recorded output, an unknown <name>, a short row)")
    func unparsedFilesSaidUntouched() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let files = [
            "recorded.scn": "examples:\n  amount | code\n  99.99  | topup.below_minimum\n  1 | topup.below_minimum\n\nuser alice\nverify\ncard visa\ntopup <amount>\n| recorded\nexpect error <code>\n",
            "unknown.scn": "examples:\n  amount\n  100\n  200\n\nuser alice\ntopup <amount>\nexpect balance <left>\n",
            "short.scn": "examples:\n  amount | code\n  99.99\n\nuser alice\ntopup <amount>\n",
            "plain.scn": "user bob\n| stale\nfrob\n",
        ]
        for (name, text) in files { try dir.write(name, text) }
        try dir.write("ok.scn", RunUpdateTests.before)
        for flags in [["--update"], ["-i"]] {
            let result = try Tourpass.run(["run"] + flags + ["."], stdin: "", directory: dir.path)
            #expect(result.status == 2, "\(flags)")
            for name in files.keys.sorted() {
                let said = result.outLines.filter { $0 == "left as it is: ./\(name) did not parse, so no output in it was rewritten" }
                #expect(said.count == 1, "\(flags) \(name): \(result.out)")
                #expect(dir.read(name) == files[name], "\(flags) \(name)")
            }
            #expect(result.out.contains(" did not parse\n"), "\(result.out)")
            #expect(!result.out.contains("left as it is: ./ok.scn"), "\(result.out)")
        }
        #expect(dir.read("ok.scn") == RunUpdateTests.after, "the file that parses is still updated")
    }
}
