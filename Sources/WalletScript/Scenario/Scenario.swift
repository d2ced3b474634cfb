import WalletCore

/// A `.scn` file: commands, comments, assertions, blank lines, and output recorded under a
/// command as lines starting with `|`. Parsing keeps every byte so update mode can
/// rewrite the output and nothing else.
public struct Scenario: Sendable {
    public struct Step: Sendable {
        /// 1-based line number of the command.
        public let line: Int
        public let source: String
        public let command: Command
        /// Recorded output, or nil when none is recorded (then it is not compared).
        public let recorded: [String]?
    }

    public let path: String
    /// The file's lines, each with its own line terminator.
    let rawLines: [Substring]
    /// For each raw line: the index of the step it records output for, else nil.
    let outputOf: [Int?]
    /// For each step: the raw line index of its command.
    let commandLine: [Int]
    public let steps: [Step]

    public static let outputPrefix = "|"

    /// Parses a scenario; every line that does not parse is one diagnostic.
    public static func parse(_ text: String, path: String) -> Result<Scenario, Diagnostics> {
        let rawLines = splitKeepingTerminators(text)
        var steps: [Step] = []
        var outputOf: [Int?] = []
        var commandLine: [Int] = []
        var recorded: [[String]?] = []
        var problems: [Diagnostic] = []
        var lastWasStep = false
        var inStrayOutput = false
        // Output under a line that did not parse belongs to it: its diagnostic is enough.
        var afterUnparsed = false
        for (index, raw) in rawLines.enumerated() {
            var line = String(raw.trimmingTerminator)
            // A byte-order mark is kept in the file but is no part of the first command.
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.hasPrefix(outputPrefix) {
                outputOf.append(lastWasStep ? steps.count - 1 : nil)
                if lastWasStep {
                    let text = line.dropFirst().hasPrefix(" ") ? String(line.dropFirst(2)) : String(line.dropFirst())
                    recorded[steps.count - 1] = (recorded[steps.count - 1] ?? []) + [text]
                } else if !inStrayOutput && !afterUnparsed {
                    // One report for a block of output lines that follow no command.
                    problems.append(Diagnostic(file: path, line: index + 1, column: 1, message: "recorded output must follow a command"))
                }
                inStrayOutput = !lastWasStep
                continue
            }
            outputOf.append(nil)
            lastWasStep = false
            inStrayOutput = false
            afterUnparsed = false
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix(":") {
                afterUnparsed = true
                problems.append(Diagnostic(file: path, line: index + 1, column: line.count - trimmed.count + 1,
                                           message: "meta-commands such as \(trimmed.split(separator: " ").first ?? "") belong to the REPL, not to scenario files"))
                continue
            }
            switch CommandTable.parse(line) {
            case .failure(var diagnostic):
                afterUnparsed = true
                diagnostic.file = path
                diagnostic.line = index + 1
                problems.append(diagnostic)
            case .success(nil):
                continue
            case .success(let command?):
                steps.append(Step(line: index + 1, source: line, command: command, recorded: nil))
                commandLine.append(index)
                recorded.append(nil)
                lastWasStep = !command.isAssertion
            }
        }
        guard problems.isEmpty else { return .failure(Diagnostics(list: problems)) }
        steps = zip(steps, recorded).map { Step(line: $0.line, source: $0.source, command: $0.command, recorded: $1) }
        return .success(Scenario(path: path, rawLines: rawLines, outputOf: outputOf, commandLine: commandLine, steps: steps))
    }

    /// The file with each command's output replaced by `actual[step]`; every other byte kept.
    public func updated(with actual: [[String]]) -> String {
        var text = ""
        var nextStep = 0
        for (index, raw) in rawLines.enumerated() {
            if outputOf[index] != nil { continue }
            text += raw
            guard nextStep < commandLine.count, commandLine[nextStep] == index else { continue }
            let step = nextStep
            nextStep += 1
            guard !steps[step].command.isAssertion, step < actual.count else { continue }
            // Output lines end the way the command's line ends (CRLF files stay CRLF);
            // utf8, because "\r\n" is a single Character.
            let ending = raw.utf8.last == UInt8(ascii: "\n") ? (raw.utf8.dropLast().last == UInt8(ascii: "\r") ? "\r\n" : "\n") : "\n"
            if raw.utf8.last != UInt8(ascii: "\n") && !actual[step].isEmpty { text += ending }
            for line in actual[step] {
                text += (line.isEmpty ? Scenario.outputPrefix : Scenario.outputPrefix + " " + line) + ending
            }
        }
        return text
    }

    static func splitKeepingTerminators(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" || text[index] == "\r\n" {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }
}

/// Every parse problem of one file.
public struct Diagnostics: Error, Sendable {
    public let list: [Diagnostic]
}

extension Substring {
    var trimmingTerminator: Substring {
        var line = self
        while line.last == "\n" || line.last == "\r\n" || line.last == "\r" { line = line.dropLast() }
        return line
    }
}
