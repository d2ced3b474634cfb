import WalletCore

/// `help [COMMAND]` (and `:help`): from the command table.
struct HelpCommand: Command {
    var onlyLooks: Bool { true }
    let topic: String?

    static let spec = CommandSpec(
        rank: 210, name: "help", usage: "help [COMMAND | CODE]", summary: "list the commands, explain one with its rules, or say what answers an error code and a shortest way to it",
        examples: ["help", "help pay", "help topup.count_limit"], positionalDynamic: .helpTopics)

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> HelpCommand {
        guard let token = r.optionalPositional() else { return HelpCommand(topic: nil) }
        let name = r.text(token)
        guard HelpCommand.knows(name) else {
            // A dotted word is a code or a rule id (`why` prints ids like `pay.qr`).
            if name.contains(".") {
                let ids = ErrorCode.allCases.map(\.rawValue) + RuleBook.rules.map(\.id)
                // Nothing near: the ids of the same command (`pay.bogus`: pay's).
                let head = name.prefix { $0 != "." } + "."
                let same = RuleBook.rules.map(\.id).filter { $0.hasPrefix(head) }
                let list = same.isEmpty ? "" : "; did you mean one of the rules \(same.joined(separator: ", "))?"
                throw r.error("no code or rule '\(name)'\(didYouMean(name, in: ids, orElse: list))", at: token.offset)
            }
            let hint = didYouMean(name, in: CommandTable.namesAndAliases + ErrorCode.allCases.map(\.rawValue))
            throw r.error("no command '\(name)'\(hint)", at: token.offset)
        }
        return HelpCommand(topic: name)
    }

    static func knows(_ topic: String) -> Bool {
        CommandTable.spec(named: topic) != nil || MetaCommand.names.contains(topic) || ScenarioLine.all.contains { $0.name == topic }
            || ErrorCode(rawValue: topic) != nil || RuleBook.rules.contains { $0.id == topic }
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        .one(TextLines(HelpCommand.lines(for: topic, policy: session.world.policy)))
    }

    /// Help quotes `policy`'s numbers: the session's, so `help topup` after
    /// `policy topup.fee 3%` says 3%.
    static func lines(for name: String?, policy: Policy = Policy()) -> [String] {
        guard let name else { return overview(policy: policy) }
        if let meta = MetaCommand.all.first(where: { $0.name == name }) {
            return ["\(meta.usage)", "  \(meta.summary)"]
        }
        if let line = ScenarioLine.all.first(where: { $0.name == name }) { return line.help }
        if let code = ErrorCode(rawValue: name) { return lines(for: code, policy: policy) }
        if let rule = RuleBook.rules.first(where: { $0.id == name }) { return lines(for: rule, policy: policy) }
        guard let spec = CommandTable.spec(named: name) else { return ["no command \(name)"] }
        return spec.helpLines(policy: policy)
    }

    /// What the keys hold in `policy`: ` (now 100.00)` after a statement that names its one
    /// key, else ` (now pay.lock 3h)`, ` (now pay.attempts 5, pay.lock 3h)`.
    static func currentValues(_ keys: [String], _ policy: Policy, statement: String = "") -> String {
        let values = keys.compactMap { key in policy.value(of: key).map { (key, $0) } }
        guard !values.isEmpty else { return "" }
        if values.count == 1, statement.contains(values[0].0) { return " (now \(values[0].1))" }
        return " (now " + values.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"
    }

    /// `help CODE`: the rules that answer it, in words, with their policy keys.
    static func lines(for code: ErrorCode, policy: Policy = Policy()) -> [String] {
        let rules = RuleBook.rules(answering: code)
        guard !rules.isEmpty else {
            return ["\(code.rawValue): answered outside the rule lists (a lookup, the command line, or a limit of the world);",
                    "  see `help expect` for the codes by command"] + CodeExample.helpLines(for: code)
        }
        var lines = ["\(code.rawValue) is answered by:"]
        for (command, rule) in rules {
            lines.append("  \(command), rule \(rule.id): \(rule.statement)")
            if !rule.policyKeys.isEmpty {
                lines.append("    policy keys: " + rule.policyKeys.map { $0 + currentValues([$0], policy, statement: $0) }.joined(separator: ", "))
            }
        }
        lines.append("  (`help \(rules[0].command)` lists the whole check order; `why` after a failure shows the numbers)")
        return lines + CodeExample.helpLines(for: code)
    }

