import Testing
import WalletScript

/// Ctrl-C (the console's `shouldStop` hook) stops a `:load` or a typed `include` between
/// two lines: what ran stays, as one `:undo` step, and the message says how far it got.
@Suite struct LoadInterruptTests {
    /// A hook that answers "stop" from its `after`-th question on (counted from 0).
    final class Presses: @unchecked Sendable {
        var asked = 0
        let after: Int
        init(after: Int) { self.after = after }
        func shouldStop() -> Bool { defer { asked += 1 }; return asked >= after }
    }

    func console(stoppingAfter lines: Int) -> Console {
        var console = Console(inputName: "<repl>")
        let presses = Presses(after: lines)
        console.searchHooks = SearchHooks(shouldStop: presses.shouldStop)
        return console
    }

    @Test func aLoadStopsBetweenLinesAndKeepsWhatRan() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("long.scn", "# a long file\nuser alice\nadvance 1h\nadvance 1h\nadvance 1h\nadvance 1h\n")
        var console = console(stoppingAfter: 3)
        let lines = console.handle(":load \(file)").lines.map(\.text)
        #expect(lines.last == "stopped by Ctrl-C: loaded 3 of 5 lines from \(file); the last was \(file):4; they stay, :undo takes them back", "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("loaded ") })
        #expect(console.session.world.now.description == "2026-01-01 02:00", "the lines run stay")
        #expect(console.prompt == "alice 2026-01-01 02:00> ")
        // The session goes on, and the part loaded is one undo step.
        #expect(console.handle("advance 1d").lines.map(\.text) == ["now 2026-01-02 02:00"])
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: advance 1d"])
        // (Echoed as lines are: runs of digits in a line that is no command are hidden.)
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: " + Console.redacted(":load \(file)")])
        #expect(console.prompt == "tourpass 2026-01-01 00:00> ")
        #expect(console.handle(":undo").lines.map(\.text) == ["nothing to undo"])
    }

    @Test func stoppedBeforeTheFirstLineNothingRanAndNothingIsToUndo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("f.scn", "user alice\nadvance 1h\n")
        var console = console(stoppingAfter: 0)
        #expect(console.handle(":load \(file)").lines.map(\.text) == ["stopped by Ctrl-C: loaded 0 of 2 lines from \(file)"])
        #expect(console.handle(":undo").lines.map(\.text) == ["nothing to undo"])
        #expect(!console.hasTranscript)
    }

    @Test("a :load stopped by SIGTERM or SIGHUP names that signal, not Ctrl-C")
    func aSignalIsNamed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("f.scn", "user alice\nadvance 1h\nadvance 1h\n")
        var console = Console(inputName: "<repl>")
        let presses = Presses(after: 1)
        console.searchHooks = SearchHooks(shouldStop: presses.shouldStop, stoppedBy: { "SIGHUP (the terminal closed)" })
        let lines = console.handle(":load \(file)").lines.map(\.text)
        #expect(lines.last == "stopped by SIGHUP (the terminal closed): loaded 1 of 3 lines from \(file); the last was \(file):1; they stay, :undo takes them back", "\(lines)")
    }

    @Test func aTypedIncludeStopsToo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("setup.scn", "user alice\nverify\nexpect verified no\ncard visa\n")
        var console = console(stoppingAfter: 3)
        let lines = console.handle("include \(file)").lines.map(\.text)
        #expect(lines.last == "stopped by Ctrl-C: included 3 of 4 lines from \(file); the last was \(file):3 (1 expect failed); they stay, :undo takes them back", "\(lines)")
        #expect(console.session.world.users.count == 1)
    }
}
