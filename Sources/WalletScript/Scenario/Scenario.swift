import WalletCore

/// A `.scn` file as a whole: commands, assertions and the output recorded under each
/// (lines starting with `|`). `tourpass run` never builds one (it streams the file through
/// `ScenarioStream`); `:load` and tests do.
public struct Scenario: Sendable {
    public struct Step: Sendable {
        /// 1-based line number of the command.
        public let line: Int
        public let source: String
        public let command: any Command
        /// Recorded output, or nil when none is recorded (then it is not compared).
        public let recorded: [String]?
    }

    public let path: String
    public let tags: [String]
    public let steps: [Step]

    public static let outputPrefix = "|"

    /// Parses a scenario; every line that does not parse is one diagnostic (a line over the
    /// length limit ends the file).
    public static func parse(_ text: String, path: String) -> Result<Scenario, Diagnostics> {
        var reader = ScenarioReader(path: path)
        var steps: [(line: Int, source: String, command: any Command, recorded: [String]?)] = []
        var problems: [Diagnostic] = []
        LineReader.forEachLine(in: text) { event in
            switch event {
            case .tooLong(let line):
                problems.append(reader.tooLong(line))
                return false
            case .line(let line):
                switch reader.read(line) {
                case .step(let command, let source): steps.append((line.number, source, command, nil))
                case .output(let text): steps[steps.count - 1].recorded = (steps[steps.count - 1].recorded ?? []) + [text]
                case .nothing: break
                case .problem(let diagnostic): problems.append(diagnostic)
                }
                return true
            }
        }
        guard problems.isEmpty else { return .failure(Diagnostics(list: problems)) }
        return .success(Scenario(path: path, tags: reader.tags,
                                 steps: steps.map { Step(line: $0.line, source: $0.source, command: $0.command, recorded: $0.recorded) }))
    }
}

/// Every parse problem of one file.
public struct Diagnostics: Error, Sendable {
    public let list: [Diagnostic]
}
