import WalletCore

/// A parsed line: what to do, with every value already checked and converted. Each command
/// is a value of its own type, in its own file beside its `CommandSpec`.
public protocol Command: Sendable {
    /// How `expect` and the error judge see the line (default: an action).
    var role: CommandRole { get }
    /// A line that only reads the session (a query, `help`, `why`): `:undo` steps over it to
    /// the last line that changed something, failed attempts included (default: false).
    var onlyLooks: Bool { get }
    /// Runs on the session and says what happened as values; nothing here builds text.
    func run(in session: inout Session) throws(WalletError) -> Output
    /// A command a user tries on their own account (kept for `history`); not queries, the
    /// clock, policy or merchants.
    var isAttempt: Bool { get }
    /// `user`: its attempt belongs to the user it signs up, and a switch to an existing user
    /// (it sets `session.lastActionSwitched`) is no attempt.
    var signsUp: Bool { get }
    /// An attempt as the statement shows it: amounts as typed, cards masked, no password.
    var statementText: String? { get }
    /// The card the attempt named, resolved against the user's cards now (for `history card:`).
    func namedCard(user id: UserID, world: World) -> CardID?
    /// What the statement keeps of this command as an attempt (default: the command, boxed).
    var attemptCommand: AttemptCommand { get }
    /// The command's rules with their verdicts against `session` (only `why` asks);
    /// nil for a command whose checks are not a rule list.
    func explanation(in session: Session, failedRule: String?) -> Explanation?
}

extension Command {
    public var role: CommandRole { .action }
    public var onlyLooks: Bool { false }
    public var isAttempt: Bool { false }
    public var signsUp: Bool { false }
    public var statementText: String? { nil }
    public func namedCard(user id: UserID, world: World) -> CardID? { nil }
    public var attemptCommand: AttemptCommand { .other(CommandBox(self)) }
    public func explanation(in session: Session, failedRule: String?) -> Explanation? { nil }
    public var isAssertion: Bool { role == .assertion }
}

public enum CommandRole: Sendable, Equatable {
    /// A command `expect` looks at: it changes the world or answers a query.
    case action
    /// `expect`: checks the previous action.
    case assertion
    /// `why`: explains the previous action; `expect` skips it.
    case explanation
}

/// One option a command takes, with the values completion offers.
public struct OptionSpec: Sendable {
    public let key: String
    public let values: [String]
    /// Dynamic values from the world: users, merchants or the user's cards.
    public let dynamic: DynamicValues?
    /// Options that cannot go with this one (`pay`'s `qr:` and `to:`): completion stops
    /// offering them once this one is typed. The parser refuses the pair (a test holds it to that).
    public let excludes: [String]

    init(_ key: String, _ values: [String] = [], dynamic: DynamicValues? = nil, excludes: [String] = []) {
        self.key = key
        self.values = values
        self.dynamic = dynamic
        self.excludes = excludes
    }
}

public enum DynamicValues: Sendable {
    case users, merchants, cards, policyKeys, helpTopics
}

/// One command: its names, help, options, completion values and parser, found together in
/// the command's file. `CommandTable` lists the specs (found at build time: see
/// Plugins/CommandRegistry); parsing, `help` and completion read them.
/// A class, so looking one up per line costs one reference.
public final class CommandSpec: Sendable {
    /// Where `help` lists the command and `explore` tries its moves (ties between equally
    /// short searches break by it): ascending, unique, in steps of 10 so a new one fits between.
    public let rank: Int
    public let name: String
    public let aliases: [String]
    public let usage: String
    /// The summary under the default policy; `summary(for:)` quotes a session's own.
    public let summary: String
    let policySummary: (@Sendable (Policy) -> String)?
    /// Lines typed in order in a fresh world; one that fails on purpose ends with
    /// `# fails: CODE` (a test runs them after `exampleSetup`).
    public let examples: [String]
    /// What the examples need first, in a fresh world (`user alice`, `verify`, …).
    public let exampleSetup: [String]
    public let options: [OptionSpec]
    /// The option keys as bytes: a line's keys are checked against them without making Strings.
    let optionKeys: [[UInt8]]
    /// Words completion offers for the first positional argument.
    public let positionalValues: [String]
    public let positionalDynamic: DynamicValues?
    /// Completion for a later positional: the words typed so far after the command name.
    let laterPositionals: @Sendable (_ typed: [String], _ session: Session) -> [String]
    /// Lines `help NAME` adds after the examples.
    let moreHelp: @Sendable () -> [String]
    let parse: @Sendable (inout ArgReader) throws(Diagnostic) -> any Command

    init(rank: Int, name: String, aliases: [String] = [], usage: String, summary: String,
         policySummary: (@Sendable (Policy) -> String)? = nil, examples: [String] = [], exampleSetup: [String] = [],
         options: [OptionSpec] = [], positionalValues: [String] = [], positionalDynamic: DynamicValues? = nil,
         laterPositionals: @escaping @Sendable (_ typed: [String], _ session: Session) -> [String] = { _, _ in [] },
         moreHelp: @escaping @Sendable () -> [String] = { [] },
         parse: @escaping @Sendable (inout ArgReader) throws(Diagnostic) -> any Command) {
        self.rank = rank
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.policySummary = policySummary
        self.summary = policySummary?(Policy()) ?? summary
        self.examples = examples
        self.exampleSetup = exampleSetup
        self.options = options
        optionKeys = options.map { Array($0.key.utf8) }
        self.positionalValues = positionalValues
        self.positionalDynamic = positionalDynamic
        self.laterPositionals = laterPositionals
        self.moreHelp = moreHelp
        self.parse = parse
    }

    /// The summary with the numbers of `policy` (the session's, after `policy topup.fee 3`).
    func summary(for policy: Policy) -> String { policySummary?(policy) ?? summary }

    /// What `help NAME` prints, quoting `policy`'s values.
    func helpLines(policy: Policy = Policy()) -> [String] {
        var lines = ["usage: \(usage)", "  \(summary(for: policy))"]
        if !aliases.isEmpty { lines.append("  also: " + aliases.joined(separator: ", ")) }
        if !examples.isEmpty {
            lines.append(exampleSetup.isEmpty ? "examples, in order:" : "examples, in order in a fresh world after: " + exampleSetup.joined(separator: "; "))
            lines += examples.map { "  \($0)" }
        }
        let lists = RuleBook.lists(for: name)
        for list in lists {
            lines.append("rules\(list.variant.isEmpty ? "" : " (\(list.variant))"), in check order; the first that fails is the answer:")
            let width = list.rules.map(\.id.count).max() ?? 0
            let codeWidth = max(26, list.rules.map(\.code.rawValue.count).max() ?? 0)
            lines += list.rules.map { "  " + Layout.pad($0.id, width) + "  " + Layout.pad($0.code.rawValue, codeWidth) + "  " + $0.statement
                + HelpCommand.currentValues($0.policyKeys, policy, statement: $0.statement) }
        }
        return lines + moreHelp()
    }
}
