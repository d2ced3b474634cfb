import Foundation
import WalletCore

/// `:reach TARGET [apply]` in the REPL: the shortest continuation from the current world.
public struct ReachPlan {
    /// The lines to print (or, with apply, to print before running).
    public let message: [String]
    /// The commands to run, then the closing assertion; empty when there is nothing to run.
    public let lines: [String]
    public let apply: Bool

    /// Reads `TARGET` or `TARGET apply` (the target may be quoted) and searches from `session`.
    public static func make(_ argument: String, from session: Session, limits: SearchLimits = .defaults) -> ReachPlan {
        var text = argument.trimmingCharacters(in: .whitespaces)
        var apply = false
        if text.hasSuffix(" apply") {
            apply = true
            text = String(text.dropLast(" apply".count)).trimmingCharacters(in: .whitespaces)
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
        let result = explorer.search(for: [target])
        guard let path = result.reaches.first?.path else {
            return ReachPlan(message: ["\(target) not reached from here: \(result.stop.explanation) (\(ExploreReport.grouped(result.states)) states, depth \(result.depth))"], lines: [], apply: false)
        }
        guard !path.isEmpty else { return ReachPlan(message: ["\(target) holds already"], lines: [], apply: false) }
        let closing = ExploreStart(session: session).closingLine(for: target, after: path)
        let count = "\(path.count) command\(path.count == 1 ? "" : "s")"
        if apply {
            return ReachPlan(message: ["reaching \(target) in \(count) (:undo takes them all back):"], lines: path + [closing], apply: true)
        }
        return ReachPlan(message: ["\(target) in \(count) (\(ExploreReport.grouped(result.states)) states searched; :reach \(text.contains(" ") ? "\"\(text)\"" : text) apply runs them):"]
                            + (path + [closing]).map { "  " + $0 }, lines: [], apply: false)
    }
}
