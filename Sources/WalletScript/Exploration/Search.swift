import WalletCore

/// How far a search may go.
public struct SearchLimits: Sendable, Equatable {
    public var maxDepth: Int
    public var maxStates: Int

    public static let defaults = SearchLimits(maxDepth: 12, maxStates: 1_000_000)
    /// The REPL waits on a search: a budget of seconds, not minutes (`:reach TARGET max:N` raises it).
    public static let repl = SearchLimits(maxDepth: 12, maxStates: 100_000)

    public init(maxDepth: Int, maxStates: Int) {
        self.maxDepth = maxDepth
        self.maxStates = maxStates
    }
}

/// Why a search stopped.
public enum SearchStop: Sendable, Equatable {
    /// Every target was reached.
    case reached
    /// No new state is left: what was not reached cannot be, with these moves.
    case exhausted
    case maxDepth(Int)
    case maxStates(Int)
    /// Asked to stop (Ctrl-C in the REPL) after this many states.
    case stopped(Int)

    /// Why the search ended, for `explore`'s error line, `--all`'s summary and `--bench`.
    public var explanation: String { explanation(interruptedBy: "Ctrl-C") }

    /// The same, naming what interrupted a stopped search: only the REPL's `:reach` can be
    /// stopped (`tourpass explore` sets no `shouldStop`: Ctrl-C ends it, as any command), and
    /// it names the signal (`interrupted by SIGTERM after 1,024 states`).
    public func explanation(interruptedBy cause: String) -> String {
        switch self {
        case .reached: return "reached"
        case .exhausted: return "no sequence of moves reaches it: every state reachable with the moves was searched"
        case .maxDepth(let depth): return "the search stopped at --max-depth \(depth)"
        case .maxStates(let states): return "the search stopped at --max-states \(ExploreReport.grouped(states))"
        case .stopped(let states): return "interrupted by \(cause) after \(ExploreReport.grouped(states)) states"
        }
    }
}

/// Where the search is, for a progress line.
public struct SearchProgress: Sendable {
    public let states: Int
    public let moves: Int
    public let depth: Int
    public let seconds: Double
    public var statesPerSecond: Int { seconds > 0 ? Int(Double(states) / seconds) : 0 }
}

/// One target's answer.
public struct Reach: Sendable {
    public let target: ExploreTarget
    /// The shortest sequence of command lines, nil when not reached.
    public let path: [String]?
    /// Distinct states seen when it was reached (or in all).
    public let states: Int
}

/// The outcome of one breadth-first search.
public struct SearchResult: Sendable {
    public let reaches: [Reach]
    public let stop: SearchStop
    public let states: Int
    public let moves: Int
    public let depth: Int
    public let seconds: Double
    public let cone: Cone
}

/// Breadth-first search over the moves of the command table, as TLC does over a
/// specification: states deduplicated by fingerprint, levels in order, moves in the order
/// the table offers them. The first sequence found for a target is a shortest one, and of
/// the shortest the first in move order, so the same arguments give the same answer.
public struct Explorer {
    public let start: Session
    public let sources: [MoveSource]
    public var limits: SearchLimits
    /// Called about five times a second while searching.
    public var progress: ((SearchProgress) -> Void)?
    /// Asked every few hundred moves; true stops the search where it is (Ctrl-C in the REPL).
    public var shouldStop: (() -> Bool)?

    /// Lines are parsed once each; a search revisits the same few hundred lines. Keyed by
    /// the exact text: `pay 5 to:Café` and `pay 5 to:Cafe` + U+0301 pay two merchants.
    private var lineIDs: [ExactText: Int32] = [:]
    private var lines: [String] = []
    private var commands: [AnyCommand] = []

    public init(start: Session, sources: [MoveSource] = MoveSource.all, limits: SearchLimits = .defaults) {
        self.start = start
        self.sources = sources
        self.limits = limits
    }

    private mutating func intern(_ line: String) -> Int32? {
        if let id = lineIDs[ExactText(line)] { return id }
        guard case .success(let command?) = CommandTable.parse(line) else { return nil }
        let id = Int32(lines.count)
        lines.append(line)
        commands.append(command)
        lineIDs[ExactText(line)] = id
        return id
    }

