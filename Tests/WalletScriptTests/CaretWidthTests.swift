import Testing
import WalletCore
@testable import WalletScript

/// The caret under an error counts the terminal columns of the text before it (wide
/// characters two, a tab shown as `\u{9}` five); the column in `file:line:col` counts
/// characters and stays as it is.
@Suite struct CaretWidthTests {
    /// The caret line's indent past the four leading spaces.
    static func indent(_ caret: String) -> Int? {
        guard let line = caret.split(separator: "\n").last, line.hasSuffix("^") else { return nil }
        return line.dropLast().count - 4
    }

    @Test("wide characters before the error: the caret stands under the word, the column is unchanged")
    func wideCharacters() throws {
        let line = "merchant \"面馆🍜\" qr:foo"
        guard case .failure(let problem) = CommandTable.parse(line) else { Issue.record("\(line) parsed"); return }
        let fooCharacters = try #require(line.range(of: "foo")).lowerBound
        let before = String(line[..<fooCharacters])
        // The column names the place in characters, as before.
        #expect(problem.column == before.count + 1, "\(problem)")
        let caret = problem.caret(under: line)
        // Three wide characters: three columns more than characters.
        #expect(Self.indent(caret) == before.count + 3, "\(caret)")
        #expect(Self.indent(caret) == DisplayWidth.of(before))
    }

    @Test("a tab is echoed as \\u{9}: the caret counts its five columns")
    func tab() throws {
        let line = "merchant\tcafe qr:foo"
        guard case .failure(let problem) = CommandTable.parse(line) else { Issue.record("\(line) parsed"); return }
        #expect(problem.column == 18, "\(problem)")
        let caret = problem.caret(under: line)
        #expect(caret.hasPrefix("    merchant\\u{9}cafe qr:foo\n"), "\(caret)")
        #expect(Self.indent(caret) == "merchant\\u{9}cafe qr:".count, "\(caret)")
    }

    @Test("combining marks take no column; plain ASCII is as before")
    func combiningAndASCII() {
        let combining = Diagnostic(column: 8, message: "x").caret(under: "user e\u{301}\u{301} x")
        #expect(Self.indent(combining) == 7, "\(combining)")
        let ascii = Diagnostic(column: 7, message: "x").caret(under: "topup abc")
        #expect(ascii == "    topup abc\n          ^")
        // Past the end of the line (a missing word): after the last character.
        let end = Diagnostic(column: 6, message: "x").caret(under: "面馆")
        #expect(Self.indent(end) == 4, "\(end)")
    }
}
