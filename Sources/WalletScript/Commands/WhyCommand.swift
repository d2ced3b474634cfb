import WalletCore

/// `why`: explains the last command that ran, rule by rule. A query `expect` skips.
struct WhyCommand: Command {
    var onlyLooks: Bool { true }
    var changesNothing: Bool { true }
    var role: CommandRole { .explanation }

    static let spec = CommandSpec(
        rank: 220, name: "why", usage: "why",
        summary: "explain the last command: each rule it checked with the values it looked at, the one that failed, and how to pass",
        examples: ["topup 2500  # fails: topup.above_maximum", "why"], exampleSetup: ["user alice", "verify", "card visa"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> WhyCommand { WhyCommand() }

    func run(in session: inout Session) throws(WalletError) -> Output {
        .one(TextLines(WhyCommand.lines(session)))
    }

    static func lines(_ session: Session) -> [String] {
        if let diagnostic = session.unparsed { return ["the last line did not parse: \(diagnostic.rendered)"] }
        guard let command = session.lastAction, let result = session.lastResult else { return ["why: nothing has run yet"] }
        // The line as typed, secrets hidden; a replayed command (after `:undo`) has none.
        let name = session.lastSource.map(Secrets.shown) ?? command.statementText ?? "the last command"
        switch result {
        case .success:
            // The world moved on: the rules are listed as held, without their values then.
            guard let explanation = command.explanation(in: session, failedRule: nil) else {
                if session.lastActionSwitched, let user = session.currentUserName {
                    return ["\(name) switched to the existing user \(user); a switch signs no one up and checks no rule"]
                }
                return ["\(name) succeeded; it checks no rule list"]
            }
            var lines = ["\(name) succeeded: every rule held"]
            lines += explanation.steps.map { "  ✓ \($0.rule.id)  \($0.rule.statement)" }
            return lines
        case .failure(let error):
            guard let rule = error.rule, let explanation = command.explanation(in: session, failedRule: rule) else {
                return ["\(name) failed with \(error.code.rawValue): \(error.message)",
                        "  (a check outside the rule lists: \(error.code.rawValue); `help \(error.code.rawValue)`)"]
            }
            var lines = ["\(name) failed with \(error.code.rawValue) (rule \(rule)): \(error.message)"]
            for step in explanation.steps {
                let looked = step.looked.isEmpty ? "" : ": " + step.looked
                switch step.verdict {
                case .held: lines.append("  ✓ \(step.rule.id)  \(step.rule.statement)\(looked)")
                case .failed:
                    lines.append("  ✗ \(step.rule.id)  \(step.rule.statement)\(looked)")
                    if !step.remedy.isEmpty { lines.append("    to pass: \(step.remedy)") }
                case .notReached: lines += notReached(step)
                }
            }
            return lines
        }
    }

    /// A rule the command did not check: what it would say, as a forecast (its statement
    /// alone would read as a fact), and its way to pass when it would fail too.
    static func notReached(_ step: Explanation.Step) -> [String] {
        let head = "  · \(step.rule.id)  not reached"
        let looked = step.looked.isEmpty ? "" : ": " + step.looked
        switch step.forecast {
        case .wouldPass: return ["\(head) (would pass\(looked))"]
        case .wouldFail:
            return ["\(head) (would also fail\(looked))"] + (step.remedy.isEmpty ? [] : ["    to pass: \(step.remedy)"])
        case .cannotJudge(let missing): return ["\(head) (cannot be judged: \(missing))"]
        case nil: return ["\(head): whether \(step.rule.statement)"]
        }
    }
}
