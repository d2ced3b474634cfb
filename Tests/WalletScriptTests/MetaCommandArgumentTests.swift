import Testing
import WalletCore
import WalletScript

/// `:undo N` takes back N steps; any other argument to `:undo`, `:reset` or `:quit` is
/// refused with an error at the argument and does nothing.
@Suite struct MetaCommandArgumentTests {
    static let setup = ["user alice", "verify", "card visa", "topup 500", "pay 100 to:cafe", "pay 50 to:cafe"]

    func console(_ lines: [String] = setup) -> Console {
        var console = Console()
        for line in lines { _ = console.handle(line) }
        return console
    }

    func balance(_ console: Console) -> Int64? {
        console.session.currentUser.map { console.session.world.balance(user: $0).fen }
    }

    @Test(":undo 2 takes back two steps, saying each and how many")
    func undoTwo() {
        var console = console()
        #expect(balance(console) == 35_000)
        let lines = console.handle(":undo 2").lines.map(\.text)
        #expect(lines == ["undid: pay 50 to:cafe", "undid: pay 100 to:cafe", "undid 2 steps"], "\(lines)")
        #expect(balance(console) == 50_000)
        #expect(!console.savedScenario.contains("pay "), "\(console.savedScenario)")
        // As two :undo would have left it.
        var twice = self.console()
        _ = twice.handle(":undo"); _ = twice.handle(":undo")
        #expect(console.savedScenario == twice.savedScenario)
        #expect(console.prompt == twice.prompt)
    }

    @Test(":undo N past what can be undone takes back all there is and says so")
    func undoBounded() {
        var console = console(["user alice", "advance 1d"])
        let lines = console.handle(":undo 5").lines.map(\.text)
        #expect(lines == ["undid: advance 1d", "undid: user alice", "undid 2 steps: nothing more to undo"], "\(lines)")
        #expect(console.session.currentUser == nil)
        #expect(console.handle(":undo 3").lines.map(\.text) == ["nothing to undo"])
        var huge = self.console(["user bob"])
        #expect(huge.handle(":undo 99999999999999999999999").lines.last?.text == "undid 1 step: nothing more to undo")
        #expect(huge.session.currentUser == nil)
        var one = self.console(["user carol", "advance 1d"])
        #expect(one.handle(":undo 1").lines.map(\.text) == ["undid: advance 1d"])
    }

    @Test("an argument :undo, :reset or :quit does not take is an error at it, and nothing happens",
          arguments: [":undo all", ":undo 0", ":undo -1", ":undo 2 3", ":undo two", ":reset please", ":quit now", ":q now", ":exit 0", "  :reset  please"])
    func refused(line: String) throws {
        var console = console()
        let before = console.savedScenario
        let response = console.handle(line)
        let problem = try #require(response.diagnostic, "\(line): \(response.lines.map(\.text))")
        #expect(!response.quit, "\(line) quit")
        #expect(response.lines.isEmpty, "\(line): \(response.lines.map(\.text))")
        #expect(console.savedScenario == before, "\(line) changed the session")
        #expect(balance(console) == 35_000)
        let name = String(line.drop(while: { $0 == " " }).prefix { $0 != " " })
        let argument = line.drop(while: { $0 == " " }).dropFirst(name.count).drop(while: { $0 == " " })
        #expect(problem.message.hasPrefix("unexpected argument '\(argument)': \(name) takes "), "\(problem.message)")
        #expect(problem.message.contains("did you mean '\(name)"), "\(problem.message)")
        // The column is the argument's, in the typed line.
        #expect(problem.column == line.count - argument.count + 1, "\(problem)")
        #expect(problem.rendered.hasPrefix("<input>:\(Self.setup.count + 1):\(problem.column): error: unexpected argument"), "\(problem.rendered)")
    }

    @Test("meta-commands without arguments work as before")
    func plain() {
        var console = console()
        #expect(console.handle(":undo").lines.map(\.text) == ["undid: pay 50 to:cafe"])
        #expect(console.handle(":undo ").lines.map(\.text) == ["undid: pay 100 to:cafe"])
        #expect(console.handle(":reset").lines.first?.text.hasPrefix("reset to the default world") == true)
        #expect(console.handle(":quit").quit)
        #expect(console.handle(":q").quit)
    }

    @Test("piped input refuses the argument too (an error that counts), and :undo N as :undo")
    func piped() {
        var console = Console(inputName: "<stdin>", keepsSession: false)
        _ = console.handle("user alice")
        #expect(console.handle(":quit now").diagnostic != nil)
        #expect(console.handle(":undo 2").errors.first?.contains(":undo works in the REPL") == true)
    }
}
