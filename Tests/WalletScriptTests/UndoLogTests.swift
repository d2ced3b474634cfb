import Testing
import WalletScript

/// `:undo` rebuilds the session from sparse checkpoints and the log: it must land exactly
/// where typing fewer lines would have, across checkpoints, thinning and `:reset`.
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
            default: lines.append("balance")
            }
        }
        return lines
    }()

    static let queries = ["users", "now", "balance", "status", "history", "merchants", "policy"]

    func snapshot(_ console: Console) -> [String] {
        var copy = console
        var seen = [copy.savedScenario, copy.prompt]
        for query in Self.queries { seen += copy.handle(query).lines.map(\.text) }
        return seen
    }

    /// How many lines undo steps over: every line but comments (assertions are not undoable).
    func undoable(_ line: String) -> Bool { !line.hasPrefix("#") }

    @Test(arguments: [1, 17, 257, 351, 600])
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
    }

    @Test func undoEverythingThenTypeAgain() {
        var console = Console()
        for line in Self.script { _ = console.handle(line) }
        var undone = 0
        while console.handle(":undo").lines.first?.text != "nothing to undo" { undone += 1 }
        #expect(undone == Self.script.filter(undoable).count)
        #expect(console.session.world.users.isEmpty)
        for line in Self.script.prefix(100) { _ = console.handle(line) }
        var reference = Console()
        for line in Self.script.prefix(100) { _ = reference.handle(line) }
        #expect(snapshot(console) == snapshot(reference))
    }
}
