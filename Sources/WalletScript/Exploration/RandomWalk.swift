import Foundation
import WalletCore

/// `explore --random`: seeded random walks over the explorer's moves, checking the ledger
/// invariants and the determinism of replay after every step, as stateful property-based
/// testers do. A violation is shrunk (drop commands, then shrink amounts and durations)
/// while the same invariant still breaks, and kept as a scenario.
public struct RandomWalks {
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        public var walks = 1_000
        public var steps = 40
        public init(seed: UInt64 = 1, walks: Int = 1_000, steps: Int = 40) {
            self.seed = seed
            self.walks = walks
            self.steps = steps
        }
    }

    /// A broken invariant, shrunk.
    public struct Violation: Sendable {
        /// What broke, as the check says it.
        public let problem: String
        /// The shrunk sequence of lines; the last one breaks it.
        public let lines: [String]
        /// The walk as found, before shrinking.
        public let foundLength: Int
        public let walk: Int
    }

    public struct Report: Sendable {
        public let walks: Int
        public let steps: Int
        public let codesSeen: Set<ErrorCode>
        public let commandsSucceeded: Set<String>
        public let violation: Violation?
    }

    public let start: ExploreStart
    public let options: Options

    public init(start: ExploreStart, options: Options) {
        self.start = start
        self.options = options
    }

    public func run() -> Report {
        var random = SplitMix64(seed: options.seed)
        var codes = Set<ErrorCode>()
        var succeeded = Set<String>()
        var stepsRun = 0
        for walk in 0..<options.walks {
            var session = start.session
            var lines: [String] = []
            var planned: [String] = []
            for _ in 0..<options.steps {
                // A plan (`WalkBursts`) runs its lines one step each; the walk may end inside it.
                if planned.isEmpty {
                    guard let picked = RandomWalks.pick(in: session, using: &random) else { break }
                    planned = picked
                }
                let line = planned.removeFirst()
                lines.append(line)
                stepsRun += 1
                let before = session
                guard case .success(let outcome?) = session.run(line: line) else { continue }
                if let code = outcome.error?.code { codes.insert(code) } else { succeeded.insert(String(line.prefix { $0 != " " })) }
                if let problem = RandomWalks.problem(after: outcome, session, before: before, line: line) {
                    let shrunk = shrink(lines, problem: problem)
                    return Report(walks: walk + 1, steps: stepsRun, codesSeen: codes, commandsSucceeded: succeeded,
                                  violation: Violation(problem: firstProblem(shrunk) ?? problem, lines: shrunk,
                                                       foundLength: lines.count, walk: walk + 1))
                }
            }
            // The whole walk again from the start: the same output, the same world.
            if let problem = replayProblem(lines) {
                return Report(walks: walk + 1, steps: stepsRun, codesSeen: codes, commandsSucceeded: succeeded,
                              violation: Violation(problem: problem, lines: lines, foundLength: lines.count, walk: walk + 1))
            }
        }
        return Report(walks: options.walks, steps: stepsRun, codesSeen: codes, commandsSucceeded: succeeded, violation: nil)
    }

    /// A command first (each offering moves equally likely, and the plans of `WalkBursts`
    /// as one more), then one of its moves: a command with many variants is not picked more
    /// often for it. A move is one line; a plan, several.
    static func pick(in session: Session, using random: inout SplitMix64) -> [String]? {
        var groups: [[[String]]] = []
        for source in MoveSource.all {
            let moves = Explorer.moves(in: session, sources: [source])
            if !moves.isEmpty { groups.append(moves.map { [$0] }) }
        }
        let plans = WalkBursts.offers(in: session)
        if !plans.isEmpty { groups.append(plans) }
        guard !groups.isEmpty else { return nil }
        let group = groups[Int(random.next() % UInt64(groups.count))]
        return group[Int(random.next() % UInt64(group.count))]
    }

    /// An invariant the step broke, or the step giving something else when run again from
    /// the same state.
    static func problem(after outcome: Outcome, _ session: Session, before: Session, line: String) -> String? {
        if let broken = session.world.invariantViolations().first { return broken }
        var again = before
        guard case .success(let second?) = again.run(line: line) else { return "`\(line)` no longer parses on a second run" }
        if second.lines != outcome.lines || fingerprint(again) != fingerprint(session) {
            return "`\(line)` gave a different result when run again from the same state"
        }
        return nil
    }

    static func fingerprint(_ session: Session) -> StateFingerprint {
        session.world.fingerprint(extra: session.currentUser?.index ?? -1)
    }

    /// The first problem running `lines` from the start meets, or nil.
    func firstProblem(_ lines: [String]) -> String? {
        var session = start.session
        for line in lines {
            let before = session
            guard case .success(let outcome?) = session.run(line: line) else { continue }
            if let problem = RandomWalks.problem(after: outcome, session, before: before, line: line) { return problem }
        }
        return nil
    }

    private func replayProblem(_ lines: [String]) -> String? {
        func transcript() -> ([[OutputLine]], StateFingerprint) {
            var session = start.session
            var output: [[OutputLine]] = []
            for line in lines {
                if case .success(let outcome?) = session.run(line: line) { output.append(outcome.lines) } else { output.append([]) }
            }
            return (output, RandomWalks.fingerprint(session))
        }
        let (a, b) = (transcript(), transcript())
        return a.0 == b.0 && a.1 == b.1 ? nil : "replaying the walk from the start gave different output"
    }

    /// The same invariant, whatever its numbers: `visa ••1111 got back # fen but paid in #`.
    static func kind(of problem: String) -> String {
        String(problem.map { $0.isNumber ? "#" : $0 }).replacingOccurrences(of: "##", with: "#")
    }

    /// Shrinks while the same kind of problem still shows: cut after it, drop chunks of
    /// commands (halves, then quarters, down to single lines), then shrink each amount and
    /// duration to the smallest value that still breaks it.
    func shrink(_ found: [String], problem: String) -> [String] {
        let wanted = RandomWalks.kind(of: problem)
        func fails(_ lines: [String]) -> Bool {
            firstProblem(lines).map { RandomWalks.kind(of: $0) == wanted } ?? false
        }
        var lines = found
        func dropChunks() {
            var chunk = max(1, lines.count / 2)
            while chunk >= 1 {
                var index = 0
                var removed = false
                while index < lines.count {
                    var candidate = lines
                    candidate.removeSubrange(index..<min(lines.count, index + chunk))
                    if fails(candidate) { lines = candidate; removed = true } else { index += chunk }
                }
                if !removed { chunk /= 2 }
            }
        }
        dropChunks()
        // Two clock moves in a row become one (`advance 31d`, `advance 59d`: `advance 90d`).
        var index = 0
        while index + 1 < lines.count {
            if let a = RandomWalks.advanceMinutes(lines[index]), let b = RandomWalks.advanceMinutes(lines[index + 1]) {
                var candidate = lines
                candidate.replaceSubrange(index...index + 1, with: ["advance " + SimDuration(minutes: a + b).description])
                if fails(candidate) { lines = candidate; continue }
            }
            index += 1
        }
        dropChunks()
        var improved = true
        while improved {
            improved = false
            for index in lines.indices {
                for smaller in RandomWalks.smaller(lines[index]) {
                    var candidate = lines
                    candidate[index] = smaller
                    if fails(candidate) { lines = candidate; improved = true; break }
                }
            }
        }
        return lines
    }

    static func advanceMinutes(_ line: String) -> Int64? {
        let words = line.split(separator: " ")
        guard words.count == 2, words[0] == "advance", case .success(let span) = SimDuration.parse(words[1]) else { return nil }
        return span.minutes
    }

    /// The line with its amount or duration made smaller, smallest first.
    static func smaller(_ line: String) -> [String] {
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count >= 2 else { return [] }
        let command = words[0]
        var values: [String] = []
        if ["topup", "pay", "refund", "transfer"].contains(command), case .success(let money) = Money.parse(words[1]) {
            var fen = money.fen
            var candidates: [Int64] = [1, 100, 10_000]
            while fen > 1 { fen /= 2; candidates.append(fen) }
            candidates.append(contentsOf: [money.fen - 100, money.fen - 1])
            values = Set(candidates.filter { $0 >= 1 && $0 < money.fen }).sorted().map(MoveText.amount)
        } else if command == "advance", case .success(let span) = SimDuration.parse(Substring(words[1])) {
            var minutes = span.minutes
            var candidates: [Int64] = [1, 60, 1_440]
            while minutes > 1 { minutes /= 2; candidates.append(minutes) }
            candidates.append(span.minutes / 1_440 * 1_440)
            values = Set(candidates.filter { $0 >= 1 && $0 < span.minutes }).sorted().map { SimDuration(minutes: $0).description }
        }
        return values.map { value in
            words[1] = value
            return words.joined(separator: " ")
        }
    }

    /// The violation as a scenario: its lines with their recorded output, and the problem
    /// named under the line that broke it. `tourpass run --check-invariants` fails on it
    /// until the bug is fixed.
    public func scenario(for violation: Violation) -> String {
        var text = "# explore --random --seed \(options.seed): walk \(violation.walk) broke an invariant; \(violation.foundLength) steps shrunk to \(violation.lines.count)\n"
        text += "# broken: \(violation.problem)\n"
        var session = start.session
        for (source, output) in start.prelude {
            text += source + "\n" + output.map { "| " + $0 + "\n" }.joined()
        }
        for line in violation.lines {
            let before = session
            text += line + "\n"
            guard case .success(let outcome?) = session.run(line: line) else { continue }
            text += outcome.lines.map { $0.text.isEmpty ? "|\n" : "| \($0.text)\n" }.joined()
            if let problem = RandomWalks.problem(after: outcome, session, before: before, line: line) {
                text += "# ^ invariant broken here: \(problem)\n"
                break
            }
        }
        return text
    }
}
