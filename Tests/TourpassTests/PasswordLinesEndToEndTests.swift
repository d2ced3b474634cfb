import Foundation
import Testing

/// A payment password typed where the parser cannot place it (`password=…`, `pin:…`, a bare
/// `246810`, a comment) and card numbers typed anywhere: on the built binary, in `run`,
/// piped input, the HTML report and the REPL with its history file.
@Suite("stray passwords on the built binary")
struct PasswordLinesEndToEndTests {
    static let setup = ["user a", "verify", "card visa password:246810", "topup 100"]
    static let strays = [
        "pay 1 qr:cross password=246810", "pay 1 qr:cross pw:246810", "pay 1 qr:cross pin:246810",
        "pay 1 qr:cross pwd:246810", "pay 1 qr:cross 246810", "pay 1 qr:cross 2468 10", "pya 1 qr:cross 246810", "246810",
    ]
    static let secrets = ["246810", "2468", "4111 1111", "4111111111111111", "1111 1111"]
    static let cardsElsewhere = ["user \"4111 1111 1111 1111\"", "merchant 4111111111111111", "sms 4111111111111111",
                                 "transfer 4111111111111111 to:a"]

    static func leaks(_ text: String) -> [String] { secrets.filter { text.contains($0) } }

    @Test("run, piped input and report --html never show them")
    func runPipedAndReport() throws {
        let dir = try TemporaryDirectory("tourpass-pw")
        defer { dir.remove() }
        let lines = Self.setup + Self.strays + ["pay 1 qr:cross # 246810"] + Self.cardsElsewhere
        let file = try dir.write("pw.scn", lines.joined(separator: "\n") + "\n")

        let run = try Tourpass.run(["run", file])
        #expect(run.status == 2)
        #expect(run.out.contains("pw.scn:5:16: error: unexpected word for pay: password=••••••"), "\(run.out)")
        #expect(run.out.contains("    pay 1 qr:cross password=••••••"), "\(run.out)")
        #expect(run.out.contains("pw.scn:16:5: error: an SMS code has 4 digits (at most 8 are read); this has 16"), "\(run.out)")
        #expect(Self.leaks(run.out + run.err).isEmpty, "run shows \(Self.leaks(run.out + run.err)):\n\(run.out)")

        let piped = try Tourpass.piped(lines.joined(separator: "\n") + "\n")
        #expect(piped.status == 2)
        #expect(piped.err.contains("<stdin>:8:16: error: unknown option `pwd:` for pay") || piped.err.contains(":8:16: error: unknown option `pwd:` for pay"), "\(piped.err)")
        #expect(Self.leaks(piped.out + piped.err).isEmpty, "piped input shows \(Self.leaks(piped.out + piped.err)):\n\(piped.err)")

        let report = try Tourpass.run(["report", "--html", dir.file("r.html"), file])
        #expect(report.status == 2)
        let page = try #require(dir.read("r.html"))
        #expect(page.contains("password=••••••"))
        #expect(Self.leaks(page).isEmpty, "the page shows \(Self.leaks(page))")
    }

    @Test("typed in the REPL: hidden on screen, kept out of the history, the kept session replays")
    func repl() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        let prompt = "a 2026-01-01 00:00> "
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        for line in Self.setup { try term.enter(line, prompt: prompt) }
        var notes = 0
        for line in Self.strays + ["pay 1 qr:cross # 246810", "pay 1 qr:cross password:246810"] + Self.cardsElsewhere {
            let shown = try term.enter(line, prompt: prompt)
            // The first screen line is the typed line itself; everything after is ours.
            let output = shown.split(separator: "\n").dropFirst().joined(separator: "\n")
            #expect(Self.leaks(output).isEmpty, "\(line) shows \(Self.leaks(output)):\n\(output)")
            if output.contains("not kept in the history") {
                notes += 1
                // Said truthfully: the kept session holds the line, to replay it.
                #expect(output.replacingOccurrences(of: "\n", with: "").contains("the session kept on leaving, \(dir.path)/state/tourpass/tourpass-last-session.scn, private to you, keeps it as typed so it replays"), "\(output)")
            }
        }
        #expect(notes == 1, "said once")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)

        let history = try #require(dir.read("state/tourpass/history"))
        #expect(Self.leaks(history).isEmpty, "the history holds \(Self.leaks(history)):\n\(history)")
        #expect(history.split(separator: "\n").filter { $0 == "pay 1 qr:cross" }.count == 1, "kept without its password:\n\(history)")
        let kept = try #require(dir.read("state/tourpass/tourpass-last-session.scn"))
        #expect(kept.contains("pay 1 qr:cross password:246810"), "the kept session replays the password")
    }

    @Test("a history file an earlier version wrote is cleaned when the REPL starts")
    func oldHistoryIsCleaned() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("state/tourpass/history", (["balance", "pay 1 qr:cross pin:246810", "pay 1 qr:cross # 246810", "246810", "topup 100"]
                                                 + ["pay 2 qr:cross password=246810"]).joined(separator: "\n") + "\n")
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
        let history = try #require(dir.read("state/tourpass/history"))
        #expect(history == "balance\npay 1 qr:cross\ntopup 100\n", "\(history)")
    }
}
