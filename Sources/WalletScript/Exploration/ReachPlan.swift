import Foundation
import WalletCore

/// `:reach TARGET [apply]` in the REPL: the shortest continuation from the current world.
public struct ReachPlan {
    /// The lines to print (or, with apply, to print before running).
    public let message: [String]
    /// The commands to run, then the closing assertion; empty when there is nothing to run.
    public let lines: [String]
    public let apply: Bool

    /// Reads `TARGET`, `TARGET apply` and `TARGET max:N` (the target may be quoted) and
    /// searches from `session` within `limits` (`max:N` replaces its state budget).
    public static func make(_ argument: String, from session: Session, limits: SearchLimits = .repl,
                            hooks: SearchHooks = SearchHooks()) -> ReachPlan {
        var text = argument.trimmingCharacters(in: .whitespaces)
        var apply = false
        var limits = limits
        while true {
            if text.hasSuffix(" apply") {
                apply = true
                text = String(text.dropLast(" apply".count)).trimmingCharacters(in: .whitespaces)
            } else if let space = text.lastIndex(of: " "), text[text.index(after: space)...].hasPrefix("max:") {
                let value = text[text.index(after: space)...].dropFirst(4).filter { $0 != "," && $0 != "_" }
                guard let states = Int(value), states > 0, states <= 100_000_000 else {
                    return ReachPlan(message: ["`max:` takes a number of states from 1 to 100,000,000 (`:reach TARGET max:1000000`)"], lines: [], apply: false)
                }
                limits.maxStates = states
                text = String(text[..<space]).trimmingCharacters(in: .whitespaces)
            } else {
                break
            }
        }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        guard !text.isEmpty else {
            return ReachPlan(message: [":reach needs a TARGET: an error code, a rule id, an event or a state (:reach TARGET apply runs the way there)"], lines: [], apply: false)
        }
        let target: ExploreTarget
        switch ExploreTarget.parse(text) {
        case .success(let parsed): target = parsed
        case .failure(let problem): return ReachPlan(message: [problem.message], lines: [], apply: false)
        }
        if let reason = Unreachable.reason(for: target, policy: session.world.policy, inREPL: true) {
            return ReachPlan(message: ["\(target) cannot be reached: \(reason)"], lines: [], apply: false)
        }
        var explorer = Explorer(start: session, limits: limits)
        explorer.progress = hooks.progress
        explorer.shouldStop = hooks.shouldStop
        let result = explorer.search(for: [target])
        let quoted = text.contains(" ") ? "\"\(text)\"" : text
        guard let path = result.reaches.first?.path else {
            let states = ExploreReport.grouped(result.states)
            let why: String
            switch result.stop {
            // Asked to stop: no budget ran out, so none is suggested.
            case .stopped: why = ": \(result.stop.explanation(interruptedBy: hooks.stopCause)) (depth \(result.depth)), not reached"
            case .maxStates(let budget):
                why = " not reached within \(ExploreReport.grouped(budget)) states (depth \(result.depth)); :reach \(quoted) max:\(budget * 10) searches ten times as many"
            case .maxDepth(let depth): why = " not reached within \(depth) moves (\(states) states)"
            case .exhausted, .reached: why = " not reached from here: \(result.stop.explanation) (\(states) states, depth \(result.depth))"
            }
            return ReachPlan(message: ["\(target)\(why)"], lines: [], apply: false)
        }
        guard !path.isEmpty else { return ReachPlan(message: ["\(target) holds already"], lines: [], apply: false) }
        let closing = ExploreStart(session: session).closingLine(for: target, after: path)
        let count = "\(path.count) command\(path.count == 1 ? "" : "s")"
        if apply {
            return ReachPlan(message: ["reaching \(target) in \(count) (:undo takes them all back):"], lines: path + [closing], apply: true)
        }
        return ReachPlan(message: ["\(target) in \(count) (\(ExploreReport.grouped(result.states)) states searched; :reach \(quoted) apply runs them):"]
                            + (path + [closing]).map { "  " + $0 }, lines: [], apply: false)
    }
}

/// What the REPL lends a search: a progress line and Ctrl-C.
public struct SearchHooks {
    public var progress: ((SearchProgress) -> Void)?
    /// Ctrl-C: a search stops where it is, a `:load` or `include` between two lines.
    public var shouldStop: (() -> Bool)?
    /// A `:load` or `include` under way: lines run so far and in all (every 256 lines).
    public var loadProgress: ((_ done: Int, _ total: Int) -> Void)?
    /// What made `shouldStop` true, for the message (`Ctrl-C`, `SIGTERM`): asked once it did.
    public var stoppedBy: (() -> String)?

    public init(progress: ((SearchProgress) -> Void)? = nil, shouldStop: (() -> Bool)? = nil,
                loadProgress: ((_ done: Int, _ total: Int) -> Void)? = nil, stoppedBy: (() -> String)? = nil) {
        self.progress = progress
        self.shouldStop = shouldStop
        self.loadProgress = loadProgress
        self.stoppedBy = stoppedBy
    }

    /// `Ctrl-C` unless the REPL names another signal.
    public var stopCause: String { stoppedBy?() ?? "Ctrl-C" }
}
