import Foundation
import Testing

/// A line that is not UTF-8: diagnostics quote its bad bytes as `\xFF`, as file names that
/// are not UTF-8 are shown, never as U+FFFD; the caret stays under the place named.
@Suite("bad bytes in diagnostics")
struct InvalidBytesDiagnosticTests {
    static func write(_ dir: TemporaryDirectory, _ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: dir.file(name)))
    }

    @Test("run, JUnit, piped input, :load, explore --from and report --html show verify\\xFF; a caret after a bad byte stays under its word")
    func shownAsEscapes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Line 2: an unknown command with a bad byte. Line 3: the problem is after a bad
        // sequence of two bytes (a cut three-byte character), so the column counts `\xE2\x82`.
        try Self.write(dir, "bad.scn", Array("user bob\n".utf8) + Array("verify".utf8) + [0xFF, 0x0A]
                       + Array("merchant \"caf".utf8) + [0xE2, 0x82] + Array("\" qr:nowhere\n".utf8))
        let run = try Tourpass.run(["run", "--junit", "j.xml", "bad.scn"], directory: dir.path)
        #expect(run.status == 2)
        #expect(!run.out.contains("\u{FFFD}"), "\(run.out)")
        let lines = run.outLines
        let unknown = try #require(lines.firstIndex(of: "bad.scn:2:1: error: unknown command 'verify\\xFF'; did you mean 'verify'?"), "\(run.out)")
        #expect(Array(lines[(unknown + 1)...(unknown + 2)]) == ["    verify\\xFF", "    ^"])
        let shown = "merchant \"caf\\xE2\\x82\" qr:nowhere"
        let qr = try #require(lines.firstIndex { $0.hasPrefix("bad.scn:3:") }, "\(run.out)")
        #expect(lines[qr + 1] == "    " + shown)
        // The caret stands under the word the column names, in the line as shown.
        let column = try #require(Int(lines[qr].split(separator: ":")[2]))
        let caret = lines[qr + 2]
        #expect(caret.count - 4 == column, "\(lines[qr]) / \(caret)")
        let rest = String(Array(shown).dropFirst(column - 1))
        #expect(rest == "nowhere" || rest == "qr:nowhere", "\(run.out)")
        let junit = dir.read("j.xml") ?? ""
        #expect(junit.contains("message=\"bad.scn:2:1: error: unknown command &apos;verify\\xFF&apos;; did you mean &apos;verify&apos;?\""), "\(junit)")
        #expect(!junit.contains("\u{FFFD}"))

        let piped = try Tourpass.runShell("printf 'user bob\\nverify\\377\\n' | \"$TOURPASS\"", directory: dir.path, timeout: 60)
        #expect(piped.status == 2)
        #expect(piped.err.contains("<stdin>:2:1: error: unknown command 'verify\\xFF'; did you mean 'verify'?"), "\(piped.err)")
        // :load, explore --from and report --html read the file's bytes too.
        let loaded = try Tourpass.piped(":load \(dir.file("bad.scn"))\n")
        #expect(loaded.err.contains("bad.scn:2:1: error: unknown command 'verify\\xFF'"), "\(loaded.err)")
        let explore = try Tourpass.run(["explore", "--reach", "topup.below_minimum", "--from", "bad.scn"], directory: dir.path)
        #expect(explore.status == 2)
        #expect(explore.err.contains("bad.scn:2:1: error: unknown command 'verify\\xFF'"), "\(explore.err)")
        let report = try Tourpass.run(["report", "--html", "r.html", "bad.scn"], directory: dir.path)
        #expect(report.status == 2, "\(report.err)")
        let html = dir.read("r.html") ?? ""
        #expect(html.contains("verify\\xFF") && !html.contains("\u{FFFD}"), "\(html.count) bytes")
        // A U+FFFD written as such stays as it is.
        let written = try Tourpass.piped("verify\u{FFFD}\n")
        #expect(written.err.contains("unknown command 'verify\u{FFFD}'"), "\(written.err)")
    }
}
