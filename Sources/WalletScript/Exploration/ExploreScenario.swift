import WalletCore

/// Where a search starts: a fresh world with the policy values asked for, or the end of a
/// scenario file. The lines that built it go at the top of every scenario written.
public struct ExploreStart {
    public let session: Session
    /// Each setup line with the output it gave, as a scenario records it.
    public let prelude: [(source: String, output: [String])]

    public init(session: Session = Session(), prelude: [(source: String, output: [String])] = []) {
        self.session = session
        self.prelude = prelude
    }

    /// `policy` lines for `KEY=VALUE` pairs, then the lines of `fromText` (a scenario), or of
    /// `fromBytes` (a file's bytes: a line that is not UTF-8 is shown with `\xFF` in problems).
    /// A problem is a message for the user (bad usage).
    public static func make(policy pairs: [String], from path: String? = nil, text fromText: String? = nil,
                            bytes fromBytes: [UInt8]? = nil) -> Result<ExploreStart, ExploreProblem> {
        var session = Session()
        var prelude: [(source: String, output: [String])] = []
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                return .failure(ExploreProblem("--policy takes KEY=VALUE: \(pair)"))
            }
            let line = "policy \(pair[..<equals]) \(pair[pair.index(after: equals)...])"
            switch session.run(line: line) {
            case .success(let outcome?) where outcome.error == nil:
                prelude.append((line, outcome.lines.map(\.text)))
            case .success(let outcome?):
                return .failure(ExploreProblem("--policy \(pair): \(outcome.error?.message ?? "refused")"))
            case .success(nil), .failure:
                return .failure(ExploreProblem("--policy takes KEY=VALUE: \(pair)"))
            }
        }
        let name = path ?? "<from>"
        let parsed = fromBytes.map { bytes in bytes.withUnsafeBufferPointer { Scenario.parse(bytes: $0, path: name) } }
            ?? fromText.map { Scenario.parse($0, path: name) }
        if let parsed {
            switch parsed {
            case .failure(let problems):
                return .failure(ExploreProblem(problems.list.map(\.rendered).joined(separator: "\n")))
            case .success(let scenario):
                for step in scenario.steps {
                    let outcome = session.run(step.command)
                    if let failed = outcome.failedAssertion {
                        return .failure(ExploreProblem("\(name):\(step.line): the start does not hold: \(failed)"))
                    }
                    prelude.append((step.source, step.command.isAssertion ? [] : outcome.lines.map(\.text)))
                }
            }
        }
        return .success(ExploreStart(session: session, prelude: prelude))
    }

    /// The scenario that replays `path` from this start, with the recorded output of every
    /// line, closed by the target's assertion: `tourpass run` passes it as it stands.
    public func scenario(reaching target: ExploreTarget, by path: [String], header: [String]) -> String {
        var text = header.map { "# " + $0 + "\n" }.joined()
        func record(_ source: String, _ output: [String]) {
            text += source + "\n"
            for line in output { text += line.isEmpty ? "|\n" : "| \(line)\n" }
        }
        for (source, output) in prelude { record(source, output) }
        var session = self.session
        for line in path {
            switch session.run(line: line) {
            case .success(let outcome?): record(line, outcome.lines.map(\.text))
            case .success(nil), .failure: record(line, [])
            }
        }
        text += ExploreStart.closing(for: target, in: session) + "\n"
        return text
    }

    /// The assertion that ends a sequence reaching `target` from this start.
    public func closingLine(for target: ExploreTarget, after path: [String]) -> String {
        var session = self.session
        for line in path { _ = session.run(line: line) }
        return ExploreStart.closing(for: target, in: session)
    }

    /// The target's own assertion, or `expect ok` where it does not apply (an event of
    /// another user than the current one).
    static func closing(for target: ExploreTarget, in session: Session) -> String {
        if case .rule(let rule, _) = target, case .failure(let error)? = session.lastResult, error.rule == rule.id {
            return "expect error \(error.code.rawValue)"
        }
        var copy = session
        if case .success(let outcome?) = copy.run(line: target.closing), outcome.failedAssertion == nil { return target.closing }
        return "expect ok"
    }
}

/// A problem with what `explore` was asked, for the user.
public struct ExploreProblem: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
