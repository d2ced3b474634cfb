import Foundation
import WalletCore

/// Why a scenario failed at one line: everything wrong with that line, once.
public struct Failure: Sendable, Equatable {
    public let line: Int
    public let source: String
    public let details: [String]

    public init(line: Int, source: String, details: [String]) {
        self.line = line
        self.source = source
        self.details = details
    }
}

public struct ScenarioResult: Sendable {
    public let name: TestName
    public let failures: [Failure]
    /// Parse problems: the file did not run at all.
    public let diagnostics: [Diagnostic]
    /// Failures and diagnostics beyond the ones kept (a report stays readable, memory bounded).
    public let omitted: Int
    /// Each step's actual output, when asked for (tests).
    public let actual: [[String]]
    public var duration: Duration = .zero

    public init(name: TestName, failures: [Failure], diagnostics: [Diagnostic], omitted: Int = 0, actual: [[String]] = []) {
        self.name = name
        self.failures = failures
        self.diagnostics = diagnostics
        self.omitted = omitted
        self.actual = actual
    }

    public init(path: String, failures: [Failure], diagnostics: [Diagnostic], actual: [[String]]) {
        self.init(name: TestName(path: path), failures: failures, diagnostics: diagnostics, actual: actual)
    }

    public var path: String { name.path }
    public var passed: Bool { failures.isEmpty && diagnostics.isEmpty }
}

public struct RunOptions: Sendable {
    /// Check the ledger's invariants after every step.
    public var checkInvariants = false
    /// Stop running a file at its first failure (the rest is still parsed).
    public var failFast = false
    /// Keep every step's rendered output in the result.
    public var collectActual = false
    /// Build the file with every command's output recorded afresh.
    public var update = false

    public init(checkInvariants: Bool = false, failFast: Bool = false, collectActual: Bool = false, update: Bool = false) {
        self.checkInvariants = checkInvariants
        self.failFast = failFast
        self.collectActual = collectActual
        self.update = update
    }
}

/// Runs a scenario as it is read, line by line: each step runs as soon as its line is
/// parsed, its recorded output is compared when the block under it ends, and whether a
/// failed command is excused is settled by the next step. Memory is the world, one step
/// and the failures kept, whatever the size of the file.
public struct ScenarioStream {
    public static let maxReported = 100

    private var reader: ScenarioReader
    private var session = Session()
    private let options: RunOptions
    private let name: TestName
    private var failures: [Failure] = []
    private var diagnostics: [Diagnostic] = []
    private var omitted = 0
    private var actual: [[String]] = []
    /// After a parse problem nothing runs; with fail-fast, nothing after the first failure.
    private var running = true
    private var pending: Pending? = nil
    private var errorJudge = ErrorJudge()
    /// Update mode: the file with fresh output, and the original bytes to compare.
    public private(set) var updatedBytes: [UInt8] = []
    private var originalBytes: [UInt8] = []

    /// The last step run, until the output under it and the step after it are known.
    private struct Pending {
        let line: Int
        let source: String
        let command: any Command
        let outcome: Outcome
        var rendered: [String]?
        var recorded: [String]? = nil
        let broken: [String]
    }

    public init(name: TestName, options: RunOptions) {
        self.name = name
        self.options = options
        reader = ScenarioReader(path: name.path)
    }

    public var tags: [String] { reader.tags }

    /// Takes one line; false when the file should be read no further.
    public mutating func feed(_ event: LineEvent) -> Bool {
        switch event {
        case .tooLong(let line):
            addDiagnostic(reader.tooLong(line))
            return false
        case .line(let line):
            let item = reader.read(line)
            if options.update {
                originalBytes.append(contentsOf: line.bytes)
                if case .output = item {} else { updatedBytes.append(contentsOf: line.bytes) }
            }
            switch item {
            case .nothing: break
            case .problem(let diagnostic): addDiagnostic(diagnostic)
            case .output(let text):
                if pending != nil {
                    if pending?.recorded == nil { pending?.recorded = [] }
                    pending?.recorded?.append(text)
                }
            case .step(let command, let source):
                resolvePending(next: command)
                guard running else { break }
                run(command, source: source, line: line)
            }
            return true
        }
    }

    /// The verdict, once the input has ended.
    public mutating func finish() -> ScenarioResult {
        resolvePending(next: nil)
        if !diagnostics.isEmpty {
            return ScenarioResult(name: name, failures: [], diagnostics: diagnostics, omitted: omitted)
        }
        return ScenarioResult(name: name, failures: failures, diagnostics: [], omitted: omitted, actual: actual)
    }

    /// Update mode: whether the fresh file differs from the one read.
    public var updateChangesFile: Bool { updatedBytes != originalBytes }