    /// Searches for every target at once, within the cone that covers them all.
    public mutating func search(for targets: [ExploreTarget], cone: Cone? = nil) -> SearchResult {
        let cone = cone ?? Explorer.cone(for: targets, sources: sources)
        let active = sources.filter { cone.commands.contains($0.command) }
        let cardWords = Explorer.cardWords(preferring: targets.compactMap(\.cardWord))
        let clock = ContinuousClock()
        let began = clock.now
        var lastReport = began
        func elapsed() -> Double {
            let d = clock.now - began
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }

        var found: [Int: (path: [String], states: Int)] = [:]
        for (index, target) in targets.enumerated() where target.holdsAtStart(start) { found[index] = ([], 1) }

        var visited = Set<StateFingerprint>()
        visited.reserveCapacity(min(limits.maxStates, 1 << 20) + 1)
        visited.insert(start.world.fingerprint(extra: start.currentUser?.index ?? -1))
        var parent: [Int32] = [-1]
        var moveOf: [Int32] = [-1]
        var frontier: [(session: Session, node: Int32)] = [(start, 0)]
        var buffer: [String] = []
        var movesTried = 0
        var depth = 0
        var stop = SearchStop.exhausted

        func path(to node: Int32, then last: Int32) -> [String] {
            var ids = [last]
            var at = node
            while at > 0 { ids.append(moveOf[Int(at)]); at = parent[Int(at)] }
            return ids.reversed().map { lines[Int($0)] }
        }

        search: while found.count < targets.count {
            guard depth < limits.maxDepth else { stop = .maxDepth(limits.maxDepth); break }
            guard !frontier.isEmpty else { stop = .exhausted; break }
            depth += 1
            var next: [(session: Session, node: Int32)] = []
            for (session, node) in frontier {
                let context = MoveContext(world: session.world, current: session.currentUser, maxUsers: cone.maxUsers, cardWords: cardWords)
                buffer.removeAll(keepingCapacity: true)
                for source in active { source.offer(context, &buffer) }
                for line in buffer {
                    guard let id = intern(line) else { continue }
                    var after = session
                    let outcome = Explorer.run(commands[Int(id)], in: &after)
                    movesTried += 1
                    if movesTried & 255 == 0, let shouldStop, shouldStop() { stop = .stopped(visited.count); break search }
                    for (index, target) in targets.enumerated() where found[index] == nil && target.matches(outcome, after) {
                        found[index] = (path(to: node, then: id), visited.count)
                    }
                    if found.count == targets.count { stop = .reached; break search }
                    if visited.insert(after.world.fingerprint(extra: after.currentUser?.index ?? -1)).inserted {
                        parent.append(node)
                        moveOf.append(id)
                        next.append((after, Int32(parent.count - 1)))
                        if visited.count >= limits.maxStates { stop = .maxStates(limits.maxStates); break search }
                    }
                    if let progress, movesTried & 4095 == 0, clock.now - lastReport > .milliseconds(200) {
                        lastReport = clock.now
                        progress(SearchProgress(states: visited.count, moves: movesTried, depth: depth, seconds: elapsed()))
                    }
                }
            }
            frontier = next
        }
        if found.count == targets.count { stop = .reached }
        let reaches = targets.enumerated().map { index, target in
            Reach(target: target, path: found[index]?.path, states: found[index]?.states ?? visited.count)
        }
        return SearchResult(reaches: reaches, stop: stop, states: visited.count, moves: movesTried, depth: depth,
                            seconds: elapsed(), cone: cone)
    }

    /// The moves offered in a state, in order: what a search tries, and random walks pick from.
    public static func moves(in session: Session, sources: [MoveSource] = MoveSource.all, maxUsers: Int = 2,
                             cardWords: [String] = cardWords(preferring: [])) -> [String] {
        let context = MoveContext(world: session.world, current: session.currentUser, maxUsers: maxUsers, cardWords: cardWords)
        var moves: [String] = []
        for source in sources { source.offer(context, &moves) }
        return moves
    }

    /// Runs a move straight on the session: what `Session.run` does less the statement's
    /// attempt log and `expect`'s memory, which no rule reads and a search never asks.
    @inline(__always)
    static func run(_ command: AnyCommand, in session: inout Session) -> Outcome {
        do throws(WalletError) {
            return Outcome(output: try command.run(in: &session))
        } catch {
            return Outcome(output: [], error: error)
        }
    }

    /// The union of the targets' cones.
    public static func cone(for targets: [ExploreTarget], sources: [MoveSource]) -> Cone {
        let cones = targets.map { $0.cone(sources) }
        return Cone(commands: cones.reduce(Set()) { $0.union($1.commands) }, parts: cones.reduce(Set()) { $0.union($1.parts) })
    }

    /// Working sandbox words in table order, the ones a target names first.
    public static func cardWords(preferring preferred: [String]) -> [String] {
        let working = ["visa", "mastercard", "jcb", "diners", "unionpay"]
        let first = working.filter { preferred.contains($0) }
        return first + working.filter { !first.contains($0) }
    }
}

/// A string as a dictionary key that compares code point by code point (`Names.same`), not
/// by canonical equivalence as `String` does. Its hash is the string's, which canonically
/// equal strings share: they only fall in one bucket.
struct ExactText: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: ExactText, b: ExactText) -> Bool { Names.same(a.text, b.text) }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
