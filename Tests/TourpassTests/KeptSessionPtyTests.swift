import Foundation
import Testing

/// When the kept session cannot be written, the REPL says where it tried and why.
@Suite("kept session errors")
struct KeptSessionPtyTests {
    @Test("a folder in the way of the kept session is reported on leaving")
    func folderInTheWay() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let kept = dir.file("state/tourpass/tourpass-last-session.scn")
        try FileManager.default.createDirectory(atPath: kept, withIntermediateDirectories: true)
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter("user alice", prompt: ReplPtyTests.alice)
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        let screen = term.screen.text.replacingOccurrences(of: "\n", with: "") // lines wrap at 80
        #expect(screen.contains("the session was not kept: cannot write \(kept): it is a directory"), "\(term.screenDump)")
        #expect(!screen.contains("session kept in"))
    }

    static func session(_ dir: TemporaryDirectory, _ lines: [(String, String)]) throws -> String {
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        for (line, prompt) in lines { _ = try term.enter(line, prompt: prompt) }
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        return term.screen.text.replacingOccurrences(of: "\n", with: "") // lines wrap at 80
    }

    @Test("reopening keeps the earlier session: one that only looked replaces nothing, a new one moves it to .1")
    func theEarlierSessionIsKept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let kept = dir.file("state/tourpass/tourpass-last-session.scn")
        let before = dir.file("state/tourpass/tourpass-last-session.1.scn")
        _ = try Self.session(dir, [("user alice", ReplPtyTests.alice), ("verify", ReplPtyTests.alice)])
        #expect(dir.read("state/tourpass/tourpass-last-session.scn")?.contains("verify") == true)

        let looked = try Self.session(dir, [("now", ReplPtyTests.start)])
        #expect(looked.contains("nothing changed this session: the kept session in \(kept) is as it was"), "\(looked)")
        #expect(dir.read("state/tourpass/tourpass-last-session.scn")?.contains("verify") == true, "a look overwrote the kept session")

        let next = try Self.session(dir, [("user bob", "bob 2026-01-01 00:00> ")])
        #expect(next.contains("session kept in \(kept)") && next.contains("the session before it is in \(before)"), "\(next)")
        #expect(dir.read("state/tourpass/tourpass-last-session.scn")?.contains("user bob") == true)
        #expect(dir.read("state/tourpass/tourpass-last-session.1.scn")?.contains("verify") == true)
        var info = stat()
        #expect(stat(before, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }
}
