import Foundation
import Testing

/// The trim on leaving keeps each history entry once, at its last place; entries are the
/// same only when their bytes are (names compare code point by code point: RULES v2.1).
@Suite("the history trim compares bytes")
struct HistoryBytesPtyTests {
    @Test("lines that differ only in Unicode normalisation both stay after Ctrl-D")
    func normalisation() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        // Two merchants: `é` precomposed (U+00E9) and `e` + U+0301. The prompt stays the same.
        let composed = "merchant \"caf\u{E9}\"", decomposed = "merchant \"cafe\u{301}\""
        let wanted = [composed, "now", decomposed].map { Array($0.utf8) }
        try term.enter(composed, prompt: ReplPtyTests.start)
        try term.enter("now", prompt: ReplPtyTests.start)
        try term.enter(decomposed, prompt: ReplPtyTests.start)
        func history() -> [[UInt8]] {
            let bytes = FileManager.default.contents(atPath: dir.file("state/tourpass/history")).map { Array($0) } ?? []
            return bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
        }
        #expect(history() == wanted, "while running")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        // By bytes: `[String] ==` would call the two merchant lines equal.
        #expect(history() == wanted, "after leaving: \(history().map { String(decoding: $0, as: UTF8.self).unicodeScalars.map { String($0.value, radix: 16) } })")
        // The same line typed again still moves to its last place, once.
        let again = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { again.close() }
        try again.waitForPrompt(ReplPtyTests.start, after: -1)
        try again.enter(composed, prompt: ReplPtyTests.start)
        try again.type("\u{04}")
        #expect(try again.waitForExit() == 0)
        #expect(history() == ["now", decomposed, composed].map { Array($0.utf8) })
    }
}
