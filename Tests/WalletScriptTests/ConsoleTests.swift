import Foundation
import Testing
import WalletCore
import WalletScript

/// The REPL's session: meta-commands, the transcript that `:save` writes, the prompt.
@Suite struct ConsoleTests {
    func console(_ lines: [String]) -> Console {
        var console = Console()
        for line in lines { _ = console.handle(line) }
        return console
    }

    func balance(_ console: Console) -> Int64? {
        console.session.currentUser.map { console.session.world.balance(user: $0).fen }
    }

    @Test func undoStepsBackRepeatedly() {
        var console = console(aliceWithPass + ["pay 100 to:cafe", "pay 50 to:cafe"])
        #expect(balance(console) == 35_000)
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: pay 50 to:cafe"])
        #expect(balance(console) == 40_000)
        _ = console.handle(":undo")
        #expect(balance(console) == 50_000)
        _ = console.handle(":undo")
        #expect(balance(console) == 0)
        #expect(console.session.world.invariantViolations().isEmpty)
        _ = console.handle(":undo"); _ = console.handle(":undo"); _ = console.handle(":undo")
        #expect(console.session.currentUser == nil)
        #expect(console.handle(":undo").lines.map(\.text) == ["nothing to undo"])
    }

    /// A PM undoes what they did, not what they looked at: queries and `why` are no steps of
    /// their own and go with the line before them; a failed attempt is a step.
    @Test func undoStepsOverLinesThatOnlyLooked() {
        var console = console(aliceWithPass + ["pay 100 to:cafe", "balance", "why", "history", "policy topup.fee", "help pay"])
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: pay 100 to:cafe and the 5 lines typed after it"])
        #expect(balance(console) == 50_000)
        #expect(!console.savedScenario.contains("\nbalance\n") && !console.savedScenario.contains("\nwhy\n"))
        _ = console.handle("topup 20")
        _ = console.handle("why")
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: topup 20 and the line typed after it"])
        #expect(!console.handle("history").lines.contains { $0.text.contains("topup 20") })
        // What `expect` looks at is the line before the undone one again.
        #expect(console.handle("expect ok").outcome?.failedAssertion == nil)
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: topup 500 and the 2 lines typed after it"])
        #expect(balance(console) == 0)
        // A change of policy is a step; showing it is not.
        _ = console.handle("policy topup.fee 3%")
        _ = console.handle("policy")
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: policy topup.fee 3% and the line typed after it"])
        #expect(console.session.world.policy.value(of: "topup.fee") == Policy().value(of: "topup.fee"))
        // Lines that only looked before any change: nothing to undo, and they stay.
        var fresh = Console()
        _ = fresh.handle("users")
        _ = fresh.handle("now")
        #expect(fresh.handle(":undo").lines.map(\.text) == ["nothing to undo"])
        #expect(fresh.savedScenario.contains("\nusers\n") && fresh.savedScenario.contains("\nnow\n"))
    }

    @Test func undoSkipsAssertionsAndParseErrors() {
        var console = console(["user alice", "expect ok", "topu 5", "verify", "expect verified yes"])
        _ = console.handle(":undo")
        #expect(console.session.currentUser.map { console.session.world[$0].verified } == false)
        #expect(!console.savedScenario.contains("verify"))
    }

    @Test func resetStartsAgain() {
        var console = console(aliceWithPass)
        #expect(console.handle(":reset").lines.first?.text.contains("reset") == true)
        #expect(console.session.world.users.isEmpty)
        #expect(console.session.currentUserName == nil)
        #expect(console.session.world.now.description == "2026-01-01 00:00")
        #expect(console.savedScenario == "# saved from a tourpass session\n")
    }

