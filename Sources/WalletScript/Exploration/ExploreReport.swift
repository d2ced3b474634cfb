import WalletCore

/// Codes no sequence of moves can answer, and why: said up front, never searched for.
public enum Unreachable {
    /// `inREPL`: the what-if is said as the REPL line (`policy topup.count 1`), not the flag.
    public static func reason(for target: ExploreTarget, policy: Policy, inREPL: Bool = false) -> String? {
        let code: ErrorCode
        switch target {
        case .code(let answered): code = answered
        // A rule is out of reach when its code is, when no move runs its command, or when
        // the policy keeps out what it needs.
        case .rule(let rule, let answered):
            if let reason = reason(for: .code(answered ?? rule.code), policy: policy, inREPL: inREPL) { return reason }
            let owners = RuleBook.lists.filter { $0.rules.contains(rule) }.map(\.command)
            guard MoveSource.all.contains(where: { owners.contains($0.command) }) else {
                return "\(owners.first ?? "its command") is never a move of the explorer"
            }
            guard declinedCardChange(for: rule, policy: policy) != nil else { return nil }
            let accepted = policy.domesticBrands.isEmpty ? "none" : policy.domesticBrands.map(\.rawValue).joined(separator: ",")
            return "\(rule.id) fails on a domestic user's earliest-linked card that declines charges; the sandbox card that does (`card declined`) is a \(declinedBrand.rawValue) card, and cards.domestic is \(accepted) in this policy; try \(whatIfText(for: target, policy: policy, inREPL: inREPL))"
        case .event, .state: return nil
        }
        switch code {
        case .policyUnknownKey, .policyBadValue, .policyConflict:
            return "the policy stays fixed during a search, so `policy` is never a move: the question is what a user can do, not what the bank can change"
        case .registerLimit:
            return "needs \(World.maxUsers) sign-ups; the explorer signs up at most two users"
        case .merchantLimit:
            return "needs \(World.maxMerchants) merchants; the explorer defines none (the five built-in merchants cover every kind of code)"
        case .cardTooMany:
            return "needs \(World.maxCardsPerUser + 1) card links by one user; the explorer links the sandbox cards, at most five per user"
        case .moneyOverflow:
            return "needs a balance near 2^52 fen (about CNY 45 trillion); top-ups are capped at \(policy.topupMax) each"
        case .topupCountLimit where policy.topupCount == nil:
            return "topup.count is none (no cap) in this policy; try \(whatIfText(for: target, policy: policy, inREPL: inREPL))"
        case .transferReceiverLimit where policy.transferUnverifiedReceive.fen == 0:
            return "transfer.unverified_receive is 0 in this policy, so an unverified receiver is refused outright (transfer.receiver_unverified); try \(whatIfText(for: target, policy: policy, inREPL: inREPL))"
        default:
            return nil
        }
    }

    /// A policy change under which a target this policy keeps out of reach can be reached
    /// (`help CODE` starts its example with it).
    public static func whatIf(for target: ExploreTarget, policy: Policy) -> (key: String, value: String)? {
        switch target {
        case .code(let code):
            switch code {
            case .topupCountLimit where policy.topupCount == nil: return ("topup.count", "1")
            case .transferReceiverLimit where policy.transferUnverifiedReceive.fen == 0: return ("transfer.unverified_receive", "500")
            default: return nil
            }
        case .rule(let rule, let code):
            return whatIf(for: .code(code ?? rule.code), policy: policy) ?? declinedCardChange(for: rule, policy: policy)
        case .event, .state:
            return nil
        }
    }

    /// Rules of domestic users' lists that only a card declining charges fails: the sandbox
    /// card that declines is a Visa, which the default cards.domestic (unionpay) refuses.
    static let declinedCardRules: Set<String> = ["pay.issuer", "transfer.issuer"]
    static let declinedBrand: CardBrand = TestCard.named("declined")?.brand ?? .visa

    private static func declinedCardChange(for rule: RuleInfo, policy: Policy) -> (key: String, value: String)? {
        guard declinedCardRules.contains(rule.id), !policy.domesticBrands.contains(declinedBrand) else { return nil }
        return ("cards.domestic", (policy.domesticBrands + [declinedBrand]).map(\.rawValue).joined(separator: ","))
    }

