import Foundation
import WalletCore

/// The interactive session behind the REPL and piped input: runs lines, meta-commands,
/// keeps what `:save` writes and what `:undo` restores. No terminal code here.
public struct Console {
    public private(set) var session = Session()
    /// Where `<input>:LINE` diagnostics count from.
    public private(set) var lineNumber = 0
    public let inputName: String
    /// Whether the console keeps a session to `:save` and `:undo` (the REPL and piped input
    /// do; a console that only runs lines, such as a test's, need not).
    public let keepsSession: Bool
    /// Every change since the console started, in order, plus comments: the current
    /// session is the replay of this log, and `:save` writes it from the last `:reset` on.
    private var log = SessionLog()
    /// The lexer's word buffer, reused line after line (a fresh one was an allocation a line).
    /// Not the session's: the undo log keeps copies of the session, and each would keep a buffer.
    private var tokens = TokenBuffer()
    /// What a `:reach` search, a `:load` and an `include` may use of the terminal: a
    /// progress line and Ctrl-C.
    public var searchHooks = SearchHooks()
    /// The files `:load` and `include` read this session: `:report` never replaces one.
    private var readFiles: Set<ReportTarget.FileID> = []

    public init(inputName: String = "<input>", keepsSession: Bool = true) {
        self.inputName = inputName
        self.keepsSession = keepsSession
    }

    /// What one typed line gave.
    public struct Response {
        public var lines: [OutputLine] = []
        public var diagnostic: Diagnostic? = nil
        public var outcome: Outcome? = nil
        /// The command the line ran, if it ran one.
        public var command: AnyCommand? = nil
        public var quit = false
        /// Problems that are no command's output (a file that cannot be read or does not
        /// parse): the REPL shows them, piped input sends them to standard error and counts
        /// them as lines that did not parse.
        public var errors: [String] = []
        /// What a `:load` ran, step by step, so piped input can judge each as if typed.
        public var loaded: [LoadedStep] = []
        /// The indices in `lines` of the `> expect …` lines a `:reach … apply` ran that held
        /// saying nothing: the REPL ticks them as it ticks a typed `expect`.
        public var heldAssertions: [Int] = []
    }

    /// One line a `:load` ran.
    public struct LoadedStep {
        public var file: String
        public var line: Int
        public var source: String
        public var command: AnyCommand
        public var outcome: Outcome
        /// The file recorded this command's output and it shows the error: excused, as in `run`.
        public var recordingShowsError: Bool
        /// The include lines that led to the file, outermost first (`<stdin>:3`).
        public var includedFrom: [String] = []

        /// ` (included from <stdin>:3)`, or nothing for a line of the file itself.
        public var includeNote: String { IncludePath.suffix(includedFrom) }
    }

    /// `alice 2026-01-15 09:00> `
    public var prompt: String {
        "\(session.currentUserName ?? "tourpass") \(session.world.now)> "
    }

    /// The line with every payment password hidden, for echoing it back.
    public static func redacted(_ line: String) -> String { Secrets.redacted(line) }

    /// Whether a typed line may go to the history file.
    public static func isSafeForHistory(_ line: String) -> Bool { Secrets.isSafeForHistory(line) }

