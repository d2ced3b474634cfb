import Foundation
import Testing
import WalletScript

/// `:undo` and `:save` work in piped input as in the REPL: a piped session is a session
/// (fix-c, tester's item 3).
@Suite struct PipedMetaTests {
    func run(_ lines: [String]) -> (exitCode: Int32, out: [String], err: [String]) {
        var piped = PipedRun()
        var out: [String] = []
        var err: [String] = []
        for line in lines {
            let printed = piped.feed(line)
            out += printed.out.map(\.text)
            err += printed.err
        }
        let end = piped.finish()
        return (end.exitCode, out, err + end.err)
    }

    @Test("the tester's input: :undo takes verify back, so `expect verified no` holds")
    func undoThenExpect() {
        let result = run(["user a", "verify", ":undo", "expect verified no"])
        #expect(result.exitCode == 0, "\(result.err)")
        #expect(result.out.contains("undid: verify"), "\(result.out)")
        #expect(run(["user a", "verify", ":undo", "expect verified yes"]).exitCode == 1)
    }

    @Test("an undone failed command needs no `expect error`; one not undone still does")
    func undoneFailureIsForgiven() {
        let undone = run(["user a", "topup 500", ":undo", "expect balance 0"])
        #expect(undone.exitCode == 0, "\(undone.err)")
        #expect(undone.err.isEmpty)
        let kept = run(["user a", "topup 500", "balance", ":undo", "balance"])
        // `balance` settled the failure before the undo: it was already unexcused.
        #expect(kept.exitCode == 1)
        #expect(kept.err.first?.hasPrefix("<stdin>:2: error: the command failed with tourpass.not_verified") == true, "\(kept.err)")
        let nothing = run(["balance", ":undo"])
        #expect(nothing.out.last == "nothing to undo")
        #expect(nothing.exitCode == 1, "the failed `balance` was not undone: \(nothing.err)")
    }

    @Test(":save writes the piped session as a scenario that passes `run`")
    func saveWritesAPassingScenario() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piped-save-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.scn").path
        let result = run(["user alice", "verify", "card visa", "topup 50", "expect error topup.below_minimum", "topup 500", ":undo",
                          "topup 200", ":save \(path)"])
        #expect(result.exitCode == 0, "\(result.err)")
        #expect(result.out.last == "saved 6 lines to \(path)", "\(result.out)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("topup 200\n| topped up CNY 200.00"))
        #expect(!text.contains("topup 500"))
        let suite = Suite.run(paths: [path], options: SuiteOptions())
        #expect(suite.exitCode == 0, "\(suite.results.map(\.failures))")
    }

    @Test("a console that keeps no session refuses :undo and :save as an error, never quietly")
    func refusalIsAnError() {
        var console = Console(inputName: "<t>", keepsSession: false)
        _ = console.handle("user a")
        let undo = console.handle(":undo")
        #expect(undo.errors == ["<t>:2: error: :undo needs a console that keeps its session"])
        #expect(console.handle(":save x.scn").errors == ["<t>:3: error: :save needs a console that keeps its session"])
    }
}
