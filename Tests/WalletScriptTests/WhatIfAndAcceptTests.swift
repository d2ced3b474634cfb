import Foundation
import Testing
import WalletCore
import WalletScript

/// `--policy` what-if runs and `-i` interactive accept, below the terminal.
@Suite struct WhatIfAndAcceptTests {
    static let recorded = """
        user alice
        | alice signed up with 44-7700900001 (international version)
        | SMS code 6844 sent to 44-7700900001 and entered
        verify
        | alice verified: passport P0000001 (GB, expires 2036-01-01), name ALICE
        card visa
        | linked visa ••1111 (ALICE, expires 01/31)
        | payment password set
        topup 500
        | topped up CNY 500.00 from visa ••1111: charged CNY 525.00 (about US$75.29) including a CNY 25.00 fee
        | TourPass opened, valid until 2026-04-01 00:00
        | TourPass balance CNY 500.00
        expect fees 25

        """

    @Test func policyValuesApplyTogetherAndAreCheckedOnce() throws {
        // Raising the minimum above the default maximum works when the maximum rises too.
        let policy = try Policy.applying([("topup.min", "3000"), ("topup.max", "5000")]).get()
        #expect(policy.topupMin == Money(fen: 300_000) && policy.topupMax == Money(fen: 500_000))
        #expect(Policy.describeChanges(from: Policy(), to: policy) == "topup.min=3000.00, topup.max=5000.00")
    }

    @Test func everyProblemIsNamed() {
        let problems = Policy.applying([("topup.fees", "3%"), ("pass.days", "0"), ("topup.fee", "3%"), ("topup.fee", "4%")])
        #expect(problems == .failure(Policy.OverrideProblem(problems: [
            "no policy key 'topup.fees'; did you mean 'topup.fee'?",
            "pass.days: expected a number of days from 1 to 36500",
            "topup.fee is given twice (3% and 4%)",
        ])))
        let conflict = Policy.applying([("topup.min", "3000")])
        #expect(conflict == .failure(Policy.OverrideProblem(problems: [
            "topup.min 3000.00 would be above topup.max 2000.00: no top-up amount would be valid",
        ])))
    }

    @Test func aWhatIfRunShowsWhichRecordedOutcomesChange() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("a.scn", Self.recorded)
        var options = SuiteOptions()
        options.policy = try Policy.applying([("topup.fee", "3%")]).get()
        let suite = WalletScript.Suite.run(paths: [dir.path], options: options)
        #expect(suite.exitCode == 1)
        let failures = try #require(suite.results.first?.failures)
        #expect(failures.map(\.line) == [9, 13])
        #expect(failures[0].details.prefix(2) == ["--- recorded", "+++ with topup.fee=3%"])
        #expect(failures[0].details.contains("+topped up CNY 500.00 from visa ••1111: charged CNY 515.00 (about US$73.85) including a CNY 15.00 fee"))
        #expect(failures[1].details == ["fees paid is CNY 15.00, expected CNY 25.00"])
        // The default policy passes the same file.
        #expect(WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions()).exitCode == 0)
    }

    @Test func acceptWritesOnlyTheHunksAccepted() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let stale = Self.recorded
            .replacingOccurrences(of: "name ALICE", with: "name BOB")
            .replacingOccurrences(of: "CNY 525.00", with: "CNY 999.00")
        try dir.write("a.scn", stale)
        var options = SuiteOptions()
        options.interactive = true
        let suite = WalletScript.Suite.run(paths: [dir.path], options: options)
        #expect(try dir.read("a.scn") == stale, "-i writes nothing before asking")
        #expect(suite.rewrites.first?.rewrite.edits.map(\.line) == [4, 9])
        var shown: [String] = []
        var answers = ["maybe", "n", "y"]
        let after = Accept.run(suite, options: RunOptions(), force: false, style: Style(colour: false),
                               show: { shown += $0 }, ask: { _ in answers.isEmpty ? nil : answers.removeFirst() })
        #expect(try dir.read("a.scn") == Self.recorded.replacingOccurrences(of: "name ALICE", with: "name BOB"))
        #expect(shown.contains("-| topped up CNY 500.00 from visa ••1111: charged CNY 999.00 (about US$75.29) including a CNY 25.00 fee"))
        #expect(shown.contains("@@ -10,3 +10,3 @@"))
        #expect(shown.contains("answer y (accept), n (skip), a (accept this and all the rest) or q (quit)"))
        #expect(shown.last == "accepted 1 change, skipped 1")
        #expect(after.updatedFiles == [dir.file("a.scn")])
        #expect(after.results.first?.failures.map(\.line) == [4], "the file ran again after the write")
    }

    @Test func acceptAllAndQuit() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let stale = Self.recorded.replacingOccurrences(of: "| ", with: "| old ")
        try dir.write("a.scn", stale)
        try dir.write("b.scn", stale)
        var options = SuiteOptions()
        options.interactive = true
        let quit = Accept.run(WalletScript.Suite.run(paths: [dir.path], options: options), options: RunOptions(), force: false,
                              style: Style(colour: false), show: { _ in }, ask: { _ in "q" })
        #expect(quit.updatedFiles.isEmpty)
        #expect(try dir.read("a.scn") == stale)
        let all = Accept.run(WalletScript.Suite.run(paths: [dir.path], options: options), options: RunOptions(), force: false,
                             style: Style(colour: false), show: { _ in }, ask: { _ in "a" })
        #expect(all.updatedFiles == [dir.file("a.scn"), dir.file("b.scn")])
        #expect(try dir.read("a.scn") == Self.recorded && dir.read("b.scn") == Self.recorded)
        #expect(all.exitCode == 0)
    }

    @Test func answers() {
        #expect(["y", "YES", " n ", "", "a", "all", "q", "Quit", "x"].map(Accept.Answer.init) == [.accept, .accept, .skip, .skip, .all, .all, .quit, .quit, nil])
    }
}
