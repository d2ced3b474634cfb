/// What `policy KEY [VALUE]` is asked: the key, and the value to set (nil: only show it).
public struct PolicyInput: Sendable {
    public let key: String
    public let value: String?
    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}

/// RULES.md, policy, in order: the key exists, the value is one it takes, and a change to
/// topup.min, topup.max or topup.total leaves some valid top-up amount (`policy.conflict`,
/// naming both keys). Nothing changes on a failure.
public enum PolicyRules {
    public static let list = RuleList<PolicyInput>("policy", [
        Rule("policy.key", .policyUnknownKey, "the key is a policy key (`policy` lists them)",
             holds: { _, i in Policy.key(named: i.key) != nil },
             failure: { _, i in "no policy key '\(i.key)'\(didYouMean(i.key, in: Policy.keys.map(\.name), orElse: "; type policy for the list"))" },
             looked: { _, i in "'\(i.key)' among \(Policy.keys.count) keys" },
             remedy: { _, i in nearest(to: i.key, in: Policy.keys.map(\.name)).map { "`policy \($0)\(i.value.map { " " + $0 } ?? "")`" } ?? "a key `policy` lists" }),
        Rule("policy.value", .policyBadValue, "the value is one the key takes",
             holds: { w, i in w.policyProblem(i) == nil },
             failure: { w, i in "\(i.key): \(w.policyProblem(i) ?? "")" },
             looked: { _, i in i.value.map { "\(i.key) \($0)" } ?? "no value: \(i.key) is only shown" },
             remedy: { w, i in
                 let now = Policy.key(named: i.key).map { " (its value now: \($0.read(w.policy)))" } ?? ""
                 return "a value the key takes: " + (w.policyProblem(i) ?? "") + now },
             missing: { _, i in PolicyRules.unknownKey(i) }),
        Rule("policy.min_max", .policyConflict, keys: ["topup.min", "topup.max"],
             "after a change to topup.min or topup.max, topup.min is at most topup.max",
             holds: { w, i in w.policyCandidate(i).map { $0.topupMin <= $0.topupMax } ?? true },
             failure: { w, i in w.policyCandidate(i).map(Policy.minAboveMaxMessage) ?? "" },
             looked: { w, i in w.policyCandidate(i).map { "topup.min \($0.topupMin.plain), topup.max \($0.topupMax.plain)" } ?? "" },
             remedy: { w, i in
                 guard let p = w.policyCandidate(i) else { return "" }
                 return i.key == "topup.max"
                     ? "a topup.max of at least \(p.topupMin.plain), or lower the minimum first: `policy topup.min \(p.topupMax.plain)`"
                     : "a topup.min of at most \(p.topupMax.plain), or raise the maximum first: `policy topup.max \(p.topupMin.plain)`" },
             missing: { w, i in PolicyRules.noChange(w, i) }),
        Rule("policy.min_total", .policyConflict, keys: ["topup.min", "topup.total"],
             "after a change to topup.min or topup.total, topup.min is at most topup.total",
             holds: { w, i in w.policyCandidate(i).map { $0.topupMin <= $0.topupTotal } ?? true },
             failure: { w, i in w.policyCandidate(i).map(Policy.minAboveTotalMessage) ?? "" },
             looked: { w, i in w.policyCandidate(i).map { "topup.min \($0.topupMin.plain), topup.total \($0.topupTotal.plain)" } ?? "" },
             remedy: { w, i in
                 guard let p = w.policyCandidate(i) else { return "" }
                 return i.key == "topup.total"
                     ? "a topup.total of at least \(p.topupMin.plain), or lower the minimum first: `policy topup.min \(p.topupTotal.plain)`"
                     : "a topup.min of at most \(p.topupTotal.plain), or raise the total first: `policy topup.total \(p.topupMin.plain)`" },
             missing: { w, i in PolicyRules.noChange(w, i) }),
    ])

    static func unknownKey(_ i: PolicyInput) -> String? { Policy.key(named: i.key) == nil ? "no policy key '\(i.key)'" : nil }

    /// The conflict rules judge a change the key takes; an unknown key or a bad value is none.
    static func noChange(_ w: World, _ i: PolicyInput) -> String? {
        unknownKey(i) ?? (w.policyProblem(i) == nil ? nil : "\(i.key) does not take that value")
    }
}

extension World {
    /// Why the value cannot be written to the key, or nil (also when there is no value or no key).
    func policyProblem(_ i: PolicyInput) -> String? {
        guard let value = i.value, let key = Policy.key(named: i.key) else { return nil }
        var copy = policy
        return key.write(&copy, Substring(value))
    }

    /// The policy the change would leave, when it is a change to a top-up key that writes
    /// (the only changes `policy.conflict` looks at).
    func policyCandidate(_ i: PolicyInput) -> Policy? {
        guard let value = i.value, Policy.topupKeys.contains(i.key), let key = Policy.key(named: i.key) else { return nil }
        var copy = policy
        return key.write(&copy, Substring(value)) == nil ? copy : nil
    }
}
