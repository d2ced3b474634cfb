import Foundation
import Testing
import WalletScript

/// Examples tables: parsing, row names, placeholders, and the problems that are parse errors.
@Suite struct ExamplesTableTests {
    static let bounds = """
        # tags: topup
        examples:
          amount  | code
          99.99   | topup.below_minimum
          2000.01 | topup.above_maximum

        user alice
        verify
        card visa
        topup <amount>
        expect error <code>

        """

    func tests(_ dir: TempDir, _ name: String, _ text: String) throws -> [TestName] {
        let path = try dir.write(name, text)
        return WalletScript.Suite.plan(paths: [dir.path], selection: Selection()).tests.filter { $0.path == path }
    }

    @Test func eachRowIsATestNamedByItsFirstColumn() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let names = try tests(dir, "bounds.scn", Self.bounds)
        #expect(names.map(\.description) == ["bounds.scn[amount=99.99]", "bounds.scn[amount=2000.01]"])
        #expect(names.map(\.exampleRow) == [1, 2])
        let suite = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions())
        #expect(suite.results.map(\.passed) == [true, true])
        #expect(suite.exitCode == 0)
    }

    @Test func rowsSharingTheirFirstValueGetTheirRowNumber() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = "examples:\n  amount | card\n  100 | visa\n  100 | jcb\n  200 | visa\n\nuser a\nverify\ncard <card>\ntopup <amount>\nexpect balance <amount>\n"
        let names = try tests(dir, "t.scn", text)
        #expect(names.map(\.description) == ["t.scn[amount=100#1]", "t.scn[amount=100#2]", "t.scn[amount=200]"])
        let picked = WalletScript.Suite.plan(paths: [dir.path], selection: Selection(filters: ["amount=100#2"])).tests
        #expect(picked.map(\.exampleRow) == [2])
    }

    @Test func placeholdersAreReplacedInsideQuotesButNotInComments() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // `<nobody>` in the trailing comment is no placeholder: no error.
        let text = "examples:\n  | who | nat |\n  | Mary Ann | JP |\n\nuser \"<who>\" nationality:<nat>  # <nobody>\nverify\nexpect verified yes\nstatus\n"
        let name = try #require(try tests(dir, "q.scn", text).first)
        #expect(name.description == "q.scn[who=Mary Ann]")
        let result = ScenarioRunner.run(text: text, name: name, options: RunOptions(collectActual: true)).result
        #expect(result.passed, "\(describe(result))")
        #expect(result.actual.first?.first == "Mary Ann signed up with 44-7700900001 (international version)")
        #expect(result.actual.joined().joined(separator: "\n").contains("JP"))
    }

    @Test(arguments: [
        ("examples:\n  a | b\n  1 | 2 | 3\n\nnow\n", 3, 11, "this row has 3 cells, the table has 2 columns (a, b)"),
        ("examples:\n  a | b\n  1 |   \n\nnow\n", 3, 6, "empty cell in column 'b'"),
        ("examples:\n  a | a\n  1 | 2\n\nnow\n", 2, 7, "column 'a' is named twice"),
        ("examples:\n  1a\n  1\n\nnow\n", 2, 3, "a column name is a letter or '_', then letters, digits or '_': 1a"),
        ("examples:\n  a\n  1\n\ntopup <b>\n", 5, 7, "unknown placeholder <b> (the examples table has <a>)"),
        ("examples:\n  a\n  1\n\nnow\n| 2026\n", 6, 1, "a file with an examples table holds assertions, not recorded output (remove the `|` lines)"),
        ("examples:\n  a\n\nnow\n", 1, 1, "the examples table has column names but no rows"),
        ("now\nexamples:\n  a\n  1\n", 2, 1, "the examples table comes before the first command"),
        ("examples: a | b\n", 1, 11, "`examples:` stands alone on its line; the rows go under it, indented"),
    ])
    func problemsAreParseErrorsWithTheirColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("bad.scn", text)
        let suite = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions())
        #expect(suite.exitCode == 2)
        let diagnostics = suite.results.flatMap(\.diagnostics)
        #expect(diagnostics.first.map { "\($0.line):\($0.column): \($0.message)" } == "\(line):\(column): \(message)",
                "\(diagnostics.map(\.rendered))")
    }

    @Test func updateLeavesAnExamplesFileUntouchedAndSaysSo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("bounds.scn", Self.bounds)
        let suite = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions(update: true))
        #expect(try dir.read("bounds.scn") == Self.bounds)
        #expect(suite.updatedFiles.isEmpty)
        #expect(suite.untouchedFiles == [path])
        #expect(Reporter.text(suite, style: Style(colour: false)).contains(
            "left as it is: \(path) has an examples table (it holds assertions, not recorded output)"))
    }

    @Test func aFailingRowNamesItselfAndItsRow() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("t.scn", "examples:\n  amount | left\n  100 | 100\n  200 | 1\n\nuser a\nverify\ncard visa\ntopup <amount>\nexpect balance <left>\n")
        let suite = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions())
        #expect(suite.results.map(\.passed) == [true, false])
        let report = Reporter.text(suite, style: Style(colour: false))
        #expect(report.contains("FAIL \(dir.path)/t.scn[amount=200]"))
        #expect(report.contains("\(dir.path)/t.scn:10:1: expect balance 1"))
        #expect(report.contains("  examples row amount=200"))
        #expect(report.contains("  the balance is CNY 200.00, expected CNY 1.00"))
        let junit = Reporter.junit(suite)
        #expect(junit.contains("name=\"t.scn[amount=200]\""))
        #expect(junit.contains("name=\"t.scn[amount=100]\" time="))
    }

    @Test func allRowsOfAFileLandInOneShard() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("t.scn", "examples:\n  n\n  1\n  2\n  3\n  4\n\nnow\n")
        let shards = (0..<3).map { index in
            WalletScript.Suite.plan(paths: [dir.path], selection: Selection(shard: Shard(index: index, count: 3))).tests.count
        }
        #expect(shards.sorted() == [0, 0, 4])
    }

    @Test func loadRefusesAnExamplesFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("t.scn", Self.bounds)
        var console = Console()
        let response = console.handle(":load \(path)")
        #expect(response.errors.contains { $0.contains("this file has an examples table: `tourpass run` runs it once per row") })
    }
}
