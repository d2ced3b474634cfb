import WalletCore

/// How often each rule passed and failed over a run (`run --coverage`), counted from what a
/// command's result already says: a failure names its rule (`WalletError.rule`), and the
/// list it belongs to is the one `why` would show, so the rules before it in that list held;
/// after a success every rule of that list held. Nothing here runs unless coverage is asked.
/// A value: each file counts on its own and files merge by adding, so the totals are the
/// same whatever the number of jobs.
public struct RuleCoverage: Sendable, Equatable {
    /// One rule with the command whose list holds it.
    public struct Entry: Sendable, Equatable {
        public let command: String
        public let rule: RuleInfo
    }

    /// Every rule of the rule book, once, in the order the lists give them.
    public static let entries: [Entry] = {
        var seen: Set<String> = []
        return RuleBook.lists.flatMap { list in list.rules.map { Entry(command: list.command, rule: $0) } }
            .filter { seen.insert($0.rule.id).inserted }
    }()

    private static let indexByID: [String: Int] = Dictionary(
        entries.enumerated().map { ($0.element.rule.id, $0.offset) }, uniquingKeysWith: { first, _ in first })

    /// Counts by rule, in `entries` order.
    public private(set) var passed: [Int]
    public private(set) var failed: [Int]

    public init() {
        passed = Array(repeating: 0, count: Self.entries.count)
        failed = passed
    }

    /// Counts in `entries` order, as a coverage file gives them (`CoverageMerge`).
    init?(passed: [Int], failed: [Int]) {
        guard passed.count == Self.entries.count, failed.count == Self.entries.count else { return nil }
        self.passed = passed
        self.failed = failed
    }

    /// Counts one action's rules from its outcome, against the session as it left it (what
    /// `why` explains). An error that names no rule (`user.none`, a check outside the lists)
    /// counts nothing.
    mutating func count(_ command: AnyCommand, _ outcome: Outcome, in session: Session) {
        guard command.role == .action else { return }
        var failedRule: String? = nil
        if let error = outcome.error {
            guard let rule = error.rule else { return }
            failedRule = rule
        }
        // After a success (nil) every rule held: the explanation lists them without recomputing.
        guard let explanation = command.explanation(in: session, failedRule: failedRule) else {
            if let failedRule { Self.add(&failed, Self.indexByID[failedRule] ?? -1) }
            return
        }
        let steps = Self.indices(of: explanation)
        guard let failedRule else {
            for index in steps { Self.add(&passed, index) }
            return
        }
        // A rule its list does not hold (it cannot happen today): only its failure is known.
        guard let position = explanation.steps.firstIndex(where: { $0.rule.id == failedRule }) else {
            Self.add(&failed, Self.indexByID[failedRule] ?? -1)
            return
        }
        for index in steps[..<position] { Self.add(&passed, index) }
        Self.add(&failed, steps[position])
    }

    private static func add(_ counts: inout [Int], _ index: Int) {
        if index >= 0 { counts[index] += 1 }
    }

    /// Each rule book list's entries, found by command and variant without hashing a rule id
    /// a step (ids compare by identity: the explanation's come from the same lists).
    private static let listIndices: [(command: String, variant: String, indices: [Int])] = RuleBook.lists.map { list in
        (list.command, list.variant, list.rules.map { indexByID[$0.id] ?? -1 })
    }

    /// The entry of each step, in order (-1 for a rule the rule book does not list).
    private static func indices(of explanation: Explanation) -> [Int] {
        if let list = listIndices.first(where: { $0.command == explanation.command && $0.variant == explanation.variant }),
           list.indices.count == explanation.steps.count {
            return list.indices
        }
        return explanation.steps.map { indexByID[$0.rule.id] ?? -1 }
    }

    /// Adds another run's counts (files merge in any order to the same totals).
    public mutating func merge(_ other: RuleCoverage) {
        for index in passed.indices {
            passed[index] += other.passed[index]
            failed[index] += other.failed[index]
        }
    }

    public static func merged(_ parts: some Sequence<RuleCoverage>) -> RuleCoverage {
        parts.reduce(into: RuleCoverage()) { $0.merge($1) }
    }

    public var ruleCount: Int { Self.entries.count }
    public var seenFailing: Int { failed.lazy.filter { $0 > 0 }.count }
    public var seenPassing: Int { passed.lazy.filter { $0 > 0 }.count }
    /// Rules seen both passing and failing (what `--min-coverage` compares).
    public var covered: Int { passed.indices.lazy.filter { passed[$0] > 0 && failed[$0] > 0 }.count }
    public var neverFailing: [Entry] { passed.indices.filter { failed[$0] == 0 }.map { Self.entries[$0] } }
    public var neverPassing: [Entry] { passed.indices.filter { passed[$0] == 0 }.map { Self.entries[$0] } }
    /// Rules neither passed nor failed.
    public var neverRun: [Entry] { passed.indices.filter { passed[$0] == 0 && failed[$0] == 0 }.map { Self.entries[$0] } }
    /// Rules seen passing but never failing.
    public var neverFailingOnlyPassed: [Entry] { passed.indices.filter { failed[$0] == 0 && passed[$0] > 0 }.map { Self.entries[$0] } }
    /// Rules seen failing but never passing.
    public var neverPassingOnlyFailed: [Entry] { passed.indices.filter { passed[$0] == 0 && failed[$0] > 0 }.map { Self.entries[$0] } }

    /// The counts of one rule, by id.
    public func counts(of id: String) -> (passed: Int, failed: Int)? {
        Self.indexByID[id].map { (passed[$0], failed[$0]) }
    }
}

/// A percentage as `--min-coverage` takes it: 0 to 100, at most two decimals, an optional
/// `%`; kept in hundredths so the comparison is exact.
public struct CoveragePercent: Sendable, Equatable, CustomStringConvertible {
    public let hundredths: Int

    public init?(_ text: String) {
        var digits = Substring(text)
        if digits.hasSuffix("%") { digits = digits.dropLast() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let whole = Int(parts[0]) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let value = Int(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? value * 10 : value
        }
        let hundredths = whole * 100 + fraction
        guard hundredths <= 10_000 else { return nil }
        self.hundredths = hundredths
    }

    /// Whether `count` of `total` is at least this percentage (an empty total is 100%).
    public func isMet(by count: Int, of total: Int) -> Bool {
        total == 0 || count * 10_000 >= hundredths * total
    }

    public var description: String {
        let fraction = hundredths % 100
        guard fraction != 0 else { return "\(hundredths / 100)%" }
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction % 10 == 0 ? fraction / 10 : fraction)%"
    }
}
