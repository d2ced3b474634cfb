import Foundation
import WalletCore

/// A `.scn` file as a whole: commands, assertions and the output recorded under each
/// (lines starting with `|`). `tourpass run` never builds one (it streams the file through
/// `ScenarioStream`); `:load` and tests do.
public struct Scenario: Sendable {
    public struct Step: Sendable {
        /// 1-based line number of the command.
        public let line: Int
        public let source: String
        public let command: AnyCommand
        /// Recorded output, or nil when none is recorded (then it is not compared).
        public var recorded: [String]?
        /// The included file holding the line; nil for the scenario's own.
        public var file: String? = nil
        /// The include lines that led there, outermost first (`a.scn:2`).
        public var includedFrom: [String] = []
    }

    public let path: String
    public let tags: [String]
    public let steps: [Step]
    /// With `cutAtLimit`: the file's own line where reading stopped, the lines read (its own
    /// and included) having reached `IncludePath.maxIncludedLines`; nil when all was read.
    public var cutAtLine: Int? = nil

    public static let outputPrefix = "|"

    /// Parses a scenario; every line that does not parse is one diagnostic (a line over the
    /// length limit ends the file). `include` lines are expanded in place (relative to
    /// `path`'s folder; `base` nil: to the working directory, for typed lines).
    /// A file is read whole, so at most `IncludePath.maxIncludedLines` lines (its own and
    /// included) are read: past that it is an error, or with `cutAtLimit` (`:load`) the lines
    /// before it are kept and `cutAtLine` says where it stopped.
    public static func parse(_ text: String, path: String, cutAtLimit: Bool = false) -> Result<Scenario, Diagnostics> {
        var text = text
        return text.withUTF8 { parse(bytes: $0, path: path, cutAtLimit: cutAtLimit) }
    }

    /// The same from a file's bytes: a line that is not UTF-8 is shown in diagnostics with
    /// its bad bytes as `\xFF` (`InvalidBytes`).
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, path: String, cutAtLimit: Bool = false) -> Result<Scenario, Diagnostics> {
        var expansion = Expansion()
        expansion.cutsAtLimit = cutAtLimit
        var reader = ScenarioReader(path: path)
        expansion.stack = [(IncludePath.key(path), path, nil)]
        expansion.read(bytes: bytes, reader: &reader)
        guard expansion.problems.isEmpty else { return .failure(Diagnostics(list: expansion.problems)) }
        var scenario = Scenario(path: path, tags: reader.tags, steps: expansion.steps)
        scenario.cutAtLine = expansion.cutAtLine
        return .success(scenario)
    }

    /// The steps of `include PATH` typed in the REPL or piped: PATH relative to the working
    /// directory, `location` the typed line (`<stdin>:3`).
    public static func included(_ target: String, at location: String, column: Int = 1) -> Result<[Step], Diagnostics> {
        var expansion = Expansion()
        expansion.include(target, from: nil, location: location, column: column)
        guard expansion.problems.isEmpty else { return .failure(Diagnostics(list: expansion.problems)) }
        return .success(expansion.steps)
    }

    /// Reads a file and the files it includes into steps, depth first.
    struct Expansion {
        var steps: [Step] = []
        var problems: [Diagnostic] = []
        var stack: [(key: String, path: String, includedAt: String?)] = []
        var count = 0
        var cutsAtLimit = false
        var cutAtLine: Int? = nil

        mutating func read(bytes: UnsafeBufferPointer<UInt8>, reader: inout ScenarioReader) {
            let included = stack.count > 1
            let chain = stack.compactMap(\.includedAt)
            var last = 0
            LineReader.forEachLine(in: bytes) { event in
                switch event {
                case .tooLong(let line):
                    problem(reader.tooLong(line))
                    return false
                case .line(let line):
                    last = line.number
                    count += 1
                    guard count <= IncludePath.maxIncludedLines else {
                        let limit = ExploreReport.grouped(IncludePath.maxIncludedLines)
                        if cutsAtLimit, !included {
                            cutAtLine = line.number
                        } else if line.number > IncludePath.maxIncludedLines {
                            // This file alone is too long (a typed `include` of a huge file
                            // too: no loop there).
                            problem(Diagnostic(file: reader.path, line: line.number, column: 1,
                                               message: "the file has more than \(limit) lines, the most a file read whole holds (`tourpass run` streams any length)"))
                        } else {
                            // Only with the lines of its includes: the total bound, which also
                            // ends an include repeated in a loop.
                            problem(Diagnostic(file: reader.path, line: line.number, column: 1,
                                               message: "includes ran more than \(limit) lines in all, the most read whole at once (this file alone is shorter; an include repeated in a loop ends here)"))
                        }
                        return false
                    }
                    switch reader.read(line) {
                    case .step(let command, let source):
                        steps.append(Step(line: line.number, source: source.text, command: command, recorded: nil,
                                          file: included ? reader.path : nil, includedFrom: chain))
                    case .output(let text):
                        // An included file's recorded output is neither compared nor kept.
                        if !included, !steps.isEmpty { steps[steps.count - 1].recorded = (steps[steps.count - 1].recorded ?? []) + [text] }
                    case .nothing: break
                    case .problem(var diagnostic):
                        if diagnostic.line == line.number { InvalidBytes.show(in: &diagnostic, line: line.content) }
                        problem(diagnostic)
                    case .include(let target, _, let column):
                        include(target, from: reader.path, location: "\(reader.path):\(line.number)", column: column)
                    }
                    return problems.count < ScenarioStream.maxReported
                }
            }
            if let end = reader.finish(lines: last) { problem(end) }
        }

        mutating func include(_ target: String, from file: String?, location: String, column: Int) {
            let display = IncludePath.resolve(target, from: file)
            let key = IncludePath.key(display)
            let line = Int(location.split(separator: ":").last ?? "") ?? 1
            let locationFile = String(location.dropLast(String(line).count + 1))
            if let refusal = IncludePath.refusal(key: key, display: display, stack: stack, location: location) {
                return problem(Diagnostic(file: locationFile, line: line, column: column, message: refusal), chained: true)
            }
            let data: [UInt8]
            switch RegularFile.contents(display) {
            case .failure(let failure):
                return problem(Diagnostic(file: locationFile, line: line, column: column,
                                          message: "cannot include \(Printable.escaped(display)): \(failure.message)"))
            case .success(let bytes): data = bytes
            }
            if stack.isEmpty { stack = [(IncludePath.key(locationFile), locationFile, nil)] }
            stack.append((key, display, location))
            defer { stack.removeLast() }
            var reader = ScenarioReader(path: display, included: true)
            data.withUnsafeBufferPointer { read(bytes: $0, reader: &reader) }
        }

        mutating func problem(_ diagnostic: Diagnostic, chained: Bool = false) {
            var diagnostic = diagnostic
            if !chained, stack.count > 1 { diagnostic.message += IncludePath.suffix(stack.compactMap(\.includedAt)) }
            problems.append(diagnostic)
        }
    }
}

/// Every parse problem of one file.
public struct Diagnostics: Error, Sendable {
    public let list: [Diagnostic]
}
