import Testing
import WalletCore
import WalletScript

/// Recorded output matches byte for byte (UTF-8): RULES.md compares names code point by
/// code point, and Swift's `String ==` would pass `é` recorded against `e` + U+0301 shown.
/// (`#expect(a == b)` on strings is the same canonical comparison, so these tests compare
/// with `Diff.same` or `.utf8`.)
@Suite struct ByteWiseOutputTests {
    static let precomposed = "Zo\u{E9}"
    static let decomposed = "Zoe\u{301}"
    static let note = "? from code point 3: expected U+00E9 LATIN SMALL LETTER E WITH ACUTE, actual U+0065 LATIN SMALL LETTER E, U+0301 COMBINING ACUTE ACCENT"

    /// `user "typed"` with its output recorded as if the name were `shown`.
    static func scenario(typed: String, shown: String) -> String {
        "user \"\(typed)\"\n| \(shown) signed up with 44-7700900001 (international version)\n| SMS code 6844 sent to 44-7700900001 and entered\n"
    }

    @Test func sameFormPasses() {
        for name in [Self.precomposed, Self.decomposed] {
            let (result, _) = ScenarioRunner.run(text: Self.scenario(typed: name, shown: name), path: "n.scn")
            #expect(result.passed, "\(describe(result))")
        }
    }

    @Test func lookAlikeRecordingFailsAndNamesTheCodePoints() throws {
        let (result, _) = ScenarioRunner.run(text: Self.scenario(typed: Self.decomposed, shown: Self.precomposed), path: "n.scn")
        #expect(!result.passed)
        let failure = try #require(result.failures.first)
        #expect(failure.line == 1)
        let rest = " signed up with 44-7700900001 (international version)"
        #expect(failure.details.contains { Diff.same($0, "-" + Self.precomposed + rest) })
        #expect(failure.details.contains { Diff.same($0, "+" + Self.decomposed + rest) })
        #expect(failure.details.contains(Self.note), "\(failure.details)")
        // The SMS line is the same bytes on both sides: context, no note of its own.
        #expect(failure.details.filter { $0.hasPrefix("?") }.count == 1)
    }

    @Test func theOtherWayRoundFailsToo() throws {
        let (result, _) = ScenarioRunner.run(text: Self.scenario(typed: Self.precomposed, shown: Self.decomposed), path: "n.scn")
        let failure = try #require(result.failures.first)
        #expect(failure.details.contains("? from code point 3: expected U+0065 LATIN SMALL LETTER E, U+0301 COMBINING ACUTE ACCENT, actual U+00E9 LATIN SMALL LETTER E WITH ACUTE"))
    }

    @Test func lookAlikeLettersOfAnotherScriptAreNamed() throws {
        let cyrillic = "\u{430}lice"  // CYRILLIC SMALL LETTER A, then "lice"
        let (result, _) = ScenarioRunner.run(text: Self.scenario(typed: cyrillic, shown: "alice"), path: "n.scn")
        let failure = try #require(result.failures.first)
        #expect(failure.details.contains("? from code point 1: expected U+0061 LATIN SMALL LETTER A, actual U+0430 CYRILLIC SMALL LETTER A"), "\(failure.details)")
    }

    @Test func visibleDifferencesGetNoNoteInvisibleOnesDo() {
        #expect(Diff.unified(expected: ["paid CNY 38.50"], actual: ["paid CNY 40.00"]) ==
                ["--- expected", "+++ actual", "@@ -1,1 +1,1 @@", "-paid CNY 38.50", "+paid CNY 40.00"])
        let long = Diff.unified(expected: ["charged CNY 525.00 (about US$75.29) including a CNY 25.00 fee"],
                                actual: ["charged CNY 515.00 (about US$73.85) including a CNY 15.00 fee"])
        #expect(!long.contains { $0.hasPrefix("?") }, "a long visible change that spans spaces needs no note: \(long)")
        #expect(Diff.unified(expected: ["ok"], actual: ["ok "]) ==
                ["--- expected", "+++ actual", "@@ -1,1 +1,1 @@", "-ok", "+ok ", "? from code point 3: expected nothing, actual U+0020 SPACE"])
        let diff = Diff.unified(expected: ["a", Self.precomposed, "b"], actual: ["a", Self.decomposed, "b"])
        #expect(diff.count == 8 && diff[6] == Self.note && diff[7] == " b" && diff[2] == "@@ -1,3 +1,3 @@", "\(diff)")
        #expect(Diff.same(diff[4], "-" + Self.precomposed) && Diff.same(diff[5], "+" + Self.decomposed))
    }

    @Test func comparisonsAreByteWise() {
        #expect(Self.precomposed == Self.decomposed, "Swift's String == is canonical equivalence")
        #expect(!Diff.same(Self.precomposed, Self.decomposed))
        #expect(!Diff.same([Self.precomposed], [Self.decomposed]))
        #expect(Diff.same([Self.decomposed, "x"], [Self.decomposed, "x"]))
        #expect(OutputLine(.info, Self.precomposed) != OutputLine(.info, Self.decomposed))
        #expect(OutputLine(.info, Self.decomposed) == OutputLine(.info, Self.decomposed))
    }

    /// Recorded output excuses a failed command only when it is the same bytes.
    @Test func aLookAlikeRecordingExcusesNoError() throws {
        let error = WalletError(.registerUserExists, "\(Self.decomposed) exists already")
        let actual = ["error register.user_exists: \(Self.decomposed) exists already"]
        #expect(ErrorJudge.recordingShows(error, recorded: actual, actual: actual))
        #expect(!ErrorJudge.recordingShows(error, recorded: ["error register.user_exists: \(Self.precomposed) exists already"], actual: actual))
    }

    /// `run -i` offers the look-alike line as a change, with the same note under it, and
    /// accepting it records the bytes shown.
    @Test func acceptShowsTheChangeAndNamesTheCodePoints() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("n.scn", Self.scenario(typed: Self.decomposed, shown: Self.precomposed))
        var options = SuiteOptions()
        options.interactive = true
        let suite = WalletScript.Suite.run(paths: [dir.path], options: options)
        #expect(suite.rewrites.first?.rewrite.edits.map(\.line) == [1])
        var shown: [String] = []
        let after = Accept.run(suite, options: RunOptions(), force: false, style: Style(colour: false),
                               show: { shown += $0 }, ask: { _ in "y" })
        #expect(shown.contains(Self.note), "\(shown)")
        let written = try dir.read("n.scn")
        #expect(written.utf8.elementsEqual(Self.scenario(typed: Self.decomposed, shown: Self.decomposed).utf8))
        #expect(after.exitCode == 0)
    }
}
