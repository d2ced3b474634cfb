import Foundation
import Testing

/// `TERM=dumb` shows escapes as text: `--color auto` treats it as NO_COLOR; `always` still colours.
@Suite struct DumbTerminalTests {
    static let red = "\u{1B}[31m"

    static func environment(_ dir: TemporaryDirectory, term: String) -> [String: String] {
        ["TERM": term, "HOME": dir.path, "XDG_STATE_HOME": dir.file("state"),
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    /// What `run` on a failing file wrote to a terminal, escapes included.
    func runOnTerminal(_ dir: TemporaryDirectory, term: String, colour: [String]) throws -> String {
        let file = try dir.write("f.scn", ScenarioFixtures.failing)
        let pty = try PseudoTerminal(arguments: ["run"] + colour + [file], environment: Self.environment(dir, term: term), columns: 120)
        defer { pty.close() }
        #expect(try pty.waitForExit() == 1, "\(pty.screenDump)")
        return String(decoding: pty.raw, as: UTF8.self)
    }

    @Test("run on a terminal: TERM=dumb gets no colour with auto, colour with --color always; xterm gets colour")
    func runColour() throws {
        let dir = try TemporaryDirectory("tourpass-dumb-run")
        defer { dir.remove() }
        let dumb = try runOnTerminal(dir, term: "dumb", colour: [])
        #expect(dumb.contains("FAIL") && !dumb.contains("\u{1B}["), "\(dumb)")
        let always = try runOnTerminal(dir, term: "dumb", colour: ["--color", "always"])
        #expect(always.contains(Self.red + "FAIL"), "\(always)")
        let xterm = try runOnTerminal(dir, term: "xterm", colour: [])
        #expect(xterm.contains(Self.red + "FAIL"), "\(xterm)")
    }

    @Test("the REPL on TERM=dumb: an error line is not coloured")
    func replColour() throws {
        let dir = try TemporaryDirectory("tourpass-dumb-repl")
        defer { dir.remove() }
        for (term, coloured) in [("dumb", false), ("xterm", true)] {
            let pty = try PseudoTerminal(environment: Self.environment(dir, term: term))
            defer { pty.close() }
            try pty.waitFor("tourpass 2026-01-01 00:00>", since: 0)
            try pty.type("topup 5\r")
            try pty.waitFor("error user.none", since: 0)
            try pty.type(":quit\r")
            _ = try pty.waitForExit()
            let raw = String(decoding: pty.raw, as: UTF8.self)
            #expect(raw.contains(Self.red + "error user.none") == coloured, "\(term): \(raw.suffix(300))")
        }
    }
}
