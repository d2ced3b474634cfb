import Foundation
import Testing

/// Ctrl-C during a long `:load` on a real terminal: the load stops between two lines, says
/// how far it got, keeps what ran (one `:undo` step) and the session goes on.
@Suite("Ctrl-C during :load on a pseudo-terminal")
struct LoadInterruptPtyTests {
    @Test("Ctrl-C stops a long :load between lines: progress shown, what ran kept, :undo takes it back")
    func interruptALongLoad() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Long enough to take several seconds in a debug build: Ctrl-C comes after the progress line.
        let total = 100_000
        let file = try dir.write("long.scn", String(repeating: "advance 1m\n", count: total))
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir), columns: 400)
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        let row = term.mark
        try term.type(":load \(file)\r")
        _ = try term.waitUntil("the load's progress line", timeout: 60) { screen in
            screen.cursorLine.contains("(Ctrl-C stops)") ? true : nil
        }
        try term.type("\u{03}")
        // The prompt shows the clock the loaded lines moved: wait for any prompt, cheaply.
        _ = try term.waitUntil("a prompt after the load", timeout: 120) { screen in
            screen.cursorRow > row && screen.cursorLine.hasPrefix("tourpass 2026-") && screen.cursorLine.hasSuffix(">")
                && term.isReadingKeys ? true : nil
        }
        let tail = term.screen.lines(from: term.mark - 3)
        let summary = try #require(tail.first { $0.hasPrefix("stopped by Ctrl-C: loaded ") }, "\(tail)")
        let words = summary.split(separator: " ")
        let done = try #require(Int(words[4].replacingOccurrences(of: ",", with: "")), "\(summary)")
        #expect(done > 0 && done < total, "\(summary)")
        let digits = String(done)
        let grouped = digits.count > 3 ? digits.dropLast(3) + "," + digits.suffix(3) : Substring(digits)
        #expect(summary == "stopped by Ctrl-C: loaded \(grouped) of 100,000 lines from \(file); the last was \(file):\(done); they stay, :undo takes them back")
        // Every line that ran stays: the clock moved one minute a line.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let start = try #require(utc.date(from: DateComponents(year: 2026, month: 1, day: 1)))
        let moved = utc.dateComponents([.year, .month, .day, .hour, .minute], from: start.addingTimeInterval(Double(done) * 60))
        let clock = String(format: "%04d-%02d-%02d %02d:%02d", moved.year!, moved.month!, moved.day!, moved.hour!, moved.minute!)
        #expect(term.screen.cursorLine == "tourpass \(clock)>", "\(term.screen.cursorLine)")
        // The session goes on; the part loaded is one undo step.
        let undone = try term.enter(":undo", prompt: ReplPtyTests.start, timeout: 60)
        #expect(undone.contains("undid: :load "), "\(undone)")
        #expect(try term.enter("user bob", prompt: "bob 2026-01-01 00:00> ").contains("bob signed up"))
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
    }
}
