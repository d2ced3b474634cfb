/// Several policy values set at once (`tourpass run --policy KEY=VALUE …`): every value is
/// written, then the whole is checked once, so `topup.min=3000 topup.max=5000` works in
/// either order.
extension Policy {
    public struct OverrideProblem: Error, Sendable, Equatable {
        /// One line a problem: the key and what is wrong with it.
        public let problems: [String]
        public init(problems: [String]) { self.problems = problems }
    }

    /// The default policy with `overrides` applied, or every problem found.
    public static func applying(_ overrides: [(key: String, value: String)], to base: Policy = Policy()) -> Result<Policy, OverrideProblem> {
        var policy = base
        var problems: [String] = []
        var seen: [String: String] = [:]
        for (name, value) in overrides {
            if let earlier = seen[name] {
                if earlier != value { problems.append("\(name) is given twice (\(earlier) and \(value))") }
                continue
            }
            seen[name] = value
            guard let key = key(named: name) else {
                problems.append("no policy key '\(name)'" + didYouMean(name, in: keys.map(\.name), orElse: "; tourpass run --help, or `policy` in the REPL, lists them"))
                continue
            }
            if let problem = key.write(&policy, Substring(value)) { problems.append("\(name): \(problem)") }
        }
        if problems.isEmpty {
            do throws(WalletError) { try policy.ensureSomeTopupIsValid() } catch {
                let suffix = "; nothing changed"
                problems.append(error.message.hasSuffix(suffix) ? String(error.message.dropLast(suffix.count)) : error.message)
            }
        }
        return problems.isEmpty ? .success(policy) : .failure(OverrideProblem(problems: problems))
    }
}

extension Policy {
    /// `topup.fee=3%, pass.days=30`: every key whose value differs, in the keys' order.
    public static func describeChanges(from base: Policy, to changed: Policy) -> String {
        let differing = keys.filter { $0.read(base) != $0.read(changed) }.map { "\($0.name)=\($0.read(changed))" }
        return differing.isEmpty ? "the default policy" : differing.joined(separator: ", ")
    }
}

extension World {
    /// The default world under another policy.
    public init(policy: Policy) {
        self.init()
        self.policy = policy
    }
}
