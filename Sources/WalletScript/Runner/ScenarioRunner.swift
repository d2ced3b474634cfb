import WalletCore

/// Why a scenario failed at one line.
public struct Failure: Sendable, Equatable {
    public let line: Int
    public let source: String
    public let details: [String]
}

public struct ScenarioResult: Sendable {
    public let path: String
    public let failures: [Failure]
    /// Parse problems: the file did not run at all.
    public let diagnostics: [Diagnostic]
    /// Each step's actual output, for update mode.
    public let actual: [[String]]

    public var passed: Bool { failures.isEmpty && diagnostics.isEmpty }
}

public enum ScenarioRunner {
    /// Runs every step from a fresh default world and compares what is recorded.
    /// With `checkInvariants`, the ledger's invariants are checked after every step.
    /// Output is rendered to text only where it is compared, or when `renderAll` (update mode).
    public static func run(_ scenario: Scenario, checkInvariants: Bool = false, renderAll: Bool = true) -> ScenarioResult {
        var session = Session()
        var failures: [Failure] = []
        var actual: [[String]] = []
        actual.reserveCapacity(scenario.steps.count)
        for (index, step) in scenario.steps.enumerated() {
            let outcome = session.run(step.command)
            let lines = renderAll || step.recorded != nil ? outcome.lines.map(\.text) : []
            actual.append(lines)
            func fail(_ details: [String]) {
                failures.append(Failure(line: step.line, source: step.source, details: details))
            }
            if let problem = outcome.failedAssertion { fail([problem]) }
            if let recorded = step.recorded, recorded != lines, !step.command.isAssertion {
                fail(Diff.unified(expected: recorded, actual: lines))
            }
            if let error = outcome.error {
                let next = index + 1 < scenario.steps.count ? scenario.steps[index + 1].command : nil
                let followedByExpect = if case .expect(.error) = next { true } else { false }
                let shownInRecording = step.recorded?.contains { $0.hasPrefix("error \(error.code.rawValue):") } ?? false
                if !followedByExpect && !shownInRecording {
                    fail(["failed with \(error.code.rawValue): \(error.message)",
                          "(a failing command must be followed by `expect error \(error.code.rawValue)` or recorded output showing it)"])
                }
            }
            if checkInvariants {
                let broken = session.world.invariantViolations()
                if !broken.isEmpty { fail(["ledger invariants broken:"] + broken.map { "  " + $0 }) }
            }
        }
        return ScenarioResult(path: scenario.path, failures: failures, diagnostics: [], actual: actual)
    }

    /// Parses then runs a file's text.
    public static func run(text: String, path: String, checkInvariants: Bool = false, renderAll: Bool = true) -> (ScenarioResult, Scenario?) {
        switch Scenario.parse(text, path: path) {
        case .failure(let diagnostics):
            return (ScenarioResult(path: path, failures: [], diagnostics: diagnostics.list, actual: []), nil)
        case .success(let scenario):
            return (run(scenario, checkInvariants: checkInvariants, renderAll: renderAll), scenario)
        }
    }
}
