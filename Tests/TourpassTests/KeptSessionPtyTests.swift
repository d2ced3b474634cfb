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
}
