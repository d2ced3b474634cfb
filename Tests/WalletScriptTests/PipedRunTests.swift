import Testing
import WalletScript

/// Piped input follows the scenario rules: 0 ok, 1 a failed expect or unexpected error, 2 a parse error.
@Suite struct PipedRunTests {
    func run(_ lines: [String]) -> (exitCode: Int32, out: [String], err: [String]) {
        var piped = PipedRun()
        var out: [String] = []
        var err: [String] = []
        for line in lines {
            let printed = piped.feed(line)
            out += printed.out.map(\.text)
            err += printed.before + printed.err
            if printed.quit { break }
        }
        let end = piped.finish()
        return (end.exitCode, out, err + end.err)
    }

    @Test func allGood() {
        let result = run(aliceWithPass + ["pay 5 qr:domestic", "expect error pay.domestic_qr", "# note", "", "expect balance 500"])
        #expect(result.exitCode == 0, "\(result.err)")
        #expect(result.err.isEmpty)
        #expect(result.out.contains("TourPass balance CNY 500.00"))
    }

    @Test func whyAfterALineThatDidNotParseSaysSo() {
        let result = run(["user alice", "verify", "card visa", "card vis", "why"])
        #expect(result.exitCode == 2)
        let why = result.out.last ?? ""
        #expect(why.hasPrefix("the last line did not parse: "), "\(result.out)")
        #expect(why.contains(":4:6: error: unknown card brand 'vis'"), "\(why)")
        #expect(result.err.contains { $0.contains(":4:6:") })
    }

    @Test func failedExpectIsExitOne() {
        let result = run(["user alice", "expect balance 5", "balance"])
        #expect(result.exitCode == 1)
        #expect(result.err == ["<stdin>:2: error: expect failed"])
    }

    @Test func unexpectedErrorIsExitOne() {
        let middle = run(["user alice", "topup 500", "balance"])
        #expect(middle.exitCode == 1)
        #expect(middle.err.first?.hasPrefix("<stdin>:2: error: the command failed with tourpass.not_verified") == true)
        let last = run(["user alice", "topup 500"])
        #expect(last.exitCode == 1)
        #expect(last.err.count == 1)
    }

    @Test func parseErrorIsExitTwo() {
        let result = run(["user alice", "topup 1.234", "expect ok"])
        #expect(result.exitCode == 2)
        #expect(result.err == ["<stdin>:2:7: error: amount has more than two decimals: 1.234"])
        #expect(run(["user alice", "expect balance 5", "topu 5"]).exitCode == 2)
    }

    @Test func quitStopsAndMetaCommandsAnswer() {
        let result = run(["user alice", ":help pay", ":quit", "topup 1.234"])
        #expect(result.exitCode == 0, "\(result.err)")
        #expect(result.out.contains { $0.hasPrefix("usage: pay") }, "\(result.out)")
        #expect(!result.out.contains { $0.contains("1.234") }, "nothing runs after :quit")
    }

    /// The scenario runner accepts an indented or tab-separated `expect error`; piped input should too.
    @Test func expectErrorMayBeIndented() {
        #expect(run(["user alice", "topup 500", "  expect error tourpass.not_verified"]).exitCode == 0)
        let tabbed = run(["user alice", "topup 500", "\texpect\terror tourpass.not_verified"])
        #expect(tabbed.exitCode == 0, "\(tabbed.err)")
    }

    // `:undo` and `:save` in piped input are errors that count, never a quiet note: piped
    // input keeps no undo log, so its memory is bounded by the world (DECISIONS, fix-c).
    @Test("the tester's input: piped :undo is an error that counts (exit 2), said where it is")
    func undoIsACountedError() {
        let result = run(["user a", "verify", ":undo", "expect verified yes"])
        #expect(result.exitCode == 2, "\(result.err)")
        #expect(result.err == ["<stdin>:3: error: :undo works in the REPL; piped input keeps no session (its memory would grow with the input): edit the lines instead"])
        #expect(run(["user a", ":save x.scn"]).exitCode == 2)
        #expect(run(["user a", "verify", "expect verified yes"]).exitCode == 0)
    }

    @Test("a console that keeps no session refuses :undo and :save as an error, never quietly")
    func refusalIsAnError() {
        var console = Console(inputName: "<t>", keepsSession: false)
        _ = console.handle("user a")
        let undo = console.handle(":undo")
        #expect(undo.errors == ["<t>:2: error: :undo works in the REPL; piped input keeps no session (its memory would grow with the input): edit the lines instead"])
        #expect(console.handle(":save x.scn").errors == ["<t>:3: error: :save works in the REPL; piped input keeps no session (its memory would grow with the input): edit the lines instead"])
    }

    @Test("the line that ends a failure's chance says it before its own output: a parse error, a command, a meta-command; expect, why, comments and blanks wait")
    func unexcusedSaidBeforeTheSettlingLine() {
        for (settling, isParseError) in [("frob", true), ("balance", false), (":help now", false)] {
            var piped = PipedRun()
            for line in ["user alice", "topup 500"] { _ = piped.feed(line) }
            for waiting in ["# note", "", "expect balance 0", "why"] {
                let printed = piped.feed(waiting)
                #expect(printed.before.isEmpty, "\(waiting): \(printed.before)")
            }
            let printed = piped.feed(settling)
            #expect(printed.before == ["<stdin>:2: error: the command failed with tourpass.not_verified and no `expect error` follows"], "\(settling): \(printed.before)")
            #expect(printed.err.count == (isParseError ? 1 : 0), "\(settling): \(printed.err)")
            #expect(piped.finish().exitCode == (isParseError ? 2 : 1))
        }
    }
}
