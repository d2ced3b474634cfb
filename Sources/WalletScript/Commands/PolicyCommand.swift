import WalletCore

/// `policy [KEY [VALUE]]`: show the policy, one value, or change one.
struct PolicyCommand: Command {
    /// `policy` and `policy KEY` only look; `policy KEY VALUE` changes the world.
    var onlyLooks: Bool { value == nil }
    let key: String?
    let value: String?

    static let spec = CommandSpec(
        rank: 120, name: "policy", usage: "policy [KEY VALUE]",
        summary: "show the policy, or change one value",
        examples: ["policy", "policy topup.fee 3%", "policy pass.days 30", "policy topup.count 3"],
        positionalDynamic: .policyKeys,
        laterPositionals: { typed, session in
            // The current value, as a starting point to edit.
            guard typed.count == 1, let key = Policy.key(named: typed[0]) else { return [] }
            return [key.read(session.world.policy)]
        })

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> PolicyCommand {
        guard let key = r.optionalPositional() else { return PolicyCommand(key: nil, value: nil) }
        // An unknown key is checked when it runs: `policy.unknown_key`.
        let value = r.optionalPositional().map { r.text($0) }
        return PolicyCommand(key: r.text(key), value: value)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        guard let key else { return .one(TextLines(PolicyCommand.table(session.world.policy))) }
        let before = try session.world.policyValue(key)
        guard let value else { return .one(Value(key: key, value: before, was: nil)) }
        try session.world.setPolicy(key, to: Substring(value))
        return .one(Value(key: key, value: session.world.policy.value(of: key) ?? "?", was: before))
    }

    /// How `why` names the line (policy is not an attempt: it is not in any statement).
    var statementText: String? { key.map { "policy \($0)" + (value.map { " \($0)" } ?? "") } }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let key else { return nil }
        return PolicyRules.list.explanation(session.world, PolicyInput(key: key, value: value), failedRule: failedRule)
    }

    struct Value: InfoLine {
        let key: String
        let value: String
        let was: String?
        var text: String { "\(key) = \(value)" + (was.map { " (was \($0))" } ?? "") }
    }

    static func table(_ policy: Policy) -> [String] {
        let width = Policy.keys.map(\.name.count).max() ?? 0
        let values = Policy.keys.map { $0.read(policy) }
        let valueWidth = values.map(\.count).max() ?? 0
        return zip(Policy.keys, values).map { key, value in
            Layout.pad(key.name, width) + "  " + Layout.pad(value, valueWidth) + "  " + key.summary
        }
    }
}
