import WalletCore

/// `help CODE`'s example: a shortest script from a fresh world that ends with the code,
/// found by `explore` when asked (one search of at most `limits` for each rule answering
/// the code; a few thousand states for most), so the example follows the rules and the
/// moves as they are; the few whose search goes deep are kept (`KnownExamples`), checked
/// against the search by a test.
public enum CodeExample {
    public static let limits = SearchLimits(maxDepth: 12, maxStates: 200_000)

    /// Rules the explorer never fails because `policy` is not one of its moves: a line that
    /// fails by each (checked by a test).
    static let policyLines: [String: String] = [
        "policy.key": "policy topup.fees 3%",
        "policy.value": "policy topup.fee lots",
        "policy.min_max": "policy topup.min 3000",
        "policy.min_total": "policy topup.total 50",
    ]

    /// The policy line for a target no search reaches: by its rule, or a code's first rule.
    static func policyLine(for target: ExploreTarget) -> String? {
        switch target {
        case .code(let code): return RuleBook.rules(answering: code).first.flatMap { policyLines[$0.rule.id] }
        case .rule(let rule, _): return policyLines[rule.id]
        case .event, .state: return nil
        }
    }

    /// The script (its last line `expect error CODE`), or why there is none.
    public static func script(for code: ErrorCode, limits: SearchLimits = limits) -> Result<[String], ExploreProblem> {
        script(for: .code(code), limits: limits)
    }

    /// The script that reaches `target` from a fresh world, closed by its assertion.
    public static func script(for target: ExploreTarget, limits: SearchLimits = limits, searched: Bool = false) -> Result<[String], ExploreProblem> {
        scripts(for: [target], limits: limits, searched: searched)[0]
    }

    /// What the search finds for targets whose search goes deep (seconds in a debug build,
    /// where `help` should answer at once): shown as they are. `CodeExampleTests` searches
    /// each and fails, printing the new script, when the rules or the moves change it.
    static let known: [String: [String]] = KnownExamples.scripts

    static func knownKey(_ target: ExploreTarget) -> String? {
        switch target {
        case .code(let code): return "code " + code.rawValue
        case .rule(let rule, let code): return "rule \(rule.id) \((code ?? rule.code).rawValue)"
        case .event, .state: return nil
        }
    }

    /// The scripts for several targets, in order. Targets that start from the same policy
    /// and search the same cone share one search (as `explore --all` groups them): the same
    /// answers as one search each, and a code's deepest rule costs what it alone would.
    /// `searched`: search even where a known script is kept (its test does).
    public static func scripts(for targets: [ExploreTarget], limits: SearchLimits = limits, searched: Bool = false) -> [Result<[String], ExploreProblem>] {
        var results = [Result<[String], ExploreProblem>](repeating: .failure(ExploreProblem("not searched")), count: targets.count)
        var groups: [(prelude: [String], session: Session, cone: Cone, members: [Int])] = []
        let sources = MoveSource.all
        for (index, target) in targets.enumerated() {
            if let line = policyLine(for: target) { results[index] = .success([line, target.closing]); continue }
            if !searched, let key = knownKey(target), let script = known[key] { results[index] = .success(script); continue }
            var session = Session()
            var prelude: [String] = []
            // A target the default policy keeps out of reach starts with the change that allows it.
            if let change = Unreachable.whatIf(for: target, policy: session.world.policy) {
                let line = "policy \(change.key) \(change.value)"
                guard case .success(let outcome?) = session.run(line: line), outcome.error == nil else {
                    results[index] = .failure(ExploreProblem("\(line) does not apply"))
                    continue
                }
                prelude.append(line)
            }
            if let reason = Unreachable.reason(for: target, policy: session.world.policy) {
                results[index] = .failure(ExploreProblem(reason))
                continue
            }
            let cone = target.cone(sources)
            if let group = groups.firstIndex(where: { $0.prelude == prelude && $0.cone == cone }) {
                groups[group].members.append(index)
            } else {
                groups.append((prelude, session, cone, [index]))
            }
        }
        for group in groups {
            var explorer = Explorer(start: group.session, sources: sources, limits: limits)
            let result = explorer.search(for: group.members.map { targets[$0] }, cone: group.cone)
            for (reach, index) in zip(result.reaches, group.members) {
                guard let path = reach.path else {
                    results[index] = .failure(ExploreProblem("none within \(ExploreReport.grouped(result.states)) states; `tourpass explore --reach \(reach.target)` searches further"))
                    continue
                }
                results[index] = .success(group.prelude + path + [ExploreStart(session: group.session).closingLine(for: reach.target, after: path)])
            }
        }
        return results
    }

    /// What `help CODE` adds: one script, or one for each rule when several answer the code.
    public static func helpLines(for code: ErrorCode) -> [String] {
        let rules = RuleBook.rules(answering: code).map(\.rule)
        let how = policyLine(for: .code(code)) == nil ? "as `tourpass explore --reach \(code.rawValue)` finds it" : "policy is no move of explore"
        guard rules.count > 1 else {
            switch script(for: code) {
            case .success(let lines):
                return ["a shortest way there from a fresh world (\(how); `:reset` first in the REPL):"] + lines.map { "  " + $0 }
            case .failure(let problem):
                return ["no short example: \(problem.message)"]
            }
        }
        let each = policyLine(for: .code(code)) == nil ? "as `tourpass explore` finds each" : how
        var lines = ["a shortest way there by each rule, from a fresh world (\(each); `:reset` first in the REPL):"]
        for (rule, script) in zip(rules, scripts(for: rules.map { .rule($0, code: code) })) {
            switch script {
            case .success(let script): lines += ["  by \(rule.id):"] + script.map { "    " + $0 }
            case .failure(let problem): lines.append("  by \(rule.id): no short example: \(problem.message)")
            }
        }
        return lines
    }

    /// What `help RULE_ID` adds: a shortest way to a failure by that rule.
    public static func helpLines(for rule: RuleInfo) -> [String] {
        let how = policyLine(for: .rule(rule)) == nil ? "as `tourpass explore --reach \(rule.id)` finds it" : "policy is no move of explore"
        switch script(for: .rule(rule, code: rule.code)) {
        case .success(let lines):
            return ["a shortest way there from a fresh world (\(how); `:reset` first in the REPL):"] + lines.map { "  " + $0 }
        case .failure(let problem):
            return ["no short example: \(problem.message)"]
        }
    }
}
