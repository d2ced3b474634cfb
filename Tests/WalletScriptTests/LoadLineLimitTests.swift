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

    @Test("Ctrl-C during a :load cut at the limit says only how far it got, not that it stopped at the limit")
    func interruptedBeforeTheLimitSaysOnlyThat() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("huge.scn", "user bob\n" + String(repeating: "advance 1m\n", count: IncludePath.maxIncludedLines + 4))
        var console = Console(inputName: "<repl>")
        let presses = LoadInterruptTests.Presses(after: 3)
        console.searchHooks = SearchHooks(shouldStop: presses.shouldStop)
        let lines = console.handle(":load \(file)").lines.map(\.text)
        #expect(lines.last?.hasPrefix("stopped by Ctrl-C: loaded 3 of 100,000 lines from \(file)") == true, "\(lines.suffix(2))")
        #expect(!lines.contains { $0.hasPrefix("stopped at line") }, "\(lines.suffix(2))")
    }

    @Test func readWholeElsewhereItIsAnErrorThatSaysWhy() {
        guard case .failure(let problems) = Scenario.parse(Self.huge(), path: "huge.scn") else {
            Issue.record("a file over the limit parsed")
            return
        }
        #expect(problems.list.map(\.rendered) == ["huge.scn:100001:1: error: the file has more than 100,000 lines, the most a file read whole holds (`tourpass run` streams any length)"])
    }

    @Test("a typed include of one file over the limit says the file is too long, not a loop; the total over includes says includes; :load counts with a separator")
    func includeMessagesMatchTheCause() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let huge = try dir.write("huge.scn", Self.huge())
        var console = Console(inputName: "<stdin>")
        let typed = console.handle("include \(huge)")
        #expect(typed.errors == ["\(huge):100001:1: error: the file has more than 100,000 lines, the most a file read whole holds (`tourpass run` streams any length) (included from <stdin>:1)"], "\(typed.errors)")
        // Two includes of 60,000 lines each: neither file is too long, their sum is (the two
        // include lines count, so the 100,001st line is the second copy's 39,999th).
        let half = try dir.write("half.scn", String(repeating: "# filler\n", count: 60_000))
        let twice = try dir.write("twice.scn", "include half.scn\ninclude half.scn\n")
        let total = console.handle("include \(twice)")
        #expect(total.errors == ["\(half):39999:1: error: includes ran more than 100,000 lines in all, the most read whole at once (this file alone is shorter; an include repeated in a loop ends here) (included from \(twice):2, <stdin>:2)"], "\(total.errors)")
        let counted = try dir.write("counted.scn", String(repeating: "now\n", count: 1_000))
        let loaded = console.handle(":load \(counted)")
        #expect(loaded.lines.last?.text == "loaded 1,000 lines from \(counted)", "\(loaded.lines.last?.text ?? "")")
    }
}
