import Foundation
import Testing

/// The prompt shows a name as typed, combining marks and all; the caret under an error
/// stands under the word after wide characters, in the REPL and in `run`.
@Suite("the prompt's marks and the caret's column on a terminal")
struct PromptAndCaretPtyTests {
    /// Whether the terminal was sent `text`'s bytes in one piece.
    static func sent(_ term: PseudoTerminal, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        let raw = term.raw
        guard raw.count >= needle.count else { return false }
        return (0...(raw.count - needle.count)).contains { raw[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test("combining marks in a name reach the prompt as typed", arguments: ["Jose\u{301}", "e\u{301}\u{301}\u{301}x", "Zoë"])
    func marks(name: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        let prompt = "\(name) 2026-01-01 00:00> "
        try term.type("user \"\(name)\"\r")
        try term.waitUntil("the prompt \(prompt.unicodeScalars.map { String($0.value, radix: 16) })") { _ in
            Self.sent(term, prompt) && term.isReadingKeys ? true : nil
        }
        // The line editor counts the marks as no column: after Ctrl-A (start of the line) a
        // key lands right after the prompt, not a column per mark further on.
        try term.type("now")
        try term.waitForLine(prompt + "now")
        try term.type("\u{01}x")
        try term.waitUntil("x at the start of the line") { screen in
            screen.cursorLine == prompt + "xnow" && screen.cursorColumn == prompt.count + 1 ? true : nil
        }
        try term.type("\u{7F}\r")
        try term.waitFor("(China Standard Time)")
        // The next prompt, with the line editor reading keys (Ctrl-D before that is the tty's).
        try term.waitUntil("the prompt again, in raw mode") { _ in
            term.raw.count >= Array(prompt.utf8).count && term.raw.suffix(Array(prompt.utf8).count).elementsEqual(Array(prompt.utf8))
                && term.isReadingKeys ? true : nil
        }
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
    }

    @Test("the caret stands under the word after wide characters, in the REPL")
    func caretInTheREPL() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        let shown = try term.enter("merchant \"面馆🍜\" qr:foo", prompt: ReplPtyTests.start)
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let echo = try #require(lines.firstIndex { $0.hasPrefix("    merchant") }, "\(term.screenDump)")
        try #require(echo + 1 < lines.count)
        let caret = lines[echo + 1]
        // Columns before `foo` on the terminal: "merchant \"" 10, 面馆🍜 6, "\" qr:" 5.
        #expect(caret == String(repeating: " ", count: 4 + 21) + "^", "\(term.screenDump)")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
    }

    @Test("the caret stands under the word in `run` output; file:line:col counts characters")
    func caretInRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("w.scn", "merchant \"面馆🍜\" qr:foo\n")
        let result = try Tourpass.run(["run", "w.scn"], directory: dir.path)
        #expect(result.status == 2)
        #expect(result.out.contains("w.scn:1:19: error:"), "\(result.out)")
        #expect(result.out.contains("    merchant \"面馆🍜\" qr:foo\n" + String(repeating: " ", count: 4 + 21) + "^\n"), "\(result.out)")
    }
}
