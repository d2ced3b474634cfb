import Foundation
import Testing

/// A line the lexer refuses for its length is not kept in the history (tester's item 8).
@Suite("history and long lines")
struct HistoryLengthPtyTests {
    @Test("a line over 4,096 bytes is refused and left out of the history; the lines around it stay")
    func longLineLeftOut() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter("user erin", prompt: "erin 2026-01-01 00:00> ")
        let long = "now " + String(repeating: "x", count: 4_200)
        _ = try term.enter(long, prompt: "erin 2026-01-01 00:00> ", timeout: 30)
        try term.enter("balance", prompt: "erin 2026-01-01 00:00> ")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        let history = dir.read("state/tourpass/history") ?? ""
        #expect(history == "user erin\nbalance\n", "\(history.prefix(200))")
    }
}
