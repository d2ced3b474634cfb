import Foundation
import WalletCore

/// Why a scenario failed at one line: everything wrong with that line, once.
public struct Failure: Sendable, Equatable {
    public let line: Int
    public let source: String
    public let details: [String]
    /// The file holding the line when it is not the test's own (an included file).
    public var file: String? = nil
    /// The include lines that led there, outermost first (`a.scn:2`).
    public var includedFrom: [String] = []

    public init(line: Int, source: String, details: [String], file: String? = nil, includedFrom: [String] = []) {
        self.line = line
        self.source = source
        self.details = details
        self.file = file
        self.includedFrom = includedFrom
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
    /// How often each rule passed and failed here (`run --coverage`), else nil.
    public var coverage: RuleCoverage? = nil

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
    /// The policy every world starts with (what-if runs); nil is the default.
    public var policy: Policy? = nil
    /// Count how often each rule passed and failed (`run --coverage`).
    public var coverage = false

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
/// and the failures kept, whatever the size of the file. An `include` streams the other
/// file at that point through a reader of its own, in the same world.
public struct ScenarioStream {
    public static let maxReported = 100

    private var reader: ScenarioReader
    private var session: Session
    private let options: RunOptions
    /// The options read on every step, kept apart (reading them through `options` copied its policy).
    private let renders: Bool, updates: Bool, checksInvariants: Bool
    private let name: TestName
    private var failures: [Failure] = []
    private var diagnostics: [Diagnostic] = []
    private var omitted = 0
    private var actual: [[String]] = []
    /// Nil unless coverage is asked: then every action's rules are counted.
    private var coverage: RuleCoverage?
    /// After a parse problem nothing runs; with fail-fast, nothing after the first failure.
    private var running = true
    /// Reading stops (an include bound was passed, a line was too long).
    private var stopped = false
    /// The last step run, until the output under it and the step after it are known. Its
    /// fields are the stream's own: one optional struct moved in and destroyed a line cost
    /// about 300 instructions. The command itself is not kept (only whether it asserts).
    private var hasPending = false
    private var pendingLine = 0
    private var pendingIsAssertion = false
    private var pendingOutcome = Outcome()
    /// It neither failed nor broke an invariant: with nothing recorded under it and no
    /// earlier failure waiting, the next step settles nothing and it is dropped unread.
    private var pendingClean = false
    /// Its lines rendered when the run renders every step; the output recorded under it.
    private var pendingRendered: [String]? = nil
    private var pendingRecorded: [String]? = nil
    /// Ledger invariants it broke (`--check-invariants`).
    private var pendingBroken: [String] = []
    /// The included file holding it, and the include lines that led there (nil and [] in the test's own file).
    private var pendingFile: String? = nil
    private var pendingChain: [String] = []
    /// The pending step's line as typed, in a buffer reused line after line: the String is
    /// made only for a failure report. An action's line is the session's last source (it
    /// keeps it for `why`), so only an assertion's or `why`'s line is copied here.
    private var pendingSource = LineBytes()
    private var pendingIsAction = false
    private var errorJudge = ErrorJudge()
    /// A failure already reported for the step whose error the judge holds (its recorded
    /// output differed): when no `expect error` comes, the error joins that failure, one
    /// line one failure. `index` is nil when the failure was over the kept number.
    private var waitingFailure: (index: Int?, line: Int, file: String?)? = nil
    private var lastLine = 0
    /// The files running, outermost (the test's own) first, each with the line that included the next.
    private var stack: [(key: String, path: String, includedAt: String?)]
    private var includedLines = 0
    /// Update mode: the original bytes and the output blocks that change.
    private var originalBytes: [UInt8] = []
    /// Update mode: the file ends its lines with CRLF (its first ended line says), so output
    /// added after a last line without a newline ends that way too.
    private var fileIsCRLF: Bool? = nil
    private var edits: [OutputEdit] = []
    private var openEdit: OutputEdit? = nil

    public init(name: TestName, options: RunOptions) {
        self.name = name
        self.options = options
        (renders, updates, checksInvariants) = (options.collectActual || options.update, options.update, options.checkInvariants)
        session = options.policy.map(Session.init(policy:)) ?? Session()
        coverage = options.coverage ? RuleCoverage() : nil
        reader = ScenarioReader(path: name.path, exampleRow: name.exampleRow)
        stack = [(IncludePath.key(name.path), name.path, nil)]
    }

    public var tags: [String] { reader.tags }
    /// The file has an examples table: `--update` and `-i` leave it as it is.
    public var hasExamples: Bool { reader.examples != nil }

    /// Takes one line; false when the file should be read no further.
    public mutating func feed(_ event: LineEvent) -> Bool {
        switch event {
        case .tooLong(let line):
            addDiagnostic(reader.tooLong(line))
            return false
        case .line(let line):
            lastLine = line.number
            let item = reader.read(line)
            if updates { track(item, line) }
            // Moved, not copied (an item holds the step's command).
            handle(consume item, line: line)
            return !stopped
        }
    }

    /// What one line of any file (the test's own or an included one) does.
    /// Consuming: the step's command is not copied on its way to `run`.
    private mutating func handle(_ item: consuming ScenarioReader.Item, line: RawLine) {
        let included = stack.count > 1
        switch consume item {
        case .nothing: break
        case .problem(var diagnostic):
            // `run` shows the line with a caret, as the REPL does: the line the problem names.
            if diagnostic.source == nil, diagnostic.line == line.number {
                // Bytes that are not UTF-8 are shown as `\xFF` (message, excerpt and column).
                InvalidBytes.show(in: &diagnostic, line: line.content)
                if diagnostic.source == nil { diagnostic.source = String(decoding: line.content, as: UTF8.self) }
            }
            addDiagnostic(diagnostic)
        case .output(let text):
            // An included file's recorded output is neither compared nor rewritten.
            guard !included, hasPending else { break }
            if pendingRecorded == nil { pendingRecorded = [text] } else { pendingRecorded?.append(text) }
        case .step(let command, let source):
            let next = ErrorJudge.Next(command)
            if (!hasPending || (pendingClean && pendingRecorded == nil)) && !errorJudge.isWaiting {
                // The usual line: nothing to report of the step before, no failure to settle.
                hasPending = false
            } else {
                resolvePending { $0.settle(next) }
            }
            guard running else { break }
            run(command, role: next.role, source: source, line: line)
        case .include(let target, _, let column):
            include(target, line: line.number, column: column)
        }
    }

    /// Runs the file `target` names at this point; its problems are this test's.
    private mutating func include(_ target: String, line: Int, column: Int) {
        let from = stack[stack.count - 1].path
        let display = IncludePath.resolve(target, from: from)
        let key = IncludePath.key(display)
        let location = "\(from):\(line)"
        func refuse(_ message: String, chained: Bool = false) {
            addDiagnostic(Diagnostic(file: from, line: line, column: column, message: message), chained: chained)
        }
        if let refusal = IncludePath.refusal(key: key, display: display, stack: stack, location: location) { return refuse(refusal, chained: true) }
        let descriptor: Int32
        switch RegularFile.open(display) {
        case .failure(let failure): return refuse("cannot include \(Printable.escaped(display)): \(failure.message)")
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        stack.append((key, display, location))
        defer { stack.removeLast() }
        var nested = ScenarioReader(path: display, included: true)
        var count = 0
        let failure = LineReader.forEachLine(descriptor: descriptor) { event in
            includedLines += 1
            if includedLines > IncludePath.maxIncludedLines {
                addDiagnostic(Diagnostic(file: from, line: line, column: column,
                                         message: "includes ran more than \(ExploreReport.grouped(IncludePath.maxIncludedLines)) lines in one test"))
                stopped = true
                return false
            }
            switch event {
            case .tooLong(let raw):
                addDiagnostic(nested.tooLong(raw))
                return false
            case .line(let raw):
                count = raw.number
                handle(nested.read(raw), line: raw)
                return !stopped
            }
        }
        if let failure { return refuse("cannot read \(Printable.escaped(display)): \(failure.message)") }
        if let problem = nested.finish(lines: count) { addDiagnostic(problem) }
    }

    /// The session as the lines so far left it (the HTML report charts it).
    public var currentSession: Session { session }

    /// The verdict, once the input has ended.
    public mutating func finish() -> ScenarioResult {
        if options.update { closeEdit() }
        if let problem = reader.finish(lines: lastLine) { addDiagnostic(problem) }
        resolvePending { $0.settleAtEnd() }
        var result = diagnostics.isEmpty
            ? ScenarioResult(name: name, failures: failures, diagnostics: [], omitted: omitted, actual: actual)
            : ScenarioResult(name: name, failures: [], diagnostics: diagnostics, omitted: omitted)
        result.coverage = coverage
        return result
    }

    /// Update mode: the file with every changed output block, for `--update` or to pick
    /// from (`-i`). Nil when it changes nothing, does not parse, or has an examples table.
    public var rewrite: Rewrite? {
        guard options.update, diagnostics.isEmpty, !hasExamples, !edits.isEmpty else { return nil }
        return Rewrite(original: originalBytes, edits: edits)
    }

    /// Whether the fresh file differs from the one read.
    public var updateChangesFile: Bool { rewrite != nil }
    public var updatedBytes: [UInt8] { rewrite?.applying { _ in true } ?? originalBytes }

    /// Consumes the command: it moves into the session (its last action).
    private mutating func run(_ command: consuming AnyCommand, role: CommandRole, source: ScenarioReader.StepSource, line: RawLine) {
        let outcome: Outcome
        let isAction = role == .action, isAssertion = role == .assertion
        // The command moves into the session (its last action); coverage reads it there.
        switch source {
        case .bytes(let bytes):
            outcome = session.run(command, role: role, sourceBytes: bytes)
            if !isAction { pendingSource.set(bytes) }
        case .text(let text):
            outcome = session.run(command, source: text)
            if !isAction { pendingSource.set(text) }
        }
        if isAction, coverage != nil, let ran = session.lastAction { coverage?.count(ran, outcome, in: session) }
        var rendered: [String]? = nil
        let topLevel = stack.count == 1
        if renders {
            let lines = outcome.lines.map(\.text)
            rendered = lines
            if options.collectActual { actual.append(lines) }
            if updates && topLevel && !isAssertion { openEdit(lines, after: line, source: source.text) }
        }
        var clean = outcome.isClean
        hasPending = true
        pendingLine = line.number
        pendingIsAssertion = isAssertion
        pendingIsAction = isAction
        pendingOutcome = consume outcome
        // The rare fields are written only when they change.
        if rendered != nil || pendingRendered != nil { pendingRendered = rendered }
        if pendingRecorded != nil { pendingRecorded = nil }
        if checksInvariants {
            pendingBroken = session.world.invariantViolations()
            if !pendingBroken.isEmpty { clean = false }
        }
        pendingClean = clean
        if !topLevel {
            pendingFile = stack[stack.count - 1].path
            pendingChain = stack.compactMap { $0.includedAt }
        } else if pendingFile != nil || !pendingChain.isEmpty {
            pendingFile = nil
            pendingChain = []
        }
    }

    // MARK: update mode

    /// Keeps the test's own bytes and where each output block starts and ends.
    private mutating func track(_ item: ScenarioReader.Item, _ line: RawLine) {
        originalBytes.append(contentsOf: line.bytes)
        if fileIsCRLF == nil, line.endsWithNewline { fileIsCRLF = line.isCRLF }
        if case .output(let text) = item, var edit = openEdit {
            openEdit = nil
            edit.range = edit.range.lowerBound..<originalBytes.count
            edit.old.append(text)
            openEdit = edit
        } else {
            closeEdit()
        }
    }

    /// Opens the output block under a command that just ran: its fresh lines. Output lines
    /// end the way the command's line ends (CRLF files stay CRLF).
    private mutating func openEdit(_ lines: [String], after line: RawLine, source: String) {
        var bytes: [UInt8] = []
        // A last line without a newline takes the file's ending, so the file stays one kind.
        let crlf = line.endsWithNewline ? line.isCRLF : fileIsCRLF == true
        let ending: [UInt8] = crlf ? [13, 10] : [10]
        if !line.endsWithNewline && !lines.isEmpty { bytes += ending }
        for text in lines {
            bytes.append(ScenarioReader.outputPrefix)
            if !text.isEmpty { bytes.append(UInt8(ascii: " ")); bytes += text.utf8 }
            bytes += ending
        }
        openEdit = OutputEdit(line: line.number, source: source, range: originalBytes.count..<originalBytes.count,
                              replacement: bytes, old: [], new: lines)
    }

    private mutating func closeEdit() {
        guard let edit = openEdit else { return }
        openEdit = nil
        if !originalBytes[edit.range].elementsEqual(edit.replacement) { edits.append(edit) }
    }

    /// Everything wrong with the pending step, as one failure, in a fixed order: the
    /// assertion, the recorded output, an unexcused error, the invariants. `settle` asks the
    /// judge with the next command (a closure: wrapping the command in an optional copied it).
    private mutating func resolvePending(_ settle: (inout ErrorJudge) -> ErrorJudge.Unexcused?) {
        guard hasPending else {
            if let earlier = settle(&errorJudge) { reportUnexcused(earlier) }
            return
        }
        hasPending = false
        // The usual step: it passed, nothing was recorded under it, no invariant broke. Only
        // an earlier failure may be settled; no arrays are made (two releases a line).
        if pendingClean, pendingRecorded == nil {
            if let earlier = settle(&errorJudge) { reportUnexcused(earlier) }
            return
        }
        var details: [String] = []
        if let problem = pendingOutcome.failedAssertion { details.append(problem) }
        let lines = pendingRendered ?? (pendingRecorded == nil ? [] : pendingOutcome.lines.map(\.text))
        if let recorded = pendingRecorded, !pendingIsAssertion, !Diff.same(recorded, lines) {
            var diff = Diff.unified(expected: recorded, actual: lines)
            // A what-if run: the recording is the default policy's outcome.
            if let policy = options.policy, diff.count >= 2 {
                diff[0] = "--- recorded"
                diff[1] = "+++ with " + Policy.describeChanges(from: Policy(), to: policy)
            }
            details += diff
        }
        // The one judge: this step's error waits for an excuse; the next line may settle it.
        var waits = false
        if let error = pendingOutcome.error, !ErrorJudge.recordingShows(error, recorded: pendingRecorded, actual: lines) {
            errorJudge.failed(ErrorJudge.Unexcused(line: pendingLine, source: pendingSourceText, file: pendingFile, error: error, includedFrom: pendingChain))
            waitingFailure = nil
            waits = true
        }
        if let unexcused = settle(&errorJudge) {
            if unexcused.line == pendingLine && unexcused.file == pendingFile {
                noteRecorded(unexcused)
                details += ErrorJudge.details(unexcused)
            } else {
                reportUnexcused(unexcused)
            }
        }
        if !pendingBroken.isEmpty { details += ["ledger invariants broken:"] + pendingBroken.map { "  " + $0 } }
        guard !details.isEmpty else { return }
        let kept = failures.count < Self.maxReported
        report(Failure(line: pendingLine, source: pendingSourceText, details: details, file: pendingFile, includedFrom: pendingChain))
        if waits && errorJudge.isWaiting { waitingFailure = (kept ? failures.count - 1 : nil, pendingLine, pendingFile) }
    }

    /// A failed command nothing excused: its own failure, or the words added to the one its
    /// line already has.
    private mutating func reportUnexcused(_ unexcused: ErrorJudge.Unexcused) {
        noteRecorded(unexcused)
        guard let waiting = waitingFailure, waiting.line == unexcused.line, waiting.file == unexcused.file else {
            return report(failure(unexcused))
        }
        waitingFailure = nil
        guard let index = waiting.index else { return }
        let reported = failures[index]
        failures[index] = Failure(line: reported.line, source: reported.source, details: reported.details + ErrorJudge.details(unexcused),
                                  file: reported.file, includedFrom: reported.includedFrom)
    }

    /// Update mode: the output block written under a failed command that no `expect error`
    /// followed shows its error, which excuses it from now on: marked, for `--update` to say.
    private mutating func noteRecorded(_ unexcused: ErrorJudge.Unexcused) {
        guard updates, unexcused.file == nil, let index = edits.lastIndex(where: { $0.line == unexcused.line }) else { return }
        edits[index].recordedError = unexcused.error.code.rawValue
    }

    private var pendingSourceText: String { pendingIsAction ? session.lastSource ?? "" : pendingSource.text }

    private func failure(_ unexcused: ErrorJudge.Unexcused) -> Failure {
        Failure(line: unexcused.line, source: unexcused.source, details: ErrorJudge.details(unexcused),
                file: unexcused.file, includedFrom: unexcused.includedFrom)
    }

    private mutating func report(_ failure: Failure) {
        if failures.count < Self.maxReported {
            failures.append(failure)
        } else {
            omitted += 1
        }
        if options.failFast && !options.update { running = false }
    }

    /// `chained`: the message already names the include chain.
    private mutating func addDiagnostic(_ diagnostic: Diagnostic, chained: Bool = false) {
        running = false
        hasPending = false
        var diagnostic = diagnostic
        // A problem inside an included file says how it was reached.
        if !chained, stack.count > 1 { diagnostic.message += IncludePath.suffix(stack.compactMap(\.includedAt)) }
        if diagnostics.count < Self.maxReported { diagnostics.append(diagnostic) } else { omitted += 1 }
    }
}

/// One output block `--update` rewrites: the recorded lines under a command and its fresh ones.
public struct OutputEdit: Sendable, Equatable {
    /// The command's line (1-based) and text.
    public let line: Int
    public let source: String
    /// The bytes of the original file the block spans (empty when nothing was recorded).
    public var range: Range<Int>
    public let replacement: [UInt8]
    public var old: [String]
    public let new: [String]
    /// The code of the error the block records under a failed command that had no
    /// `expect error` and no recording showing it: from now on the recording excuses it.
    public var recordedError: String? = nil
}

/// A file and the output blocks that change in it; `-i` applies the ones accepted.
public struct Rewrite: Sendable {
    public let original: [UInt8]
    public let edits: [OutputEdit]

    /// The file with the edits `accept` takes (by index) applied.
    public func applying(_ accept: (Int) -> Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.count)
        var at = 0
        for (index, edit) in edits.enumerated() where accept(index) {
            bytes += original[at..<edit.range.lowerBound]
            bytes += edit.replacement
            at = edit.range.upperBound
        }
        bytes += original[at...]
        return bytes
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
        return (result, stream.rewrite.map { $0.applying { _ in true } })
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
        runFile(path, name: name, options: options).map { ($0.result, $0.rewrite.map { $0.applying { _ in true } }) }
    }

    /// The same, giving the changed output blocks one by one (update mode) for `-i`.
    public static func runFile(_ path: String, rawPath: [UInt8]? = nil, name: TestName, options: RunOptions) -> Result<(result: ScenarioResult, rewrite: Rewrite?), ReadFailure> {
        let descriptor: Int32
        switch RegularFile.open(path, rawPath: rawPath) {
        case .failure(let failure): return .failure(failure)
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        var stream = ScenarioStream(name: name, options: options)
        if let failure = LineReader.forEachLine(descriptor: descriptor, { stream.feed($0) }) { return .failure(failure) }
        let result = stream.finish()
        return .success((result, stream.rewrite))
    }
}
