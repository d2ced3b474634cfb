/// Reads a `.scn` file line by line, as bytes, and says what each line is: the one place
/// that knows the format. Both the streamed runner and `Scenario.parse` are built on it, so a
/// new kind of line (an examples table, `include`) is added here once.
public struct ScenarioReader {
    public enum Item {
        /// A command or assertion to run.
        case step(any Command, source: String)
        /// A line of output recorded under the current step.
        case output(String)
        /// A blank line, a comment, or output under a line already reported.
        case nothing
        /// A line that does not parse.
        case problem(Diagnostic)
    }

    public let path: String
    /// Tags from `# tags:` comments before the first command, merged, in order, without repeats.
    public private(set) var tags: [String] = []
    private var tokens: [Token] = []
    private var lastWasStep = false
    private var inStrayOutput = false
    /// Output under a line that did not parse belongs to it: its diagnostic is enough.
    private var afterUnparsed = false
    private var inHeader = true

    public static let outputPrefix = UInt8(ascii: "|")

    public init(path: String) { self.path = path }

    /// The diagnostic for a line longer than the limit (the reader kept only its first bytes).
    public func tooLong(_ line: RawLine) -> Diagnostic {
        let head = String(decoding: line.content.prefix(Lexer.maxLineBytes), as: UTF8.self)
        return Diagnostic(file: path, line: line.number, column: Lexer.column(in: head, at: Lexer.maxLineBytes),
                          message: "line is longer than \(Lexer.maxLineBytes) bytes")
    }

    public mutating func read(_ line: RawLine) -> Item {
        var bytes = line.content
        // A byte-order mark is kept in the file but is no part of the first line.
        if line.number == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        if bytes.first == Self.outputPrefix { return output(bytes, line: line.number) }
        lastWasStep = false
        inStrayOutput = false
        afterUnparsed = false
        var first = 0
        while first < bytes.count, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") || bytes[first] == UInt8(ascii: "\r") {
            first += 1
        }
        // Blank lines and comments need no String at all.
        if first == bytes.count { return .nothing }
        if bytes[first] == UInt8(ascii: "#") {
            if inHeader { return tagsLine(UnsafeBufferPointer(rebasing: bytes[(first + 1)...]), line: line.number) }
            return .nothing
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes[first] == UInt8(ascii: ":") {
            afterUnparsed = true
            let word = text.utf8.dropFirst(first).split(separator: UInt8(ascii: " ")).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
            return .problem(Diagnostic(file: path, line: line.number, column: first + 1,
                                       message: "meta-commands such as \(word) belong to the REPL, not to scenario files"))
        }
        inHeader = false
        switch CommandTable.parse(text, tokens: &tokens) {
        case .failure(var diagnostic):
            afterUnparsed = true
            diagnostic.file = path
            diagnostic.line = line.number
            return .problem(diagnostic)
        case .success(nil):
            return .nothing
        case .success(let command?):
            lastWasStep = !command.isAssertion
            return .step(command, source: text)
        }
    }

    private mutating func output(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Item {
        defer { inStrayOutput = !lastWasStep }
        if lastWasStep {
            let skip = bytes.count > 1 && bytes[1] == UInt8(ascii: " ") ? 2 : 1
            return .output(String(decoding: bytes[skip...], as: UTF8.self))
        }
        if inStrayOutput || afterUnparsed { return .nothing }
        // One report for a block of output lines that follow no command.
        return .problem(Diagnostic(file: path, line: line, column: 1, message: "recorded output must follow a command"))
    }

    /// `# tags: slow, policy` (after the `#`); any other comment is nothing.
    private mutating func tagsLine(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Item {
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("tags:") else { return .nothing }
        for word in trimmed.dropFirst(5).split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" }) {
            guard TagExpression.isTag(word) else {
                return .problem(Diagnostic(file: path, line: line, column: 1,
                                           message: "a tag is letters, digits, '_', '.' or '-': \(word.prefix(40))"))
            }
            if !tags.contains(String(word)) { tags.append(String(word)) }
        }
        return .nothing
    }
}