    /// What the history file keeps of a typed line: the line, the line without its password,
    /// or nothing (nil).
    public static func historyEntry(_ line: String) -> String? {
        line.hasPrefix(":") || line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":")
            ? (Secrets.isSafeForHistory(line) ? line : nil) : Secrets.historyEntry(line)
    }

    public mutating func handle(_ line: String) -> Response {
        lineNumber += 1
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        if trimmed.hasPrefix(":") { return meta(String(trimmed), indent: line.count - trimmed.count) }
        if trimmed.hasPrefix(IncludeLine.keyword), let include = IncludeLine.parse(line) {
            switch include {
            case .failure(var diagnostic):
                diagnostic.file = inputName
                diagnostic.line = lineNumber
                session.noteUnparsed(diagnostic)
                return Response(diagnostic: diagnostic)
            case .success(let (target, column)):
                return self.include(target, source: line, column: column)
            }
        }
        switch CommandTable.parse(line, tokens: &tokens) {
        case .failure(var diagnostic):
            diagnostic.file = inputName
            diagnostic.line = lineNumber
            session.noteUnparsed(diagnostic)
            return Response(diagnostic: diagnostic)
        case .success(nil):
            if trimmed.hasPrefix("#"), keepsSession {
                log.append(nil, kept: SessionLog.Kept(source: line, output: []), session: session)
                log.noteLookAfterUndoPoint()
            }
            return Response()
        case .success(let command?):
            return run(command, source: line)
        }
    }

    private mutating func run(_ command: AnyCommand, source: String, undoable: Bool = true) -> Response {
        // Undo steps are the lines that changed something (a failed attempt too: it is in
        // the statement, and `expect` and `why` look at it); lines that only looked are not.
        let looks = command.isAssertion || command.onlyLooks
        if !looks && keepsSession && undoable { log.markUndoPoint(source) }
        // `why` about a line that did not parse: that line is not saved, so neither is this.
        let aboutUnsaved = command.role == .explanation && session.unparsed != nil
        let outcome = session.run(command, source: source)
        if keepsSession {
            // A failed assertion is shown but not saved: the saved file must pass.
            var kept: SessionLog.Kept? = nil
            if outcome.failedAssertion == nil && !aboutUnsaved {
                // Tab completion leaves a trailing space; the saved file should not keep it.
                var line = Substring(source)
                while line.last == " " || line.last == "\t" { line = line.dropLast() }
                kept = SessionLog.Kept(source: String(line), output: command.isAssertion ? [] : outcome.lines.map(\.text))
            }
            log.append(.run(command), kept: kept, session: session)
            if looks && undoable && kept != nil { log.noteLookAfterUndoPoint() }
        }
        return Response(lines: outcome.lines, outcome: outcome, command: command)
    }

    // MARK: meta-commands

    /// `indent`: characters before the meta-command in the typed line, for a column.
    private mutating func meta(_ line: String, indent: Int = 0) -> Response {
        let head = LineHead(line)
        let name = String(head.word)
        let argument = Console.unquoted(head.argument)
        // A meta-command that takes no argument (or a number, `:undo N`) refuses any other
        // and does nothing: `:reset please` must not reset, nor `:undo all` undo one step.
        let argumentColumn = indent + line.distance(from: line.startIndex, to: head.rest.startIndex) + 1
        if let refusal = MetaArgument.refusal(name: name, argument: head.argument) {
            return Response(diagnostic: Diagnostic(file: inputName, line: lineNumber, column: argumentColumn, message: refusal))
        }
        switch name {
        case ":help":
            if !argument.isEmpty, CommandTable.spec(named: argument) == nil, !MetaCommand.names.contains(argument) {
                return info("no command \(Printable.escaped(argument))" + didYouMean(argument, in: CommandTable.namesAndAliases))
            }
            return Response(lines: HelpCommand.lines(for: argument.isEmpty ? nil : argument, policy: session.world.policy).map { OutputLine(.info, $0) })
        case ":quit", ":q", ":exit":
            return Response(quit: true)
        case ":undo" where !keepsSession, ":save" where !keepsSession:
            return Response(errors: ["\(inputName):\(lineNumber): error: \(name) works in the REPL; piped input keeps no session (its memory would grow with the input): edit the lines instead"])
        case ":undo":
            let asked = MetaArgument.undoSteps(head.argument) ?? 1
            let undone = log.undo(steps: asked, into: &session)
            guard !undone.isEmpty else { return info("nothing to undo") }
            var lines = undone.map { step in
                let after = step.looksAfter
                let also = after == 0 ? "" : " and the \(after == 1 ? "line" : "\(after) lines") typed after it"
                return OutputLine(.info, "undid: \(Console.redacted(step.source))\(also)")
            }
            if asked > 1 {
                let steps = "\(undone.count) step\(undone.count == 1 ? "" : "s")"
                lines.append(OutputLine(.info, undone.count < asked ? "undid \(steps): nothing more to undo" : "undid \(steps)"))
            }
            return Response(lines: lines)
        case ":reset":
            session = Session()
            if keepsSession {
                log.markUndoPoint(":reset")
                log.append(.reset, kept: nil, session: session)
            }
            return info("reset to the default world (:undo brings it back)")
        case ":save":
            guard !argument.isEmpty else { return info(":save needs a FILE") }
            return save(to: argument)
        case ":load":
            guard !argument.isEmpty else { return info(":load needs a FILE") }
            return load(argument)
        case ":reach":
            let plan = ReachPlan.make(String(head.rest), from: session, hooks: searchHooks)
            var response = Response(lines: plan.message.map { OutputLine(.info, $0) })
            // With apply, the whole way there is one undo step.
            if plan.apply, keepsSession { log.markUndoPoint(":reach \(argument)") }
            for line in plan.lines {
                guard case .success(let command?) = CommandTable.parse(line) else { continue }
                response.lines.append(OutputLine(.info, "> " + line))
                let echo = response.lines.count - 1
                let result = run(command, source: line, undoable: false)
                response.lines += result.lines
                if command.isAssertion, let outcome = result.outcome, outcome.output.isEmpty, outcome.failedAssertion == nil {
                    response.heldAssertions.append(echo)
                }
            }
            return response
        case ":report":
            guard !argument.isEmpty else { return info(":report needs a FILE") }
            return report(to: argument)
        default:
            let hint = didYouMean(name, in: MetaCommand.names)
            return Response(diagnostic: Diagnostic(file: inputName, line: lineNumber, column: 1, message: "unknown meta-command '\(Printable.escaped(String(name.prefix(40))))'\(hint)"))
        }
    }

    /// `"path with space.scn"` is one path without its quotes, as on a command line; an
    /// unquoted argument stays as typed (`:save C:x.scn` keeps its colon).
    public static func unquoted(_ argument: String) -> String {
        guard argument.hasPrefix("\""), case .success(let tokens) = Lexer.tokenize(argument),
              tokens.count == 1, !tokens[0].isOption else { return argument }
        return String(tokens[0].text)
    }

    private func info(_ text: String) -> Response { Response(lines: [OutputLine(.info, text)]) }

    /// Whether anything was run that `:save` would write.
    public var hasTranscript: Bool { log.hasTranscript }

    /// Whether a kept line changed the world (not only looked or asserted): leaving the REPL
    /// keeps such a session in place of the last one.
    public var changedWorld: Bool { log.changedWorld }

    /// Writes the session so far as a scenario with the one safe writer. A new file is
    /// private (0600) when `privateFile` or when the session holds a payment password.
    public func writeSession(to path: String, privateFile: Bool = false, makeFolders: Bool = false) throws(SafeFile.WriteError) {
        let text = savedScenario
        let mode: SafeFile.NewFileMode = privateFile || transcriptHoldsSecret ? .privateToOwner : .shared
        try SafeFile.write(text, to: path, newFileMode: mode, makeFolders: makeFolders)
    }

    /// Whether a kept line holds a payment password or a card number (what the history would
    /// not keep as it is).
    var transcriptHoldsSecret: Bool { log.transcript.contains { Secrets.historyEntry($0.source) != $0.source } }

    /// The session so far as a scenario: it passes `tourpass run` as it stands.
    public var savedScenario: String {
        var text = "# saved from a tourpass session\n"
        var header = true
        for entry in log.transcript {
            let trimmed = entry.source.drop(while: { $0 == " " || $0 == "\t" })
            if header, trimmed.hasPrefix("#"), trimmed.dropFirst().drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("tags:") {
                // A typed note is no `# tags:` header of the saved file (found by the fuzzer).
                text += "# " + entry.source + "\n"
                continue
            }
            if !trimmed.hasPrefix("#") { header = false }
            text += entry.source + "\n"
            for line in entry.output { text += line.isEmpty ? "|\n" : "| \(line)\n" }
        }
        return text
    }

    private func save(to path: String) -> Response {
        let expanded = HomePath.expanded(path)
        // A file this session read (`:load`, `include`, and the files they include) is the
        // user's scenario: the session written over it would replay, but its comments, tags,
        // blank lines and `include` lines (run inline) would be gone, and a shared
        // `_setup.scn` would become this whole session. Refused as `:report` refuses it.
        if let id = ReportTarget.identity(of: expanded), readFiles.contains(id) {
            return Response(errors: ["\(inputName):\(lineNumber): error: :save \(Printable.escaped(path)) is a file this session read (:load or include): "
                + "the session saved over it would drop its comments, tags and include lines; save to another name"])
        }
        let sharedMode = Console.sharedMode(of: expanded)
        do {
            try writeSession(to: expanded)
        } catch {
            return Response(lines: [OutputLine(.error, "error: \(error)")])
        }
        let count = log.transcript.filter { !$0.source.hasPrefix("#") }.count
        // The saved file must pass, so a failed `expect` stays out: say so, or it looks lost.
        let left = log.failedAssertionsLeftOut
        let note = left == 0 ? "" : " (left out \(left) failed expect\(left == 1 ? "" : "s"))"
        var response = info("saved \(count) line\(count == 1 ? "" : "s") to \(Printable.escaped(path))\(note)")
        // An existing file keeps its mode (it is the user's to set), but not silently.
        if let mode = sharedMode, transcriptHoldsSecret {
            response.lines.append(OutputLine(.info, "note: \(Printable.escaped(path)) kept its mode \(String(mode, radix: 8)) and now holds a payment password or a card number (chmod 600 \(Printable.escaped(path)) makes it private)"))
        }
        return response
    }

    /// The permission bits of an existing regular file (links followed) that others may
    /// read or write; nil for a missing, private or non-regular file.
    static func sharedMode(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o077 != 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }

    /// The session as an HTML page: its chart and its lines (passwords and card numbers hidden).
    private func report(to path: String) -> Response {
        let expanded = HomePath.expanded(path)
        if let refusal = ReportTarget.refusal(":report", path, example: ":report report.html", inputs: readFiles, checking: expanded, kind: .html) {
            // An error that counts, as a `:load` that cannot read its file (piped: exit 2).
            return Response(errors: ["\(inputName):\(lineNumber): error: " + refusal])
        }
        let page = HTMLReport.session(self)
        do {
            try SafeFile.write(page, to: expanded)
        } catch {
            return Response(lines: [OutputLine(.error, "error: \(error)")])
        }
        return info("wrote the session's report to \(Printable.escaped(path)) (\(page.utf8.count) bytes)")
    }

    private mutating func load(_ path: String) -> Response {
        let expanded = HomePath.expanded(path)
        let data: [UInt8]
        switch RegularFile.contents(expanded) {
        case .failure(let failure):
            return Response(errors: ["\(inputName):\(lineNumber): error: cannot read \(Printable.escaped(path)): \(failure.message)"])
        case .success(let bytes): data = bytes
        }
        if let id = ReportTarget.identity(of: expanded) { readFiles.insert(id) }
        ReportTarget.addIncludes(of: expanded, depth: 0, into: &readFiles)
        switch data.withUnsafeBufferPointer({ Scenario.parse(bytes: $0, path: path, cutAtLimit: true) }) {
        case .failure(let problems):
            return Response(errors: problems.list.map(\.rendered))
        case .success(let scenario):
            var stopped = false
            var response = runSteps(scenario.steps, file: path, undoLabel: ":load \(path)", verb: "loaded", stopped: &stopped)
            if let cut = scenario.cutAtLine, !stopped {
                // The lines before the limit ran; say why the rest did not. (Stopped by Ctrl-C
                // first, that message alone is true.)
                let limit = ExploreReport.grouped(IncludePath.maxIncludedLines)
                response.lines.append(OutputLine(.info, "stopped at line \(ExploreReport.grouped(cut)) of \(Printable.escaped(path)): :load reads at most \(limit) lines (includes counted), since it holds the file whole before running it; the rest did not run (`tourpass run` streams any length)"))
            }
            return response
        }
    }

    /// `include PATH` typed or piped: PATH is relative to the working directory; its lines
    /// run as if typed here (one `:undo` step), its recorded output ignored.
    private mutating func include(_ typed: String, source: String, column: Int) -> Response {
        // Typed here, `~` is $HOME as for `:load` (never in a file: see HomePath).
        let target = HomePath.expanded(typed)
        if let id = ReportTarget.identity(of: target) { readFiles.insert(id) }
        ReportTarget.addIncludes(of: target, depth: 0, into: &readFiles)
        switch Scenario.included(target, at: "\(inputName):\(lineNumber)", column: column) {
        case .failure(let problems):
            return Response(errors: problems.list.map(\.rendered))
        case .success(let steps):
            return runSteps(steps, file: IncludePath.resolve(target, from: nil), undoLabel: source, verb: "included")
        }
    }

    private mutating func runSteps(_ steps: [Scenario.Step], file: String, undoLabel: String, verb: String) -> Response {
        var stopped = false
        return runSteps(steps, file: file, undoLabel: undoLabel, verb: verb, stopped: &stopped)
    }

    /// `stopped`: set when Ctrl-C (or an ending signal) stopped the file between two lines.
    private mutating func runSteps(_ steps: [Scenario.Step], file: String, undoLabel: String, verb: String, stopped: inout Bool) -> Response {
        var response = Response()
        // One undo step for the whole file.
        if keepsSession { log.markUndoPoint(undoLabel) }
        var stoppedAfter: Int? = nil
        for (index, step) in steps.enumerated() {
            // Ctrl-C stops a long file between two lines; the lines run stay (one undo step).
            if searchHooks.shouldStop?() == true { stoppedAfter = index; break }
            if index & 255 == 255 { searchHooks.loadProgress?(index, steps.count) }
            response.lines.append(OutputLine(.info, "> " + Console.redacted(step.source)))
            let result = run(step.command, source: step.source, undoable: false)
            response.lines += result.lines
            if let outcome = result.outcome {
                let shows = ErrorJudge.recordingShows(outcome.error, recorded: step.recorded, actual: result.lines.map(\.text))
                response.loaded.append(LoadedStep(file: step.file ?? file, line: step.line, source: step.source, command: step.command,
                                                  outcome: outcome, recordingShowsError: shows, includedFrom: step.includedFrom))
            }
        }
        let failed = response.loaded.filter { $0.outcome.failedAssertion != nil }.count
        let note = failed == 0 ? "" : " (\(failed) expect\(failed == 1 ? "" : "s") failed)"
        if let done = stoppedAfter {
            stopped = true
            if keepsSession { log.dropUndoPointIfEmpty() }
            let last = done == 0 ? "" : "; the last was \(Printable.escaped(steps[done - 1].file ?? file)):\(steps[done - 1].line)"
            let undo = done == 0 ? "" : (keepsSession ? "; they stay, :undo takes them back" : "; they stay")
            response.lines.append(OutputLine(.info, "stopped by \(searchHooks.stopCause): \(verb) \(ExploreReport.grouped(done)) of \(ExploreReport.grouped(steps.count)) lines from \(Printable.escaped(file))\(last)\(note)\(undo)"))
            return response
        }
        response.lines.append(OutputLine(.info, "\(verb) \(ExploreReport.grouped(steps.count)) line\(steps.count == 1 ? "" : "s") from \(Printable.escaped(file))\(note)"))
        return response
    }
}
