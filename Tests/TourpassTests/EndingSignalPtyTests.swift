import Foundation
import Testing

/// Closing the terminal (SIGHUP) or a `kill` (SIGTERM, SIGQUIT) keeps the session and the
/// history as Ctrl-D does, then exits 128 + the signal.
@Suite("ending signals keep the session")
struct EndingSignalPtyTests {
    @Test("SIGHUP, SIGTERM and SIGQUIT at the prompt keep the session and the history", arguments: [SIGHUP, SIGTERM, SIGQUIT])
    func atThePrompt(signal: Int32) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter("user carol", prompt: "carol 2026-01-01 00:00> ")
        try term.enter("verify", prompt: "carol 2026-01-01 00:00> ")
        #expect(kill(term.pid, signal) == 0)
        #expect(try term.waitForExit() == 128 + signal, "\(term.screenDump)")
        let kept = dir.read("state/tourpass/tourpass-last-session.scn") ?? ""
        #expect(kept.contains("user carol") && kept.contains("verify"), "\(kept)\n\(term.screenDump)")
        let history = dir.read("state/tourpass/history") ?? ""
        #expect(history.contains("user carol") && history.contains("verify"), "\(history)")
        #expect(term.screen.text.contains("keeping the session"), "\(term.screenDump)")
    }

    @Test("a SIGTERM while a line is half typed still keeps what was entered")
    func halfTyped() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter("user dave", prompt: "dave 2026-01-01 00:00> ")
        try term.type("verif")
        _ = try term.waitFor("verif")
        #expect(kill(term.pid, SIGTERM) == 0)
        #expect(try term.waitForExit() == 128 + SIGTERM, "\(term.screenDump)")
        #expect(dir.read("state/tourpass/tourpass-last-session.scn")?.contains("user dave") == true, "\(term.screenDump)")
    }
}