    private mutating func run(_ command: any Command, source: String, line: RawLine) {
        let outcome = session.run(command)
        var rendered: [String]? = nil
        if options.collectActual || options.update {
            let lines = outcome.lines.map(\.text)
            rendered = lines
            if options.collectActual { actual.append(lines) }
            if options.update && !command.isAssertion { appendOutput(lines, after: line) }
        }
        let broken = options.checkInvariants ? session.world.invariantViolations() : []
        pending = Pending(line: line.number, source: source, command: command, outcome: outcome, rendered: rendered, broken: broken)
    }

    /// Output lines end the way the command's line ends (CRLF files stay CRLF).
    private mutating func appendOutput(_ lines: [String], after line: RawLine) {
        guard !lines.isEmpty else { return }
        let ending: [UInt8] = line.isCRLF ? [13, 10] : [10]
        if !line.endsWithNewline { updatedBytes += ending }
        for text in lines {
            updatedBytes.append(ScenarioReader.outputPrefix)
            if !text.isEmpty { updatedBytes.append(UInt8(ascii: " ")); updatedBytes += text.utf8 }
            updatedBytes += ending
        }
    }

    /// Everything wrong with the pending step, as one failure, in a fixed order: the
    /// assertion, the recorded output, an unexcused error, the invariants.
    private mutating func resolvePending(next: (any Command)?) {
        guard let step = pending else {
            if let earlier = errorJudge.settle(next: next) { report(Failure(line: earlier.line, source: earlier.source, details: ErrorJudge.details(earlier))) }
            return
        }
        pending = nil
        var details: [String] = []
        if let problem = step.outcome.failedAssertion { details.append(problem) }
        let lines = step.rendered ?? (step.recorded == nil ? [] : step.outcome.lines.map(\.text))
        if let recorded = step.recorded, !step.command.isAssertion, recorded != lines {
            details += Diff.unified(expected: recorded, actual: lines)
        }
        // The one judge: this step's error waits for an excuse; the next line may settle it.
        if let error = step.outcome.error, !ErrorJudge.recordingShows(error, recorded: step.recorded, actual: lines) {
            errorJudge.failed(ErrorJudge.Unexcused(line: step.line, source: step.source, error: error))
        }
        if let unexcused = errorJudge.settle(next: next) {
            if unexcused.line == step.line { details += ErrorJudge.details(unexcused) }
            else { report(Failure(line: unexcused.line, source: unexcused.source, details: ErrorJudge.details(unexcused))) }
        }
        if !step.broken.isEmpty { details += ["ledger invariants broken:"] + step.broken.map { "  " + $0 } }
        guard !details.isEmpty else { return }
        report(Failure(line: step.line, source: step.source, details: details))
    }

    private mutating func report(_ failure: Failure) {
        if failures.count < Self.maxReported {
            failures.append(failure)
        } else {
            omitted += 1
        }
        if options.failFast && !options.update { running = false }
    }

    private mutating func addDiagnostic(_ diagnostic: Diagnostic) {
        running = false
        pending = nil
        if diagnostics.count < Self.maxReported { diagnostics.append(diagnostic) } else { omitted += 1 }
    }
}

public enum ScenarioRunner {
    /// Runs a scenario held in memory (tests, `:load`); also parses it into a `Scenario`.
    public static func run(text: String, path: String, checkInvariants: Bool = false, renderAll: Bool = true) -> (ScenarioResult, Scenario?) {
        let result = run(text: text, name: TestName(path: path),
                         options: RunOptions(checkInvariants: checkInvariants, collectActual: renderAll)).result
        let scenario = try? Scenario.parse(text, path: path).get()
        return (result, scenario)
    }

    /// Runs text; in update mode also gives the rewritten text when it differs.
    public static func run(text: String, name: TestName, options: RunOptions) -> (result: ScenarioResult, updated: [UInt8]?) {
        var stream = ScenarioStream(name: name, options: options)
        LineReader.forEachLine(in: text) { stream.feed($0) }
        let result = stream.finish()
        let changed = options.update && result.diagnostics.isEmpty && stream.updateChangesFile
        return (result, changed ? stream.updatedBytes : nil)
    }

    /// Update mode on text: the rewritten text (the same text when nothing changes), or nil
    /// when the file does not parse.
    public static func update(text: String, path: String) -> (result: ScenarioResult, text: String?) {
        let (result, updated) = run(text: text, name: TestName(path: path), options: RunOptions(update: true))
        guard result.diagnostics.isEmpty else { return (result, nil) }
        return (result, updated.map { String(decoding: $0, as: UTF8.self) } ?? text)
    }

    /// Streams a file from disk in bounded chunks. A file that cannot be opened or read is
    /// an error (exit 2), never a short file.
    public static func run(file path: String, name: TestName, options: RunOptions) -> Result<(result: ScenarioResult, updated: [UInt8]?), ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure(message: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var stream = ScenarioStream(name: name, options: options)
        if let failure = LineReader.forEachLine(descriptor: descriptor, { stream.feed($0) }) { return .failure(failure) }
        let result = stream.finish()
        let changed = options.update && result.diagnostics.isEmpty && stream.updateChangesFile
        return .success((result, changed ? stream.updatedBytes : nil))
    }
}
