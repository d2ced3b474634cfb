import Foundation
import Testing
import WalletScript

/// `:undo` and `:save` in piped input are errors that count, never a quiet note (fix-c,
/// tester's item 3): piped input keeps no undo log, so its memory is bounded by the world.
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
}
