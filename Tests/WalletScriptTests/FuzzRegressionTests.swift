import Foundation
import Testing
@testable import WalletScript

/// The fuzzer's checks (FuzzOracle, run by `scripts/fuzz`) as ordinary tests: every input
/// the fuzzer found a fault with stays here, and every scenario file passes them too.
@Suite struct FuzzRegressionTests {
    /// Inputs that once broke a check or trapped, oldest first, with what they broke.
    static let found: [(input: String, what: String)] = [
        ("# tags: exeplaced inside quotes and on include lines: each row names its user,\nuser alice\n",
         "a note typed as `# tags: …` before any command made :save write a file that does not parse"),
    ]

    @Test(arguments: found.indices)
    func aFoundInputHoldsNow(_ index: Int) {
        let problems = FuzzOracle.problems(in: Self.found[index].input)
        #expect(problems.isEmpty, "\(Self.found[index].what): \(problems)")
    }

    @Test(arguments: ScenarioFiles.all)
    func aScenarioFileHoldsTheFuzzerChecks(_ file: String) throws {
        let text = try String(contentsOfFile: Repo.path(file), encoding: .utf8)
        #expect(FuzzOracle.problems(in: text) == [])
    }

    /// The oracle does notice: a broken update round trip or a stray diagnostic is reported.
    @Test func theOracleReportsWhatItChecks() {
        var problems: [String] = []
        FuzzOracle.check(Diagnostic(column: 9, message: "x"), columns: 3, "abc", into: &problems)
        FuzzOracle.check(Diagnostic(column: 1, message: ""), columns: 3, "abc", into: &problems)
        #expect(problems.count == 2)
        #expect(FuzzOracle.problems(in: "user alice\nverify\ncard visa\ntopup 500\n| wrong\nexpect balance 1\n") == [])
    }
}
