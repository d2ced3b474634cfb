/// Piped standard input: each line runs as it comes, with the scenario rules: a failed
/// `expect`, or a failed command not followed by `expect error`, makes the run fail.
public struct PipedRun {
    public private(set) var console: Console
    private var errorJudge = ErrorJudge()
    public private(set) var failures = 0
    public private(set) var parseErrors = 0

    /// Piped input keeps no undo log: memory stays bounded by the world, never by the length
    /// of the input, so `:undo` and `:save` are refused there as errors that count.
    public init(inputName: String = "<stdin>") { console = Console(inputName: inputName, keepsSession: false) }

    public struct Printed {
        /// Diagnostics of earlier lines this line settled (a failed command that no `expect
        /// error` followed): printed before this line's output, so each sits right after the
        /// output of its own line and the lines that could still excuse it.
        public var before: [String] = []
        public var out: [OutputLine] = []
        public var err: [String] = []
        public var quit = false
    }

    /// A failed command was waiting for its `expect error` when the current line was read:
    /// whatever settles it goes to `before`.
    private var earlierWaiting = false

    /// A line read as bytes: one that is not UTF-8 is shown in diagnostics with its bad bytes
    /// as `\xFF` (`InvalidBytes`).
    public mutating func feed(_ line: RawLine) -> Printed {
        var bytes = line.content
        if console.lineNumber == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
        return feed(line.text, bytes: bytes)
    }

    public mutating func feed(_ line: String, bytes: UnsafeBufferPointer<UInt8>? = nil) -> Printed {
        var printed = Printed()
        // A byte-order mark opening the input is no part of the first command (as in `run`).
        var line = line
        if console.lineNumber == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        earlierWaiting = errorJudge.isWaiting
        let response = console.handle(line)
        if var diagnostic = response.diagnostic {
            if let bytes { InvalidBytes.show(in: &diagnostic, line: bytes) }
            // A line that did not parse ends the chance of an `expect error`.
            parseErrors += 1
            settleEarlier(into: &printed.before)
            printed.err.append(diagnostic.rendered)
            return printed
        }
        // So does a meta-command, or an include or `:load` that ran nothing (it could not be
        // read or parsed); the lines one ran are judged as typed, below. Blank lines and
        // comments leave it waiting.
        if response.loaded.isEmpty, response.command == nil,
           !response.errors.isEmpty || line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
            settleEarlier(into: &printed.before)
        }
        printed.out = response.lines
        printed.quit = response.quit
        // A `:load` that could not read or parse its file is a line that did not parse.
        parseErrors += response.errors.count
        printed.err += response.errors
        // The lines a `:load` ran count exactly as if they had been typed here.
        for step in response.loaded {
            judge(step.command, step.outcome, line: step.line, source: step.source, file: step.file,
                  includedFrom: step.includedFrom, recordingShows: step.recordingShowsError, before: &printed.before, into: &printed.err)
        }
        guard let outcome = response.outcome, let command = response.command else { return printed }
        judge(command, outcome, line: console.lineNumber, source: line, file: nil, includedFrom: [], recordingShows: false,
              before: &printed.before, into: &printed.err)
        return printed
    }

    /// The scenario rules for one command: a failed `expect` fails; a failed command is
    /// judged by the one `ErrorJudge`.
    /// `includedFrom`: the include lines that led to `file` (` (included from <stdin>:3)`).
    // Not inlined: inlined into `feed`, Swift 6.3.1's optimizer crashed on the borrowed
    // command's switch (CopyPropagation, "Found ownership error") in release builds.
    @inline(never)
    private mutating func judge(_ command: AnyCommand, _ outcome: Outcome, line: Int, source: String, file: String?,
                                includedFrom: [String], recordingShows: Bool, before: inout [String], into err: inout [String]) {
        if let failed = errorJudge.settle(next: command) {
            failures += 1
            if earlierWaiting { before.append(unexcused(failed)) } else { err.append(unexcused(failed)) }
        }
        if !errorJudge.isWaiting { earlierWaiting = false }
        if let error = outcome.error, !recordingShows {
            errorJudge.failed(ErrorJudge.Unexcused(line: line, source: source, file: file, error: error, includedFrom: includedFrom))
        }
        if outcome.failedAssertion != nil {
            failures += 1
            err.append("\(file ?? console.inputName):\(line): error: expect failed" + IncludePath.suffix(includedFrom))
        }
    }

    /// The failure waiting when this line was read has no excuse now.
    private mutating func settleEarlier(into before: inout [String]) {
        guard earlierWaiting, let failed = errorJudge.settleAtEnd() else { return }
        earlierWaiting = false
        failures += 1
        before.append(unexcused(failed))
    }

    /// Call at the end of input: the exit code.
    public mutating func finish() -> (err: [String], exitCode: Int32) {
        var err: [String] = []
        if let failed = errorJudge.settle(next: nil) {
            failures += 1
            err.append(unexcused(failed))
        }
        return (err, parseErrors > 0 ? 2 : (failures > 0 ? 1 : 0))
    }

    private func unexcused(_ failed: ErrorJudge.Unexcused) -> String {
        "\(failed.file ?? console.inputName):\(failed.line): error: the command failed with \(failed.error.code.rawValue) and no `expect error` follows" + IncludePath.suffix(failed.includedFrom)
    }
}
