import Foundation
import Testing

/// Each line reaches the history file when it is entered: two REPLs on one HOME keep both
/// windows' lines, a SIGKILL loses none, and the trim on leaving re-reads the file.
@Suite("the history file, shared and killed")
struct SharedHistoryPtyTests {
    /// HOME only, as most users have it: the history is `~/.tourpass_history`.
    static func environment(_ dir: TemporaryDirectory) -> [String: String] {
        [
            "TERM": "xterm", "NO_COLOR": "1", "HOME": dir.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    static func history(_ dir: TemporaryDirectory) -> [String] {
        (dir.read(".tourpass_history") ?? "").split(separator: "\n").map(String.init)
    }

    @Test("two REPLs interleaved on one HOME: both windows' lines stay, whichever leaves first")
    func twoWindows() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = try PseudoTerminal(environment: Self.environment(dir))
        defer { a.close() }
        let b = try PseudoTerminal(environment: Self.environment(dir))
        defer { b.close() }
        try a.waitForPrompt(ReplPtyTests.start, after: -1)
        try b.waitForPrompt(ReplPtyTests.start, after: -1)
        try a.enter("user from_a", prompt: "from_a 2026-01-01 00:00> ")
        try b.enter("user from_b", prompt: "from_b 2026-01-01 00:00> ")
        try a.enter("advance 1d", prompt: "from_a 2026-01-02 00:00> ")
        // Each line is in the file as soon as it ran, 0600.
        #expect(Self.history(dir) == ["user from_a", "user from_b", "advance 1d"])
        var info = stat()
        #expect(stat(dir.file(".tourpass_history"), &info) == 0 && info.st_mode & 0o777 == 0o600)
        try a.type("\u{04}")
        #expect(try a.waitForExit() == 0)
        // B goes on after A left (and trimmed the file): its next line lands too.
        try b.enter("verify", prompt: "from_b 2026-01-01 00:00> ")
        try b.type("\u{04}")
        #expect(try b.waitForExit() == 0)
        #expect(Self.history(dir) == ["user from_a", "user from_b", "advance 1d", "verify"], "\(Self.history(dir))")
        #expect(stat(dir.file(".tourpass_history"), &info) == 0 && info.st_mode & 0o777 == 0o600)

        // A third REPL recalls the other window's last line first.
        let c = try PseudoTerminal(environment: Self.environment(dir))
        defer { c.close() }
        try c.waitForPrompt(ReplPtyTests.start, after: -1)
        try c.type("\u{1B}[A")
        try c.waitForLine(ReplPtyTests.start + "verify")
        try c.type("\u{1B}[A")
        try c.waitForLine(ReplPtyTests.start + "advance 1d")
    }

    @Test("a SIGKILLed REPL loses no line of its history; secrets still never reach it")
    func killed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter("user zoe sms:manual", prompt: "zoe 2026-01-01 00:00> ")
        try term.enter("sms 246810", prompt: "zoe 2026-01-01 00:00> ")
        try term.enter("topup 100 135790", prompt: "zoe 2026-01-01 00:00> ")
        try term.enter("sms", prompt: "zoe 2026-01-01 00:00> ")
        try term.enter("advance 2h", prompt: "zoe 2026-01-01 02:00> ")
        #expect(kill(term.pid, SIGKILL) == 0)
        #expect(try term.waitForExit() == 128 + SIGKILL)
        #expect(Self.history(dir) == ["user zoe sms:manual", "sms", "advance 2h"], "\(Self.history(dir))")
        let text = dir.read(".tourpass_history") ?? ""
        #expect(!text.contains("246810") && !text.contains("135790"))
    }

    @Test("a FIFO where the history goes: the REPL neither hangs nor writes it, and says so once")
    func fifo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(mkfifo(dir.file(".tourpass_history"), 0o600) == 0)
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        let first = try term.enter("user amy", prompt: "amy 2026-01-01 00:00> ")
        #expect(first.contains("the history is not kept: cannot write") && first.contains("a FIFO, not a regular file of yours"), "\(term.screenDump)")
        let second = try term.enter("advance 1d", prompt: "amy 2026-01-02 00:00> ")
        #expect(!second.contains("history"), "said once: \(term.screenDump)")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        var info = stat()
        #expect(lstat(dir.file(".tourpass_history"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}
