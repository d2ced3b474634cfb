import Testing
import WalletScript

/// `:undo` rebuilds the session from sparse checkpoints and the log: it must land exactly
/// where typing fewer lines would have, across checkpoints, thinning and `:reset`. An undo
/// step is a line that changed something (failed attempts included); queries, `why`,
/// assertions and comments typed after it go with it.
@Suite struct UndoLogTests {
    /// A mixed script: sign-ups, cards, top-ups, payments, failures, time, a reset, comments.
    static let script: [String] = {
        var lines: [String] = []
        for index in 0..<700 {
            let name = "u\(index % 40)"
            switch index % 9 {
            case 0: lines.append("user \(name)")
            case 1: lines.append("verify")
            case 2: lines.append("card visa")
            case 3: lines.append("topup \(100 + index % 7)")
            case 4: lines.append("pay 1.50 qr:cross")
            case 5: lines.append("pay 1 qr:domestic")
            case 6: lines.append(index % 4 == 0 ? "advance 3d" : "# a comment \(index)")
            case 7: lines.append(index == 349 ? ":reset" : "transfer 1 to:u\((index + 1) % 40)")
            default: lines.append(Self.looks[index / 9 % Self.looks.count])
            }
        }
        return lines
    }()

    /// Lines that only look: never an undo step of their own.
    static let looks = ["balance", "why", "status", "history", "policy topup.fee", "help pay", "cards"]

    static let queries = ["users", "now", "balance", "status", "history", "merchants", "policy"]

    func snapshot(_ console: Console) -> [String] {
        var copy = console
        var seen = [copy.savedScenario, copy.prompt]
        for query in Self.queries { seen += copy.handle(query).lines.map(\.text) }
        return seen
    }

    /// The lines undo steps over: those that change something, failed ones included.
    func undoable(_ line: String) -> Bool { !line.hasPrefix("#") && !Self.looks.contains(line) }

    @Test(arguments: [1, 17, 257, 351, 540])
    func undoMatchesTypingFewerLines(steps: Int) {
        var console = Console()
        for line in Self.script { _ = console.handle(line) }
        for _ in 0..<steps { _ = console.handle(":undo") }
        // The script without its last `steps` undoable lines (comments after them too).
        var keep = Self.script.count
        var left = steps
        while left > 0 {
            keep -= 1
            if undoable(Self.script[keep]) { left -= 1 }
        }
        var reference = Console()
        for line in Self.script[..<keep] { _ = reference.handle(line) }
        #expect(snapshot(console) == snapshot(reference))
        // What `:save` writes after the undo replays exactly, recorded output and all.
        let (result, _) = ScenarioRunner.run(text: console.savedScenario, path: "undone.scn", checkInvariants: true)
        #expect(result.passed, "\(describe(result))")
    }

    @Test func undoEverythingThenTypeAgain() {
        var console = Console()
        for line in Self.script { _ = console.handle(line) }
        var undone = 0
        while console.handle(":undo").lines.first?.text != "nothing to undo" { undone += 1 }
        #expect(undone == Self.script.filter(undoable).count)
        #expect(Self.script.filter(undoable).count < Self.script.filter { !$0.hasPrefix("#") }.count)
        #expect(console.session.world.users.isEmpty)
        for line in Self.script.prefix(100) { _ = console.handle(line) }
        var reference = Console()
        for line in Self.script.prefix(100) { _ = reference.handle(line) }
        #expect(snapshot(console) == snapshot(reference))
    }
}
