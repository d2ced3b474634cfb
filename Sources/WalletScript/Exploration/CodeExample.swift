import WalletCore

/// `help CODE`'s example: a shortest script from a fresh world that ends with the code,
/// found by `explore` when asked (one search of at most `limits`; a few thousand states for
/// most codes). Nothing is stored, so the example follows the rules and the moves as they are.
public enum CodeExample {
    public static let limits = SearchLimits(maxDepth: 12, maxStates: 200_000)

    /// Codes the explorer never reaches because `policy` is not one of its moves: a line
    /// that answers each (checked by a test).
    static let policyLines: [ErrorCode: String] = [
        .policyUnknownKey: "policy topup.fees 3%",
        .policyBadValue: "policy topup.fee lots",
        .policyConflict: "policy topup.min 3000",
    ]

    /// The script (its last line `expect error CODE`), or why there is none.
    public static func script(for code: ErrorCode, limits: SearchLimits = limits) -> Result<[String], ExploreProblem> {
        if let line = policyLines[code] { return .success([line, "expect error \(code.rawValue)"]) }
        var session = Session()
        var prelude: [String] = []
        // A code the default policy keeps out of reach starts with the change that allows it.
        if let change = Unreachable.whatIf(for: code, policy: session.world.policy) {
            let line = "policy \(change.key) \(change.value)"
            guard case .success(let outcome?) = session.run(line: line), outcome.error == nil else {
                return .failure(ExploreProblem("\(line) does not apply"))
            }
            prelude.append(line)
        }
        let target = ExploreTarget.code(code)
        if let reason = Unreachable.reason(for: target, policy: session.world.policy) { return .failure(ExploreProblem(reason)) }
        var explorer = Explorer(start: session, limits: limits)
        let result = explorer.search(for: [target])
        guard let path = result.reaches.first?.path else {
            return .failure(ExploreProblem("none within \(ExploreReport.grouped(result.states)) states; `tourpass explore --reach \(code.rawValue)` searches further"))
        }
        return .success(prelude + path + [ExploreStart(session: session).closingLine(for: target, after: path)])
    }

    /// What `help CODE` adds.
    public static func helpLines(for code: ErrorCode) -> [String] {
        switch script(for: code) {
        case .success(let lines):
            let how = policyLines[code] == nil ? "as `tourpass explore --reach \(code.rawValue)` finds it" : "policy is no move of explore"
            return ["a shortest way there from a fresh world (\(how); `:reset` first in the REPL):"] + lines.map { "  " + $0 }
        case .failure(let problem):
            return ["no short example: \(problem.message)"]
        }
    }
}
