import Foundation
import Testing

/// The REPL of the real binary on a pseudo-terminal: libedit, Tab, Ctrl-C, :undo, :save, Ctrl-D.
@Suite("REPL on a pseudo-terminal")
struct ReplPtyTests {
    static let start = "tourpass 2026-01-01 00:00> "
    static let alice = "alice 2026-01-01 00:00> "

    static func environment(_ dir: TemporaryDirectory) -> [String: String] {
        [
            "TERM": "xterm", "NO_COLOR": "1", "HOME": dir.path, "XDG_STATE_HOME": dir.file("state"),
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    static func historyLines(_ dir: TemporaryDirectory) -> [String]? {
        dir.read("state/tourpass/history").map { $0.split(separator: "\n").map(String.init) }
    }

    @Test("a typed session: completion, Ctrl-C, :undo, :save, Ctrl-D; the saved file passes")
    func session() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let saved = dir.file("session.scn")
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }

        try term.waitForPrompt(Self.start, after: -1)
        #expect(term.screen.text.hasPrefix("TourPass Lab: "))
        #expect(try term.enter("user alice", prompt: Self.alice).contains("alice signed up with 44-7700900001"))
        #expect(try term.enter("verify", prompt: Self.alice).contains("alice verified: passport P0000001"))

        try term.type("card v\t")
        try term.waitForLine(Self.alice + "card visa ")
        #expect(try term.enter("", prompt: Self.alice).contains("linked visa ••1111 (ALICE, expires 01/31)"))
        #expect(try term.enter("topup 500", prompt: Self.alice).contains("TourPass balance CNY 500.00"))

        var row = term.mark
        try term.type("pay 38.50 qr:\t")
        try term.waitFor("qr:domestic", since: row + 1)
        try term.waitForLine(Self.alice + "pay 38.50 qr:")
        #expect(term.cursorRow > row + 1, "a list is shown, then the line again")
        let listed = term.screen.lines(from: row + 1).dropLast().joined(separator: "\n")
        #expect(listed.contains("qr:cross") && listed.contains("qr:domestic"), "\(term.screenDump)")
        try term.type("c\t")
        try term.waitForLine(Self.alice + "pay 38.50 qr:cross ")
        #expect(try term.enter("", prompt: Self.alice).contains("paid CNY 38.50 to cross-qr from TourPass; balance CNY 461.50"))

        // Ctrl-C mid-line: the line is dropped, the session goes on.
        try term.type("pay 99 qr:cross")
        try term.waitForLine(Self.alice + "pay 99 qr:cross")
        row = term.mark
        try term.type("\u{03}")
        try term.waitForPrompt(Self.alice, after: row)
        #expect(term.screen.lines(from: row).first == Self.alice + "pay 99 qr:cross^C")
        let balance = try term.enter("balance", prompt: Self.alice)
        #expect(balance.contains("CNY 461.50"), "\(term.screenDump)")
        #expect(!term.screen.text.contains("CNY 99.00"))

        #expect(try term.enter("pay 1 qr:cross", prompt: Self.alice).contains("balance CNY 460.50"))
        let undo = try term.enter(":undo", prompt: Self.alice)
        #expect(undo.contains("undid: pay 1 qr:cross"), "\(undo)")
        #expect(try term.enter("balance", prompt: Self.alice).contains("CNY 461.50"))

        let pay = try term.enter("pay 5 qr:cross password:123456", prompt: Self.alice)
        #expect(pay.contains("paid CNY 5.00 to cross-qr"))
        #expect(!pay.split(separator: "\n").dropFirst().joined().contains("123456"), "output echoes the password")
        #expect(try term.enter(":save \(saved)", prompt: Self.alice).contains("saved "))

        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)

        let scenario = try #require(dir.read("session.scn"))
        let lines = scenario.split(separator: "\n").map(String.init)
        #expect(lines.contains("pay 5 qr:cross password:123456"))
        #expect(lines.contains("card visa") && lines.contains("pay 38.50 qr:cross"))
        #expect(!lines.contains("pay 1 qr:cross"), "the undone line was saved:\n\(scenario)")
        #expect(!scenario.contains("pay 99"))
        let run = try Tourpass.run(["run", saved])
        #expect(run.status == 0, "\(run.out)")
        #expect(run.out.hasSuffix("1 passed, 0 failed\n"))
        #expect(dir.read("session.scn") == scenario, "running changed the file")

        let history = try #require(Self.historyLines(dir), "no history file under XDG_STATE_HOME")
        #expect(history.contains("topup 500"))
        #expect(history.contains("card visa"))
        #expect(!history.joined(separator: "\n").contains("password"))
        #expect(!history.contains("pay 99 qr:cross"), "an abandoned line went to the history")
        #expect(Set(history).count == history.count, "repeated entries: \(history)")
        #expect(history.last == ":save \(saved)", "the last line typed that holds no password")
        try #require(history.count >= 2)