    /// `help RULE_ID` (`help pay.qr`): the rule's command, code, statement, policy keys with
    /// their values now, and a shortest way to its failure.
    static func lines(for rule: RuleInfo, policy: Policy = Policy()) -> [String] {
        let commands = RuleBook.lists.filter { $0.rules.contains { $0.id == rule.id } }.map(\.command)
        var unique: [String] = []
        for command in commands where !unique.contains(command) { unique.append(command) }
        let command = unique.first ?? rule.id.split(separator: ".").first.map(String.init) ?? rule.id
        let codes = ([rule.code] + rule.alsoAnswers).map(\.rawValue).joined(separator: ", ")
        var lines = ["rule \(rule.id) of \(unique.joined(separator: ", ")): \(rule.statement)", "  answers: \(codes)"]
        if !rule.policyKeys.isEmpty {
            lines.append("  policy keys: " + rule.policyKeys.map { $0 + currentValues([$0], policy, statement: $0) }.joined(separator: ", "))
        }
        lines.append("  (`help \(command)` lists the whole check order; `help \(rule.code.rawValue)` the code's other rules)")
        return lines + CodeExample.helpLines(for: rule)
    }

    static func overview(policy: Policy) -> [String] {
        let width = (CommandTable.all.map { Layout.width($0.name) } + MetaCommand.all.map { Layout.width($0.name) }).max() ?? 0
        var lines = ["commands (help COMMAND for more):"]
        lines += CommandTable.all.map { "  " + Layout.pad($0.name, width) + "  " + $0.summary(for: policy) }
        lines.append("REPL:")
        lines += MetaCommand.all.map { "  " + Layout.pad($0.name, width) + "  " + $0.summary }
        lines.append("scenario files:")
        lines += ScenarioLine.all.map { "  " + Layout.pad($0.name, width) + "  " + $0.summary }
        return lines
    }
}

/// The REPL's own commands: they act on the session, not the world, and are never saved.
public struct MetaCommand: Sendable {
    public let name: String
    public let usage: String
    public let summary: String

    public static let all: [MetaCommand] = [
        MetaCommand(name: ":help", usage: ":help [COMMAND]", summary: "list the commands, or explain one"),
        MetaCommand(name: ":save", usage: ":save FILE", summary: "save the session so far as a scenario with its recorded output"),
        MetaCommand(name: ":load", usage: ":load FILE", summary: "run a scenario file into the current world"),
        MetaCommand(name: ":report", usage: ":report FILE", summary: "write the session as an HTML page: a chart of each user's money and the lines typed"),
        MetaCommand(name: ":undo", usage: ":undo [N]", summary: "take back the last line that changed something, a failed one too, with the queries typed after it (repeatable); N: the last N such lines"),
        MetaCommand(name: ":reach", usage: ":reach TARGET [max:N] [apply]", summary: "the shortest way from here to an error code, rule, event or state within N states (100000; Ctrl-C stops); apply runs it (one :undo step)"),
        MetaCommand(name: ":reset", usage: ":reset", summary: "start again from the default world"),
        MetaCommand(name: ":quit", usage: ":quit", summary: "leave (Ctrl-D too)"),
    ]

    public static var names: [String] { all.map(\.name) }
}

/// Lines a scenario file holds besides commands: read by `ScenarioReader`, not the command table.
struct ScenarioLine: Sendable {
    let name: String
    let summary: String
    let help: [String]

    static let all: [ScenarioLine] = [
        ScenarioLine(name: "include", summary: "run another scenario file's lines here, in the same world", help: [
            "usage: include PATH",
            "  run PATH's lines here, in the same world, with their assertions checked (its recorded output is ignored)",
            "  PATH is relative to the including file (typed or piped: to the working directory); quote a path with spaces",
            "  files named _NAME.scn are include-only: `tourpass run FOLDER` skips them",
            "examples:",
            "  include _verified-visa.scn",
            "  include \"../shared/_setup.scn\"",
        ]),
        ScenarioLine(name: "examples", summary: "`examples:` table: run a file once per row, <column> replaced", help: [
            "usage: examples:   (alone on its line, before the first command; indented rows follow)",
            "  the first row names the columns; each later row is a test named FILE[column=value]",
            "  <column> is replaced in every line but comments; the file holds assertions, not recorded output",
            "examples:",
            "  examples:",
            "    amount  | code",
            "    99.99   | topup.below_minimum",
            "    2000.01 | topup.above_maximum",
        ]),
    ]
}
