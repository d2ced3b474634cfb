/// One check of a command, as data: its id (`topup.max`), the code it answers, the policy
/// keys it reads, a statement in words, the predicate, and (for `why`) what it looked at and
/// what would let it pass. Predicates are pure: they read the world and change nothing.
public struct Rule<Input>: Sendable {
    public let info: RuleInfo
    /// A plain function, not a closure: a closure's context was retained and released for
    /// every rule checked (nine times a payment); predicates capture nothing. The input is
    /// `inout` only so that it is passed by address whatever `Input` is: a thin function
    /// stored at a generic type gets no reabstraction thunk in debug builds, and one taking
    /// `Input` by value crashed there. Predicates only read it.
    let holds: @convention(thin) (World, inout Input) -> Bool
    /// The answer when it does not hold: the message with the numbers.
    let failure: @Sendable (World, Input) -> String
    /// The values it looked at, in words ("asked CNY 2,500.00; at most CNY 2,000.00").
    let looked: @Sendable (World, Input) -> String
    /// What would let it pass ("a smaller amount, or `policy topup.max 2500`").
    let remedy: @Sendable (World, Input) -> String
    /// What it reads that does not exist yet ("no TourPass"), or nil. Only `why` asks, for a
    /// rule not reached: the predicate holds by default on a missing input (an earlier rule
    /// answers for it), so a verdict then would be no verdict.
    let missing: @Sendable (World, Input) -> String?

    init(_ id: String, _ code: ErrorCode, also: [ErrorCode] = [], keys: [String] = [], _ statement: String,
         holds: @convention(thin) (World, inout Input) -> Bool,
         failure: @escaping @Sendable (World, Input) -> String,
         looked: @escaping @Sendable (World, Input) -> String = { _, _ in "" },
         remedy: @escaping @Sendable (World, Input) -> String = { _, _ in "" },
         missing: @escaping @Sendable (World, Input) -> String? = { _, _ in nil }) {
        info = RuleInfo(id: id, code: code, alsoAnswers: also, policyKeys: keys, statement: statement)
        self.holds = holds
        self.failure = failure
        self.looked = looked
        self.remedy = remedy
        self.missing = missing
    }
}

/// A rule without its predicate: what `help`, `tourpass rules` and coverage list.
public struct RuleInfo: Sendable, Equatable {
    public let id: String
    public let code: ErrorCode
    /// Other codes its failure can answer (`pay.password`: the pay.attempts-th wrong entry
    /// answers `pay.password_locked`).
    public let alsoAnswers: [ErrorCode]
    public let policyKeys: [String]
    public let statement: String
}

/// A command's check order: its rules, run top to bottom; the first that does not hold is
/// the answer. Adding a rule is one entry in one list.
public struct RuleList<Input>: Sendable {
    public let command: String
    /// Which of the command's orders this is ("international user"), or "".
    public let variant: String
    public let rules: [Rule<Input>]

    init(_ command: String, variant: String = "", _ rules: [Rule<Input>]) {
        self.command = command
        self.variant = variant
        self.rules = rules
    }

    /// The index of the first rule that does not hold, or nil when all hold.
    func firstFailure(_ world: World, _ input: Input) -> Int? {
        var input = input
        return rules.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where !buffer[index].holds(world, &input) { return index }
            return nil
        }
    }

    /// The answer of the rule at `index`, naming the rule.
    func error(at index: Int, _ world: World, _ input: Input) -> WalletError {
        // Read in place: a copy of the rule retains its five closures and its strings.
        rules.withUnsafeBufferPointer { buffer in
            WalletError(buffer[index].info.code, buffer[index].failure(world, input), rule: buffer[index].info.id)
        }
    }

    /// Throws the first failure's answer.
    func check(_ world: World, _ input: Input) throws(WalletError) {
        if let index = firstFailure(world, input) { throw error(at: index, world, input) }
    }

    /// Every rule's verdict (only `why` asks). `failedRule` is the rule that answered when
    /// the command ran: the world may have changed since (a wrong password counts), so the
    /// verdict up to it is the recorded one. nil means the command succeeded: every rule
    /// held then, and nothing is recomputed against the world as it is now.
    func explain(_ world: World, _ input: Input, failedRule: String?) -> Explanation {
        guard let failedRule else {
            return Explanation(command: command, variant: variant,
                               steps: rules.map { .init(rule: $0.info, verdict: .held, looked: "", remedy: "") })
        }
        var steps: [Explanation.Step] = []
        var reached = true
        for rule in rules {
            guard reached else {
                steps.append(Self.forecast(rule, world, input))
                continue
            }
            let failed = failedRule == rule.info.id
            if failed {
                steps.append(.init(rule: rule.info, verdict: .failed, looked: rule.looked(world, input), remedy: rule.remedy(world, input)))
                reached = false
            } else {
                // It held when checked; the failing rule's own effect (a wrong code that
                // starts a lock) may have changed what it reads since, so say so.
                let looked = rule.looked(world, input)
                var input = input
                let changed = !rule.holds(world, &input)
                steps.append(.init(rule: rule.info, verdict: .held, looked: changed ? "held when checked; this command changed it since: " + looked : looked, remedy: ""))
            }
        }
        return Explanation(command: command, variant: variant, steps: steps)
    }

    /// A rule the command did not reach, judged against the same world and input (predicates
    /// are pure): what it would say if the rules before it held, or what it lacks to be judged.
    static func forecast(_ rule: Rule<Input>, _ world: World, _ input: Input) -> Explanation.Step {
        if let missing = rule.missing(world, input) {
            return .init(rule: rule.info, verdict: .notReached, looked: "", remedy: "", forecast: .cannotJudge(missing))
        }
        var copy = input
        guard rule.holds(world, &copy) else {
            return .init(rule: rule.info, verdict: .notReached, looked: rule.looked(world, input), remedy: rule.remedy(world, input), forecast: .wouldFail)
        }
        return .init(rule: rule.info, verdict: .notReached, looked: rule.looked(world, input), remedy: "", forecast: .wouldPass)
    }

    public var infos: [RuleInfo] { rules.map(\.info) }
}

/// A command's rules with their verdicts, for `why`.
public struct Explanation: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable { case held, failed, notReached }
    /// What a rule not reached would say, judged against the same world: the app did not
    /// check it, so `why` words it as a forecast, never as a fact.
    public enum Forecast: Sendable, Equatable {
        case wouldPass
        /// A second problem behind the first: its values in `looked`, its way to pass in `remedy`.
        case wouldFail
        /// What it reads does not exist yet ("no TourPass").
        case cannotJudge(String)
    }
    public struct Step: Sendable, Equatable {
        public let rule: RuleInfo
        public let verdict: Verdict
        public let looked: String
        public let remedy: String
        /// Set for `.notReached` only.
        public let forecast: Forecast?

        init(rule: RuleInfo, verdict: Verdict, looked: String, remedy: String, forecast: Forecast? = nil) {
            self.rule = rule
            self.verdict = verdict
            self.looked = looked
            self.remedy = remedy
            self.forecast = forecast
        }
    }
    public let command: String
    public let variant: String
    public let steps: [Step]
}
