import Foundation
import Testing
@testable import WalletScript

/// `:load` of a file over the line limit runs the lines before it and says why it stopped;
/// the message names no includes that are not there (tester's item 5).
@Suite struct LoadLineLimitTests {
    static func huge() -> String {
        "user bob\n" + String(repeating: "# filler\n", count: IncludePath.maxIncludedLines + 4) + "user carol\n"
    }

    @Test func loadKeepsWhatCameBeforeTheLimit() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("huge.scn", Self.huge())
        var console = Console(inputName: "<repl>")
        let response = console.handle(":load \(file)")
        let text = (response.lines.map(\.text) + response.errors).joined(separator: "\n")
        #expect(text.contains("bob signed up"), "\(text.prefix(400))")
        #expect(!text.contains("carol"), "\(text.prefix(400))")
        #expect(text.contains("stopped at line 100,001 of \(file): :load reads at most 100,000 lines"), "\(text.suffix(400))")
        #expect(!text.contains("includes ran"))
        #expect(console.session.world.users.count == 1)
    }

    @Test func readWholeElsewhereItIsAnErrorThatSaysWhy() {
        guard case .failure(let problems) = Scenario.parse(Self.huge(), path: "huge.scn") else {
            Issue.record("a file over the limit parsed")
            return
        }
        #expect(problems.list.map(\.rendered) == ["huge.scn:100001:1: error: the file has more than 100,000 lines, the most a file read whole holds (`tourpass run` streams any length)"])
    }
}