    private static func whatIfText(for target: ExploreTarget, policy: Policy, inREPL: Bool) -> String {
        whatIf(for: target, policy: policy).map { inREPL ? "`policy \($0.key) \($0.value)` first" : "--policy \($0.key)=\($0.value)" } ?? ""
    }
}

/// `explore --all`: every code and event, grouped into one search per cone.
public struct ExploreReport: Sendable {
    /// File name and scenario text, for each target reached.
    public let files: [(name: String, text: String)]
    /// The table printed and kept as `summary.txt` (no timings: same bytes everywhere).
    public let table: [String]
    public let states: Int
    public let seconds: Double
    public var statesPerSecond: Int { seconds > 0 ? Int(Double(states) / seconds) : 0 }

    public static var allTargets: [ExploreTarget] {
        ErrorCode.allCases.map(ExploreTarget.code) + ExploreEvent.allCases.map(ExploreTarget.event)
    }

    public static func all(start: ExploreStart, limits: SearchLimits, from: String?, policyFlags: [String] = [],
                           targets: [ExploreTarget] = allTargets,
                           progress: ((SearchProgress) -> Void)? = nil) -> ExploreReport {
        let sources = MoveSource.all
        let policy = start.session.world.policy
        var reasons: [String: String] = [:]
        var groups: [(cone: Cone, targets: [ExploreTarget])] = []
        for target in targets {
            if let reason = Unreachable.reason(for: target, policy: policy) {
                reasons[target.description] = reason
                continue
            }
            let cone = target.cone(sources)
            if let index = groups.firstIndex(where: { $0.cone == cone }) {
                groups[index].targets.append(target)
            } else {
                groups.append((cone, [target]))
            }
        }
        var reaches: [String: (reach: Reach, stop: SearchStop)] = [:]
        var states = 0
        var seconds = 0.0
        for group in groups {
            var explorer = Explorer(start: start.session, sources: sources, limits: limits)
            explorer.progress = progress
            let result = explorer.search(for: group.targets, cone: group.cone)
            states += result.states
            seconds += result.seconds
            for reach in result.reaches { reaches[reach.target.description] = (reach, result.stop) }
        }
        var files: [(name: String, text: String)] = []
        let width = targets.map(\.description.count).max() ?? 0
        var table = [pad("target", width) + "  commands    states  note"]
        var reachedCount = 0
        for target in targets {
            let name = target.description
            if let reason = reasons[name] {
                table.append(pad(name, width) + "         -         -  unreachable: " + reason)
                continue
            }
            guard let (reach, stop) = reaches[name] else { continue }
            if let path = reach.path {
                reachedCount += 1
                files.append((name + ".scn", start.scenario(reaching: target, by: path, header: header(for: reach, from: from, policy: policyFlags))))
                table.append(pad(name, width) + leftPad(String(path.count), 10) + leftPad(grouped(reach.states), 10))
            } else {
                // A bound that ran out leaves the target not reached, not unreachable.
                let verdict = stop == .exhausted ? "  unreachable: " : "  not reached: "
                table.append(pad(name, width) + "         -" + leftPad(grouped(reach.states), 10) + verdict + stop.explanation)
            }
        }
        table.append("reached \(reachedCount) of \(targets.count) targets in \(groups.count) searches")
        return ExploreReport(files: files + [("summary.txt", table.joined(separator: "\n") + "\n")], table: table,
                             states: states, seconds: seconds)
    }

    /// The comment lines that open a scenario the explorer wrote.
    public static func header(for reach: Reach, from: String?, policy: [String] = []) -> [String] {
        let count = reach.path?.count ?? 0
        var command = "tourpass explore --reach \(reach.target.description.contains(" ") ? "\"\(reach.target)\"" : reach.target.description)"
        // The what-if the search ran under, so the line repeats it (`--policy cards.domestic=unionpay,visa`).
        for pair in policy { command += " --policy \(pair.contains(" ") ? "\"\(pair)\"" : pair)" }
        if let from { command += " --from \(from)" }
        return ["\(reach.target): reached in \(count) command\(count == 1 ? "" : "s"), the fewest the explorer's moves allow",
                "(\(command); \(grouped(reach.states)) states searched)"]
    }

    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return (n < 0 ? "-" : "") + text
    }

    static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    static func leftPad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
}
