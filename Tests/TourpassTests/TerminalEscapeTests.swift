import Foundation
import Testing

/// Nothing typed or named on disk can drive the terminal: control characters inside quotes
/// are refused with file:line:column, and paths are shown escaped.
@Suite("terminal escapes")
struct TerminalEscapeTests {
    @Test("ESC, BEL, CR, DEL, C1 and bidi overrides inside quotes are refused where they are", arguments: [
        ("verify name:\"A\u{1B}[2JB\"", 15, "U+001B"),
        ("verify name:\"EVIL\rGOOD\"", 18, "U+000D"),
        ("merchant \"shop\u{07}\"", 15, "U+0007"),
        ("help \"pay\u{7F}\"", 10, "U+007F"),
        ("user \"a\u{9B}b\"", 8, "U+009B"),
        ("user \"abc\u{202E}fed\"", 10, "U+202E"),
        ("user abc\u{2066}x", 9, "U+2066"),
        ("policy \"topup.fee\u{1B}]0;x\u{07}\" 3%", 18, "U+001B"),
    ])
    func refusedInsideQuotes(line: String, column: Int, named: String) throws {
        let result = try Tourpass.piped("user alice\n\(line)\n")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("<stdin>:2:\(column): error: unexpected control character"), "\(result.err)")
        #expect(result.err.contains(named), "\(result.err)")
        let everything = result.out + result.err
        for raw in ["\u{1B}", "\u{07}", "\r", "\u{9B}", "\u{202E}", "\u{2066}", "\u{7F}"] {
            #expect(!everything.contains(raw), "raw control character printed: \(everything.debugDescription)")
        }
    }

    @Test("a file name with a newline and ESC cannot forge report lines; JUnit names it the same")
    func forgedFileName() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let name = "x\nPASS fake.scn\n9 passed, 0 failed\n\u{1B}[2J.scn"
        try dir.write(name, "user alice\nexpect verified yes\n")
        let report = dir.file("report.xml")
        let result = try Tourpass.run(["run", "--junit", report, dir.path])
        #expect(result.status == 1)
        #expect(!result.out.contains("\u{1B}"))
        let lines = result.outLines
        #expect(!lines.contains("PASS fake.scn") && !lines.contains("9 passed, 0 failed"), "\(result.out)")
        let shown = "x\\u{A}PASS fake.scn\\u{A}9 passed, 0 failed\\u{A}\\u{1B}[2J.scn"
        #expect(lines.contains("FAIL \(dir.path)/\(shown)"), "\(result.out)")
        let xml = try #require(dir.read("report.xml"))
        #expect(xml.contains("name=\"\(shown)\""), "\(xml)")
        #expect(!xml.contains("\u{1B}"))
    }
}
