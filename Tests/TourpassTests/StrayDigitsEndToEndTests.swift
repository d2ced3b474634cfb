import Foundation
import Testing

/// A card number inside a name with letters, and a stray password-like run on any line
/// (`topup 100 246810`): on the built binary, in `run`, piped input and the REPL with its
/// history file, never shown and never kept.
@Suite("stray digits and card numbers in names on the built binary")
struct StrayDigitsEndToEndTests {
    static let setup = ["user a", "verify", "card visa password:246810", "topup 100"]
    static let lines = ["topup 100 135790", "user \"Bob 4111111111111111\"", "merchant \"Shop 5555-5555-5555-4444\"",
                        "pay 5 to:Bob4111111111111111", "transfer 5 to:\"Ann 4111 1111 1111 1111\"", "balance 135790",
                        "user b name:\"B 4111111111111111\""]
    static let secrets = ["135790", "41111111", "4111 1111", "1111 1111", "5555-5555", "1357"]

    static func leaks(_ text: String) -> [String] { secrets.filter { text.contains($0) } }

    @Test("run and piped input never show them")
    func runAndPiped() throws {
        let dir = try TemporaryDirectory("tourpass-stray")
        defer { dir.remove() }
        let text = (Self.setup + Self.lines).joined(separator: "\n") + "\n"
        let file = try dir.write("s.scn", text)
        let run = try Tourpass.run(["run", file])
        #expect(run.status == 2)
        #expect(run.out.contains("s.scn:5:11: error: unexpected word for topup: ••••••"), "\(run.out)")
        #expect(run.out.contains("    topup 100 ••••••"), "\(run.out)")
        #expect(Self.leaks(run.out + run.err).isEmpty, "run shows \(Self.leaks(run.out + run.err)):\n\(run.out)")

        let piped = try Tourpass.piped(text)
        #expect(piped.status == 2)
        #expect(piped.err.contains(":6:6: error: not a user name: it looks like a card number (12 to 19 digits)"), "\(piped.err)")
        #expect(Self.leaks(piped.out + piped.err).isEmpty, "piped input shows \(Self.leaks(piped.out + piped.err)):\n\(piped.err)")
    }

    /// A password split by a space is hidden like one typed whole; an amount in a broken
    /// examples row is shown (it is no password).
    @Test("run: a split password is hidden, an examples cell with a point is shown")
    func splitPasswordAndAmountCell() throws {
        let dir = try TemporaryDirectory("tourpass-stray")
        defer { dir.remove() }
        let split = try dir.write("split.scn", (Self.setup + ["topup 100 2468 10", "why"]).joined(separator: "\n") + "\n")
        let run = try Tourpass.run(["run", split])
        #expect(run.status == 2)
        #expect(run.out.contains("split.scn:5:11: error: unexpected word for topup: ••••"), "\(run.out)")
        #expect(run.out.contains("    topup 100 •••• ••"), "\(run.out)")
        #expect(!(run.out + run.err).contains("2468"), "\(run.out)")
        let piped = try Tourpass.piped((Self.setup + ["topup 100 2468 10", "why"]).joined(separator: "\n") + "\n")
        #expect(!(piped.out + piped.err).contains("2468"), "\(piped.out)\(piped.err)")

        let table = try dir.write("table.scn", "examples:\n  amount | code\n  99.99\n\nuser a\ntopup <amount>\nexpect error <code>\n")
        let broken = try Tourpass.run(["run", table])
        #expect(broken.status == 2)
        #expect(broken.out.contains("table.scn:3:8: error: this row has 1 cell, the table has 2 columns (amount, code)\n      99.99\n"), "\(broken.out)")
    }

    @Test("typed in the REPL: hidden on screen, kept out of the history")
    func repl() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        let prompt = "a 2026-01-01 00:00> "
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        for line in Self.setup { try term.enter(line, prompt: prompt) }
        // A password split by a space, then `why` about it.
        for line in Self.lines + ["topup 100 # 135790", "topup 100 1357 90", "why"] {
            let shown = try term.enter(line, prompt: prompt)
            // The first screen line is the typed line itself; everything after is ours.
            let output = shown.split(separator: "\n").dropFirst().joined(separator: "\n")
            #expect(Self.leaks(output).isEmpty, "\(line) shows \(Self.leaks(output)):\n\(output)")
        }
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        let history = try #require(dir.read("state/tourpass/history"))
        #expect(Self.leaks(history).isEmpty, "the history holds \(Self.leaks(history)):\n\(history)")
        #expect(history.split(separator: "\n").contains("topup 100"), "ordinary lines are kept:\n\(history)")
    }
}
