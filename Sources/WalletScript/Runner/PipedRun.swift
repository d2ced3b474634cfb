/// Piped standard input: each line runs as it comes, with the scenario rules: a failed
/// `expect`, or a failed command not followed by `expect error`, makes the run fail.
public struct PipedRun {
    public private(set) var console: Console
    private var pendingError: (location: String, code: String)? = nil
    public private(set) var failures = 0
    public private(set) var parseErrors = 0

    public init(inputName: String = "<stdin>") { console = Console(inputName: inputName, keepsSession: false) }

    public struct Printed {
        public var out: [OutputLine] = []
        public var err: [String] = []
        public var quit = false
    }

    public mutating func feed(_ line: String) -> Printed {
        var printed = Printed()
        // A byte-order mark opening the input is no part of the first command (as in `run`).
        var line = line
        if console.lineNumber == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        let response = console.handle(line)
        if let diagnostic = response.diagnostic {
            parseErrors += 1
            printed.err.append(diagnostic.rendered)
            return printed
        }
        printed.out = response.lines
        printed.quit = response.quit
        // A `:load` that could not read or parse its file is a line that did not parse.
        parseErrors += response.errors.count
        printed.err += response.errors
        // The lines a `:load` ran count exactly as if they had been typed here.
        for step in response.loaded {
            judge(step.command, step.outcome, at: "\(step.file):\(step.line)", excused: step.recordingShowsError, into: &printed.err)
        }
        guard let outcome = response.outcome, let command = response.command else { return printed }
        judge(command, outcome, at: "\(console.inputName):\(console.lineNumber)", excused: false, into: &printed.err)
        return printed
    }

    /// The scenario rules for one command: a failed `expect` fails; a failed command fails
    /// unless the next command is `expect error` (or its recorded output shows the error).
    private mutating func judge(_ command: Command, _ outcome: Outcome, at location: String, excused: Bool, into err: inout [String]) {
        let isExpectError = if case .expect(.error) = command { true } else { false }
        if let pending = pendingError, !isExpectError {
            failures += 1
            err.append("\(pending.location): error: the command failed with \(pending.code) and no `expect error` follows")
        }
        pendingError = nil
        if outcome.failedAssertion != nil {
            failures += 1
            err.append("\(location): error: expect failed")
        }
        if let error = outcome.error, !excused { pendingError = (location, error.code.rawValue) }
    }

    /// Call at the end of input: the exit code.
    public mutating func finish() -> (err: [String], exitCode: Int32) {
        var err: [String] = []
        if let pending = pendingError {
            failures += 1
            err.append("\(pending.location): error: the command failed with \(pending.code) and no `expect error` follows")
            pendingError = nil
        }
        return (err, parseErrors > 0 ? 2 : (failures > 0 ? 1 : 0))
    }
}