        try secondSession(dir, history: history)
    }

    /// A new REPL on the same history: Up recalls the last lines of the first session.
    private func secondSession(_ dir: TemporaryDirectory, history: [String]) throws {
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(Self.start, after: -1)
        try term.type("\u{1B}[A")
        try term.waitForLine(Self.start + history[history.count - 1])
        try term.type("\u{1B}[A")
        try term.waitForLine(Self.start + history[history.count - 2])
        try term.type("\u{1B}[B\u{1B}[B")
        try term.waitForLine(Self.start)
        try term.enter("now", prompt: Self.start)
        try term.enter("users", prompt: Self.start)
        try term.enter("now", prompt: Self.start)
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)

        let after = try #require(Self.historyLines(dir))
        #expect(after.suffix(2) == ["users", "now"])
        #expect(after.filter { $0 == "now" }.count == 1, "\(after)")
        #expect(Set(after).count == after.count, "repeated entries: \(after)")
        #expect(Array(after.prefix(history.count)) == history.filter { $0 != "now" && $0 != "users" })
    }

    @Test("keys typed while a command runs are not echoed into its output; the next prompt shows them")
    func typeAheadIsNotEchoed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(Self.start, after: -1)
        for line in ["user alice", "verify", "card visa", "topup 500"] { _ = try term.enter(line, prompt: Self.alice) }
        let row = term.mark
        try term.type(":reach pay.password_locked\r")
        // The command runs: the line editor has left raw mode, and the echo is off.
        try term.waitUntil("a running command with the echo off", timeout: 20) { _ in
            term.localModes.map { $0 & tcflag_t(ICANON) != 0 && $0 & tcflag_t(ECHO) == 0 } == true ? "" : nil
        }
        try term.type("now\r")
        try term.waitFor("2026-01-01 00:00 (China Standard Time)", since: row, timeout: 60)
        let lines = term.screen.lines(from: row)
        #expect(!lines.contains("now"), "\(term.screenDump)")
        #expect(lines.contains { $0.hasPrefix("pay.password_locked in 5 commands") }, "\(term.screenDump)")
        #expect(lines.contains(Self.alice + "now"), "\(term.screenDump)")
    }

    /// A REPL where alice's `:reach` for an unreachable balance is searching, its progress shown;
    /// `row` is the screen row the search started at.
    private static func startLongReach(in dir: TemporaryDirectory) throws -> (PseudoTerminal, Int) {
        let term = try PseudoTerminal(environment: environment(dir))
        do {
            try term.waitForPrompt(start, after: -1)
            _ = try term.enter("user alice", prompt: alice)
            let row = term.mark
            try term.type(":reach \"wallet 99999\" max:100000000\r")
            _ = try term.waitFor("(Ctrl-C stops)", since: row, timeout: 30)
            return (term, row)
        } catch {
            term.close()
            throw error
        }
    }

    @Test("Ctrl-C stops a long :reach where it is: progress was shown, the prompt comes back, the session goes on")
    func interruptALongReach() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (term, row) = try Self.startLongReach(in: dir)
        defer { term.close() }
        try term.type("\u{03}")
        try term.waitForPrompt(Self.alice, after: row, timeout: 20)
        let shown = term.screen.lines(from: row).joined(separator: "\n")
        #expect(shown.contains("wallet 99999: interrupted by Ctrl-C after "), "\(term.screenDump)")
        #expect(!shown.contains("budget"), "no budget ran out: \(term.screenDump)")
        #expect(!shown.contains("searching:"), "the progress line is cleared: \(term.screenDump)")
        #expect(try term.enter("now", prompt: Self.alice).contains("2026-01-01 00:00"))
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
    }

    @Test("SIGTERM stops a long :reach: it names the signal, not a budget, then keeps the session")
    func terminateALongReach() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (term, row) = try Self.startLongReach(in: dir)
        defer { term.close() }
        #expect(kill(term.pid, SIGTERM) == 0)
        #expect(try term.waitForExit(timeout: 30) == 128 + SIGTERM)
        let shown = term.screen.lines(from: row).joined(separator: "\n")
        #expect(shown.contains("wallet 99999: interrupted by SIGTERM after "), "\(term.screenDump)")
        #expect(!shown.contains("Ctrl-C after") && !shown.contains("budget"), "\(term.screenDump)")
        #expect(dir.read("state/tourpass/tourpass-last-session.scn")?.contains("user alice") == true)
    }

    @Test("non-ASCII names are typed, shown and kept in the history")
    func nonASCII() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(Self.start, after: -1)
        let shown = try term.enter("user Zoë", prompt: "Zoë 2026-01-01 00:00> ")
        #expect(shown.contains("Zoë signed up"), "\(term.screenDump)")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        #expect(Self.historyLines(dir) == ["user Zoë"])
    }

    @Test("Ctrl-C on an empty line and :quit: the session goes on, then ends with exit 0")
    func interruptAndQuit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(Self.start, after: -1)
        let row = term.mark
        try term.type("\u{03}")
        try term.waitForPrompt(Self.start, after: row)
        #expect(try term.enter("user bob", prompt: "bob 2026-01-01 00:00> ").contains("bob signed up"))
        #expect(try term.enter("advance 1d12h", prompt: "bob 2026-01-02 12:00> ").contains("now 2026-01-02 12:00"))
        try term.type(":quit\r")
        #expect(try term.waitForExit() == 0)
        #expect(Self.historyLines(dir) == ["user bob", "advance 1d12h", ":quit"])
    }

    @Test("why after a line that did not parse says so")
    func whyAfterALineThatDidNotParse() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: Self.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(Self.start, after: -1)
        #expect(try term.enter("user alice", prompt: Self.alice).contains("alice signed up"))
        #expect(try term.enter("verify", prompt: Self.alice).contains("alice verified"))
        #expect(try term.enter("topup 99999999999999999", prompt: Self.alice).contains("amount is too large"))
        let why = try term.enter("why", prompt: Self.alice)
        #expect(why.contains("the last line did not parse: "), "\(term.screenDump)")
        #expect(!why.contains("verify succeeded"))
        #expect(try term.enter("status", prompt: Self.alice).contains("verified: yes"), "\(term.screenDump)")
        #expect(try term.enter("why", prompt: Self.alice).contains("status succeeded"), "\(term.screenDump)")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
    }
}
