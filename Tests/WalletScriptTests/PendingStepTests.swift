import Foundation
import Testing
import WalletScript

/// The scenario stream keeps the last step (its outcome, recorded output, file) in fields of
/// its own until the next step settles it: nothing of one step may leak into the next.
@Suite struct PendingStepTests {
    static let setup = ["user alice", "verify", "card visa", "topup 500"]

    func failures(_ lines: [String]) -> [Failure] {
        let text = lines.joined(separator: "\n") + "\n"
        return ScenarioRunner.run(text: text, path: "pending.scn").0.failures
    }

    /// `why` and other `expect` lines wait with the failed step; `expect error` excuses it.
    @Test func whyAndExpectLinesWaitForTheExcuse() {
        #expect(failures(Self.setup + ["pay 20 qr:domestic", "why", "expect balance 500", "expect error pay.domestic_qr", "balance"]).isEmpty)
        let unexcused = failures(Self.setup + ["pay 20 qr:domestic", "why", "expect balance 500", "balance"])
        #expect(unexcused.map(\.line) == [5])
        #expect(unexcused.first?.source == "pay 20 qr:domestic")
        #expect(unexcused.first?.details.first?.hasPrefix("failed with pay.domestic_qr:") == true)
    }

    /// A failed assertion is its own line's failure, with that line's source.
    @Test func aFailedAssertionNamesItsLine() {
        let got = failures(Self.setup + ["expect balance 400", "balance"])
        #expect(got.map(\.line) == [5])
        #expect(got.first?.source == "expect balance 400")
        #expect(got.first?.details == ["the balance is CNY 500.00, expected CNY 400.00"])
    }

    /// Recorded output belongs to the step above it only: the next step, without any,
    /// is neither compared nor excused by it.
    @Test func recordedOutputDoesNotCarryToTheNextStep() {
        let shown = "| error pay.domestic_qr: The other party's money-receiving code is the domestic money-receiving code, which can only be used within the country."
        // The first failure is excused by its recording; the second, unrecorded, is not.
        let got = failures(Self.setup + ["pay 20 qr:domestic", shown, "pay 30 qr:domestic", "balance"])
        #expect(got.map(\.line) == [7])
        #expect(got.first?.source == "pay 30 qr:domestic")
        // A wrong recording under one step is that step's diff; the step after it passes.
        let wrong = failures(Self.setup + ["balance", "| TourPass CNY 1.00", "balance"])
        #expect(wrong.map(\.line) == [5])
        #expect(wrong.first?.details.contains("-TourPass CNY 1.00") == true)
    }

    /// The failure names the line that failed, not a later one whose bytes reused the buffer.
    @Test func theFailedLineKeepsItsOwnText() {
        let got = failures(Self.setup + ["pay 20 qr:domestic", "expect balance 500", "pay 1000 qr:cross", "expect error pay.insufficient_balance", "balance"])
        #expect(got.map(\.line) == [5])
        #expect(got.map(\.source) == ["pay 20 qr:domestic"])
    }

    /// A step from an included file names that file; the test's own step after it does not.
    @Test func anIncludedStepsFileDoesNotStickToTheNext() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.setup.joined(separator: "\n") + "\nbalance\n")
        try dir.write("a.scn", "include _setup.scn\npay 20 qr:domestic\nbalance\n")
        let suite = WalletScript.Suite.run(paths: [dir.file("a.scn")], options: SuiteOptions())
        let failure = try #require(suite.results.first?.failures.first)
        #expect(suite.results.first?.failures.count == 1)
        #expect(failure.line == 2)
        #expect(failure.file == nil)
        #expect(failure.includedFrom.isEmpty)
        #expect(failure.source == "pay 20 qr:domestic")
    }

    /// At the end of the input the last step is settled: unexcused, it fails.
    @Test func theLastStepIsSettledAtTheEnd() {
        #expect(failures(Self.setup + ["pay 20 qr:domestic"]).map(\.line) == [5])
        #expect(failures(Self.setup + ["pay 20 qr:domestic", "| error pay.domestic_qr: The other party's money-receiving code is the domestic money-receiving code, which can only be used within the country."]).isEmpty)
    }
}
