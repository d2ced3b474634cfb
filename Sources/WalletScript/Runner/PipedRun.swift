/// Piped standard input: each line runs as it comes, with the scenario rules: a failed
/// `expect`, or a failed command not followed by `expect error`, makes the run fail.
public struct PipedRun {
    public private(set) var console: Console
    private var pendingError: (line: Int, code: String)? = nil
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
        let response = console.handle(line)
        if let diagnostic = response.diagnostic {
            parseErrors += 1
            printed.err.append(diagnostic.rendered)
            return printed
        }
        printed.out = response.lines
        printed.quit = response.quit
        guard let outcome = response.outcome else { return printed }
        let isExpectError = if case .expect(.error) = response.command { true } else { false }
        if let pending = pendingError, !isExpectError {
            failures += 1
            printed.err.append("\(console.inputName):\(pending.line): error: the command failed with \(pending.code) and no `expect error` follows")
        }
        pendingError = nil
        if outcome.failedAssertion != nil {
            failures += 1
            printed.err.append("\(console.inputName):\(console.lineNumber): error: expect failed")
        }
        if let error = outcome.error { pendingError = (console.lineNumber, error.code.rawValue) }
        return printed
    }

    /// Call at the end of input: the exit code.
    public mutating func finish() -> (err: [String], exitCode: Int32) {
        var err: [String] = []
        if let pending = pendingError {
            failures += 1
            err.append("\(console.inputName):\(pending.line): error: the command failed with \(pending.code) and no `expect error` follows")
            pendingError = nil
        }
        return (err, parseErrors > 0 ? 2 : (failures > 0 ? 1 : 0))
    }
}