    /// `:reset` says ":undo brings it back"; run in a child process, as it may crash.
    @Test func undoAfterResetBringsTheWorldBack() async {
        await #expect(processExitsWith: .success) {
            var console = Console()
            for line in ["user alice", "verify", "card visa", "topup 500", ":reset", ":undo"] { _ = console.handle(line) }
            guard console.session.world.users.count == 1, console.savedScenario.contains("topup 500") else { exit(3) }
        }
    }

    @Test func saveWritesAScenarioThatReplays() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var console = console(["# checking a payment", "user alice", "verify", "card visa password:654321", "topu 5",
                               "topup 500", "pay 10 qr:domestic", "expect error pay.domestic_qr", "pay 10 to:cafe password:111111",
                               "pay 38.5 qr:cross password:654321   ", "expect balance 461.50", "expect balance 1", ":help pay",
                               "balance", "history", "advance 91d", "status"])
        let saved = console.handle(":save " + dir.file("s.scn"))
        #expect(saved.lines.first?.text.hasPrefix("saved ") == true)
        let text = try dir.read("s.scn")
        #expect(text == console.savedScenario)
        #expect(text.contains("\ncard visa password:654321\n"))
        #expect(text.contains("\npay 38.5 qr:cross password:654321\n| paid"))
        #expect(text.contains("\n# checking a payment\n"))
        #expect(!text.contains("topu 5") && !text.contains(":help") && !text.contains("expect balance 1\n"))
        let (result, scenario) = ScenarioRunner.run(text: text, path: "s.scn", checkInvariants: true)
        #expect(result.passed, "\(describe(result))\n\(text)")
        #expect(scenario?.steps.filter { $0.recorded != nil }.count == 11)
        #expect(try dir.listing() == ["s.scn"])
    }

    @Test func loadingOneLineSaysLineNotLines() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("one.scn", "user bob\n")
        var console = console([])
        let response = console.handle(":load " + dir.file("one.scn"))
        #expect(response.lines.last?.text == "loaded 1 line from \(dir.file("one.scn"))")
        #expect(console.session.currentUserName == "bob")
    }

    @Test func loadRunsAFileIntoTheWorld() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("setup.scn", "user bob\nverify\n| stale output is not compared here\ncard visa\ntopup 200\n")
        var console = console(["user alice"])
        let response = console.handle(":load " + dir.file("setup.scn"))
        #expect(response.lines.last?.text == "loaded 4 lines from \(dir.file("setup.scn"))")
        #expect(console.session.currentUserName == "bob")
        #expect(balance(console) == 20_000)
        _ = console.handle(":undo")
        #expect(console.session.currentUserName == "alice")
        #expect(console.session.world.users.count == 1)
        let missing = console.handle(":load " + dir.file("missing.scn"))
        #expect(missing.errors.first?.hasSuffix("error: cannot read " + dir.file("missing.scn") + ": No such file or directory") == true)
        try dir.write("bad.scn", "topu 5\n")
        #expect(console.handle(":load " + dir.file("bad.scn")).errors.first?.contains("bad.scn:1:1: error:") == true)
    }

    @Test func helpAndUnknownMetaCommands() throws {
        var console = Console()
        let help = console.handle(":help pay").lines.map(\.text)
        #expect(help.first?.hasPrefix("usage: pay AMOUNT") == true)
        #expect(help.contains("  pay 38.50 qr:cross"))
        #expect(console.handle(":help").lines.contains { $0.text.contains(":undo") })
        #expect(console.handle(":help topu").lines.first?.text.contains("did you mean 'topup'") == true)
        let unknown = try #require(console.handle(":sav x").diagnostic)
        #expect(unknown.message.contains("did you mean ':save'"))
        #expect(unknown.rendered.hasPrefix("<input>:4:1: error:"))
        #expect(console.handle(":quit").quit)
    }

    @Test func historyNeverHoldsPasswords() {
        #expect(!Console.isSafeForHistory("pay 5 qr:cross password:123456"))
        #expect(!Console.isSafeForHistory("password 654321"))
        #expect(!Console.isSafeForHistory("card visa PASSWORD:123456"))
        #expect(Console.isSafeForHistory("pay 5 qr:cross"))
        #expect(Console.isSafeForHistory("topup 500"))
    }

    @Test func promptShowsUserAndClock() {
        var console = Console()
        #expect(console.prompt == "tourpass 2026-01-01 00:00> ")
        _ = console.handle("user alice")
        #expect(console.prompt == "alice 2026-01-01 00:00> ")
        _ = console.handle("advance 1d9h30m")
        #expect(console.prompt == "alice 2026-01-02 09:30> ")
    }

    @Test func diagnosticsCountTypedLines() throws {
        var console = Console()
        _ = console.handle("user alice")
        _ = console.handle("")
        let problem = try #require(console.handle("pay 1.234 qr:cross").diagnostic)
        #expect(problem.rendered == "<input>:3:5: error: amount has more than two decimals: 1.234")
    }
}

/// What the console echoes back never holds a payment password.
@Suite struct ConsoleEchoTests {
    @Test func undoAndLoadDoNotEchoPasswords() throws {
        var console = Console()
        for line in ["user alice", "verify", "card visa", "topup 500", "pay 1 qr:cross password:654321"] {
            _ = console.handle(line)
        }
        let undo = console.handle(":undo")
        #expect(undo.lines.map(\.text) == ["undid: pay 1 qr:cross password:••••••"])
        #expect(Console.redacted("password 123456") == "password ••••••")
        #expect(Console.redacted("pay 5 qr:cross") == "pay 5 qr:cross")
        #expect(!undo.lines.contains { $0.text.contains("654321") })
    }
}

/// The session the REPL keeps on exit replays, and only its owner can read it.
@Suite struct KeptSessionTests {
    @Test func keptSessionIsPrivateAndReplays() throws {
        var console = Console()
        for line in ["user alice", "verify", "card visa password:654321", "topup 100"] { _ = console.handle(line) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kept-\(UUID().uuidString).scn").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try console.writeSession(to: path, privateFile: true)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("card visa password:654321"))
        let (result, _) = ScenarioRunner.run(text: text, path: path, checkInvariants: true)
        #expect(result.passed)
    }
}
