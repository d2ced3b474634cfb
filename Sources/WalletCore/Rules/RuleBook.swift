/// Every rule list, for `help`, `tourpass rules` and coverage. A new list is one entry here.
public enum RuleBook {
    public struct ListInfo: Sendable {
        public let command: String
        public let variant: String
        public let rules: [RuleInfo]
    }

    public static let lists: [ListInfo] = [
        RegistrationRules.user.listInfo,
        RegistrationRules.sms.listInfo,
        VerifyRules.list.listInfo,
        CardRules.list.listInfo,
        TopUpRules.list.listInfo,
        PayRules.international.listInfo,
        PayRules.domestic.listInfo,
        TransferRules.list.listInfo,
        RefundRules.list.listInfo,
        ReactivateRules.list.listInfo,
        PolicyRules.list.listInfo,
        MerchantRules.list.listInfo,
    ]

    /// The lists of one command, in order.
    public static func lists(for command: String) -> [ListInfo] { lists.filter { $0.command == command } }

    /// Every distinct rule, by id, in the order the lists give them.
    public static var rules: [RuleInfo] {
        var seen: Set<String> = []
        return lists.flatMap(\.rules).filter { seen.insert($0.id).inserted }
    }

    /// The rules that can answer a code (as their own or as one they also answer), with the
    /// command that owns each.
    public static func rules(answering code: ErrorCode) -> [(command: String, rule: RuleInfo)] {
        var seen: Set<String> = []
        return lists.flatMap { list in list.rules.map { (list.command, $0) } }
            .filter { ($0.1.code == code || $0.1.alsoAnswers.contains(code)) && seen.insert($0.1.id).inserted }
    }
}

extension RuleList {
    public var listInfo: RuleBook.ListInfo { RuleBook.ListInfo(command: command, variant: variant, rules: infos) }

    /// Every rule's verdict for `input` against `world` (only `why` asks).
    public func explanation(_ world: World, _ input: Input, failedRule: String?) -> Explanation {
        explain(world, input, failedRule: failedRule)
    }
}

extension TopUpInput {
    public init(user: UserID, amount: Money, cardSelector: String?) { self.init(user: user, amount: amount, card: cardSelector) }
}
