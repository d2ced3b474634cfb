import WalletCore

/// What must hold for any input at all, as the fuzzer (`scripts/fuzz`) and its regression
/// tests check it: the input is read as lines and as a scenario file, through the lexer, the
/// parser, a session, a console and the scenario runner. Nothing here touches a file.
/// A trap is found by the fuzzer itself; this returns every broken promise short of one.
public enum FuzzOracle {
    public static func problems(in text: String) -> [String] {
        var problems: [String] = []
        var lines: [String] = []
        LineReader.forEachLine(in: text) { event in
            guard case .line(let line) = event else { return false }
            lines.append(line.text)
            return true
        }
        checkConsole(lines, into: &problems)
        checkScenario(text, lineCount: lines.count, into: &problems)
        return problems
    }

    /// A console (the REPL without a terminal) fed every line; meta-commands that read or
    /// write files are skipped. After each line the invariants hold, a failed command moved
    /// no money and showed its error, a diagnostic points into the line, and the parser
    /// refused what the lexer refused. At the end, what `:save` would write passes
    /// `tourpass run` as it stands.
    static func checkConsole(_ lines: [String], into problems: inout [String]) {
        var console = Console(inputName: "<fuzz>", keepsSession: true)
        for line in lines {
            let lexed = checkLexer(line, into: &problems)
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix(":"), !(trimmed.hasPrefix(":undo") || trimmed.hasPrefix(":reset") || trimmed.hasPrefix(":help")) { continue }
            let postings = console.session.world.ledger.postings.count
            let response = console.handle(line)
            if let diagnostic = response.diagnostic {
                check(diagnostic, columns: line.count + 1, line, into: &problems)
            } else if !lexed, !trimmed.hasPrefix(":") {
                problems.append("a line the lexer refused ran: \(quoted(line))")
            }
            if let outcome = response.outcome, outcome.error != nil {
                if console.session.world.ledger.postings.count != postings { problems.append("a failed command made postings: \(quoted(line))") }
                if !response.lines.contains(where: { $0.kind == .error }) { problems.append("a failed command showed no error: \(quoted(line))") }
            }
            checkInvariants(console.session.world, after: line, into: &problems)
        }
        let (result, _) = ScenarioRunner.run(text: console.savedScenario, path: "saved.scn", checkInvariants: true)
        for diagnostic in result.diagnostics { problems.append("the saved session does not parse: \(diagnostic.rendered)") }
        for failure in result.failures {
            problems.append("the saved session fails at line \(failure.line) \(quoted(failure.source)): \(failure.details.joined(separator: " / "))")
        }
    }

    /// Tokens lie inside the line, or the diagnostic points into it. Returns whether it lexed.
    static func checkLexer(_ line: String, into problems: inout [String]) -> Bool {
        switch Lexer.tokenize(line) {
        case .success(let tokens):
            let bytes = line.utf8.count
            for token in tokens where !(0..<bytes).contains(token.offset) || token.valueOffset < token.offset || token.valueOffset > bytes {
                problems.append("token at \(token.offset)/\(token.valueOffset) outside a line of \(bytes) bytes: \(quoted(line))")
            }
            return true
        case .failure(let diagnostic):
            check(diagnostic, columns: line.count + 1, line, into: &problems)
            return false
        }
    }

    /// The input as a scenario file: diagnostics point into it; a file that parses runs with
    /// its invariants intact, and after `--update` every recorded output matches a rerun.
    static func checkScenario(_ text: String, lineCount: Int, into problems: inout [String]) {
        // Examples tables and `include` (when the scenario format gains them) are reached
        // through Scenario.parse here; an include must resolve without touching real files.
        let (result, parsed) = ScenarioRunner.run(text: text, path: "fuzz.scn", checkInvariants: true)
        for diagnostic in result.diagnostics where !(1...max(1, lineCount)).contains(diagnostic.line) || diagnostic.column < 1 || diagnostic.message.isEmpty {
            problems.append("scenario diagnostic out of the file (\(lineCount) lines): \(diagnostic.rendered)")
        }
        for failure in result.failures where failure.details.contains("ledger invariants broken:") {
            problems.append("invariants broken at line \(failure.line) \(quoted(failure.source)): \(failure.details.joined(separator: ";"))")
        }
        guard let scenario = parsed else { return }
        guard let updated = ScenarioRunner.update(text: text, path: "fuzz.scn").text else {
            problems.append("update mode refused a file that parses")
            return
        }
        let (rerun, reparsed) = ScenarioRunner.run(text: updated, path: "fuzz.scn", checkInvariants: true)
        guard let again = reparsed else {
            problems.append("the updated file does not parse: \(rerun.diagnostics.map(\.rendered).prefix(3).joined(separator: " / "))")
            return
        }
        if again.steps.count != scenario.steps.count {
            problems.append("the updated file has \(again.steps.count) steps, the original \(scenario.steps.count)")
            return
        }
        if !rerun.actual.elementsEqual(result.actual, by: Diff.same) { problems.append("the same steps gave different output on a rerun") }
        for (step, actual) in zip(again.steps, rerun.actual) where !step.command.isAssertion {
            if !Diff.same(step.recorded ?? [], actual) {
                problems.append("after --update, line \(step.line) \(quoted(step.source)) records \(step.recorded ?? []) but gives \(actual)")
            }
        }
    }

    static func checkInvariants(_ world: World, after line: String, into problems: inout [String]) {
        let broken = world.invariantViolations()
        if !broken.isEmpty { problems.append("invariants broken after \(quoted(line)): \(broken.joined(separator: "; "))") }
    }

    static func check(_ diagnostic: Diagnostic, columns: Int, _ line: String, into problems: inout [String]) {
        if !(1...columns).contains(diagnostic.column) || diagnostic.message.isEmpty {
            problems.append("diagnostic at column \(diagnostic.column) of \(columns - 1) (\(diagnostic.message)) for \(quoted(line))")
        }
    }

    static func quoted(_ line: String) -> String { String(line.prefix(120)).debugDescription }
}
