/// Reads a `.scn` file line by line, as bytes, and says what each line is: the one place
/// that knows the format. Both the streamed runner and `Scenario.parse` are built on it, so a
/// new kind of line (an examples table, `include`) is added here once.
public struct ScenarioReader {
    public enum Item {
        /// A command or assertion to run.
        case step(AnyCommand, source: StepSource)
        /// A line of output recorded under the current step.
        case output(String)
        /// A blank line, a comment, or output under a line already reported.
        case nothing
        /// A line that does not parse.
        case problem(Diagnostic)
        /// `include PATH`: run that file's lines here. `column` is where PATH starts.
        case include(path: String, source: String, column: Int)
    }

    public let path: String
    /// Tags from `# tags:` comments before the first command, merged, in order, without repeats.
    public private(set) var tags: [String] = []
    private var tokens = TokenBuffer()
    private var lastWasStep = false
    private var inStrayOutput = false
    /// Output under a line that did not parse belongs to it: its diagnostic is enough.
    private var afterUnparsed = false
    private var inHeader = true
    /// The examples table, once its `examples:` line is read.
    public private(set) var examples: ExamplesTable? = nil
    /// The `examples:` line as written: the excerpt of a problem labelled with its line.
    private var examplesText = ""
    /// Reading the table's rows.
    private var inTable = false
    /// A misplaced or broken table: its rows are skipped, its problems already reported.
    private var discardingTable = false
    private var tableBroken = false
    /// The row naming the columns was refused: no placeholder can be judged.
    private var columnsBroken = false
    /// A table file read without a row: said once, the rest is not read.
    private var needsRow = false
    /// The data row (1-based) whose values replace `<name>`; nil reads the file without
    /// running it (a header read).
    public let exampleRow: Int?
    private var values: [String: String] = [:]
    /// A file run through `include`: no examples table, tags do not count.
    public let included: Bool
    private var reportedStrayInTable = false

    public static let outputPrefix = UInt8(ascii: "|")

    /// A step's line as typed: the file's bytes (valid only while the line is handled: kept
    /// as text only by whoever needs it), or text when it is not plain ASCII or was changed
    /// by an examples row.
    public enum StepSource {
        case bytes(UnsafeBufferPointer<UInt8>)
        case text(String)

        public var text: String {
            switch self {
            case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .text(let text): return text
            }
        }
    }

    /// Reads only the header (tags, examples table): the first command ends it unparsed.
    public var headerOnly = false

    public init(path: String, exampleRow: Int? = nil, included: Bool = false) {
        self.path = path
        self.exampleRow = exampleRow
        self.included = included
    }

    /// Whether the header is over: the first command, `include` or the table's end was read.
    public var headerDone: Bool { !inHeader && !inTable }

    /// Problems only the end of input shows (a table that ends the file).
    public mutating func finish(lines: Int) -> Diagnostic? {
        guard inTable else { return nil }
        inTable = false
        if discardingTable { discardingTable = false; return nil }
        return endTable(line: lines + 1)
    }

    /// The diagnostic for a line longer than the limit (the reader kept only its first bytes).
    public func tooLong(_ line: RawLine) -> Diagnostic {
        let head = String(decoding: line.content.prefix(Lexer.maxLineBytes), as: UTF8.self)
        return Diagnostic(file: path, line: line.number, column: Lexer.column(in: head, at: Lexer.maxLineBytes),
                          message: "line is longer than \(Lexer.maxLineBytes) bytes")
    }

    public mutating func read(_ line: RawLine) -> Item {
        if needsRow { return .nothing }
        var bytes = line.content
        // A byte-order mark is kept in the file but is no part of the first line.
        if line.number == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        var first = 0
        while first < bytes.count, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") || bytes[first] == UInt8(ascii: "\r") {
            first += 1
        }
        if inTable {
            // Rows are indented; a blank or unindented line ends the table.
            if first > 0 && first < bytes.count {
                if bytes[first] == UInt8(ascii: "#") || discardingTable { return .nothing }
                return tableRow(String(decoding: bytes, as: UTF8.self), line: line.number)
            }
            inTable = false
            if discardingTable {
                discardingTable = false
            } else if let problem = endTable(line: line.number) {
                return .problem(problem)
            }
        }
        if bytes.first == Self.outputPrefix {
            if examples != nil {
                defer { reportedStrayInTable = true }
                if reportedStrayInTable { return .nothing }
                return .problem(Diagnostic(file: path, line: line.number, column: 1,
                                           message: "a file with an examples table holds assertions, not recorded output (remove the `|` lines)"))
            }
            return output(bytes, line: line.number)
        }
        reportedStrayInTable = false
        lastWasStep = false
        inStrayOutput = false
        afterUnparsed = false
        // Blank lines and comments need no String at all.
        if first == bytes.count { return .nothing }
        if bytes[first] == UInt8(ascii: "#") {
            if inHeader && !included { return tagsLine(UnsafeBufferPointer(rebasing: bytes[(first + 1)...]), line: line.number, column: first + 2) }
            return .nothing
        }
        // The usual line (plain ASCII, no table, not `examples:`, `include` or `:`) is parsed
        // from the file's bytes: no String is made for it.
        let lead = bytes[first]
        if examples == nil, lead != UInt8(ascii: "e"), lead != UInt8(ascii: "i"), lead != UInt8(ascii: ":"), Self.isASCII(bytes) {
            inHeader = false
            // A header read stops at the first command without parsing it.
            if headerOnly { return .nothing }
            return parsed(CommandTable.parse(bytes: bytes, tokens: &tokens), source: .bytes(bytes), line: line.number)
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if bytes[first] == UInt8(ascii: "e"), let problem = examplesLine(text, first: first, line: line.number) { return problem }
        // A header read stops at the first command without parsing it.
        if headerOnly {
            inHeader = false
            return .nothing
        }
        if examples != nil {
            // Columns that could not be read were reported once; a line using a placeholder would only repeat it.
            if columnsBroken, Self.hasPlaceholder(text) {
                afterUnparsed = true
                return .nothing
            }
            switch Placeholders.substitute(text, values, columns: examples?.columns ?? []) {
            case .success(let replaced): text = replaced
            case .failure(.unknown(let name, let offset)):
                afterUnparsed = true
                let columns = examples?.columns.map { "<\($0)>" }.joined(separator: ", ") ?? ""
                let known = columns.isEmpty ? "no columns" : columns
                return .problem(Diagnostic(file: path, line: line.number, column: Lexer.column(in: text, at: offset),
                                           message: "unknown placeholder <\(name.prefix(40))> (the examples table has \(known))"))
            }
        }
        if bytes[first] == UInt8(ascii: "i") || examples != nil, let include = IncludeLine.parse(text) {
            inHeader = false
            switch include {
            case .success(let (target, column)): return .include(path: target, source: text, column: column)
            case .failure(var diagnostic):
                afterUnparsed = true
                diagnostic.file = path
                diagnostic.line = line.number
                return .problem(diagnostic)
            }
        }
        if bytes[first] == UInt8(ascii: ":") {
            afterUnparsed = true
            let word = LineHead(text).word
            return .problem(Diagnostic(file: path, line: line.number, column: first + 1,
                                       message: "meta-commands such as \(word) belong to the REPL, not to scenario files"))
        }
        inHeader = false
        return parsed(CommandTable.parse(text, tokens: &tokens), source: .text(text), line: line.number)
    }

    /// Whether every byte is below 0x80, read eight at a time (this runs once a line). The
    /// last bytes are read as the line's last eight (or, under eight, its first and last
    /// four): no byte loop, and nothing read past the line.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        if count >= 8 {
            var seen: UInt64 = 0
            var at = 0
            while at &+ 8 <= count {
                seen |= raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                at &+= 8
            }
            if at < count { seen |= raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) }
            return seen & 0x8080_8080_8080_8080 == 0
        }
        if count >= 4 {
            let seen = raw.loadUnaligned(as: UInt32.self) | raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            return seen & 0x8080_8080 == 0
        }
        var seen: UInt8 = 0
        for index in 0..<count { seen |= base[index] }
        return seen < 0x80
    }

    /// Inlined and consuming: a parse result passed by reference is copied through its value witnesses.
    @inline(__always)
    private mutating func parsed(_ result: consuming Result<AnyCommand?, Diagnostic>, source: StepSource, line: Int) -> Item {
        switch consume result {
        case .failure(var diagnostic):
            afterUnparsed = true
            diagnostic.file = path
            diagnostic.line = line
            return .problem(diagnostic)
        case .success(nil):
            return .nothing
        case .success(let command?):
            lastWasStep = !command.isAssertion
            return .step(command, source: source)
        }
    }

    /// `examples:` on its own line: the table starts. Nil when the line is something else.
    private mutating func examplesLine(_ text: String, first: Int, line: Int) -> Item? {
        let word = text.utf8.dropFirst(first)
        guard word.starts(with: ExamplesTable.keyword.utf8) else { return nil }
        let rest = word.dropFirst(ExamplesTable.keyword.utf8.count)
        func problem(_ message: String, at offset: Int = first) -> Item {
            afterUnparsed = true
            return .problem(Diagnostic(file: path, line: line, column: Lexer.column(in: text, at: offset), message: message))
        }
        if let extra = rest.firstIndex(where: { $0 != 32 && $0 != 9 && $0 != 13 }) {
            return problem("`examples:` stands alone on its line; the rows go under it, indented", at: text.utf8.distance(from: text.utf8.startIndex, to: extra))
        }
        func misplaced(_ message: String) -> Item {
            inTable = true
            discardingTable = true
            return problem(message)
        }
        if included { return misplaced("an included file may not have an examples table (the includer's placeholders apply to its include line only)") }
        if examples != nil { return misplaced("a file has one examples table; the first is at line \(examples?.line ?? 0)") }
        if !inHeader { return misplaced("the examples table comes before the first command") }
        inHeader = false
        inTable = true
        examples = ExamplesTable(line: line)
        examplesText = text
        return .nothing
    }

    /// Whether the line holds `<name>` (a letter or `_`, then letters, digits or `_`).
    static func hasPlaceholder(_ text: String) -> Bool {
        var inName = false, nameLength = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "<") { inName = true; nameLength = 0; continue }
            guard inName else { continue }
            if byte == UInt8(ascii: ">") && nameLength > 0 { return true }
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if letter || (digit && nameLength > 0) { nameLength += 1 } else { inName = false }
        }
        return false
    }

    private mutating func tableRow(_ text: String, line: Int) -> Item {
        let naming = examples?.columns.isEmpty == true
        guard let problem = examples?.add(text, line: line) else { return .nothing }
        tableBroken = true
        // Without its column names the rows under them cannot be judged: one problem, not a cascade.
        if naming { discardingTable = true; columnsBroken = true }
        return .problem(Diagnostic(file: path, line: line, column: Lexer.column(in: text, at: problem.offset), message: problem.message))
    }

    /// The table is complete: it needs rows, and the row to run must exist.
    private mutating func endTable(line: Int) -> Diagnostic? {
        var problem = tableProblem()
        problem?.source = examplesText
        return problem
    }

    private mutating func tableProblem() -> Diagnostic? {
        guard let table = examples else { return nil }
        // A broken row was reported: "no rows" would only repeat it.
        if tableBroken { return nil }
        if table.columns.isEmpty || table.rows.isEmpty {
            return Diagnostic(file: path, line: table.line, column: 1,
                              message: table.columns.isEmpty ? "the examples table is empty: indent a row of column names, then a row a test"
                                                             : "the examples table has column names but no rows")
        }
        if let exampleRow {
            guard let row = table.values(ofRow: exampleRow) else {
                return Diagnostic(file: path, line: table.line, column: 1, message: "the examples table has no row \(exampleRow)")
            }
            values = row
            return nil
        }
        needsRow = true
        return Diagnostic(file: path, line: table.line, column: 1,
                          message: "this file has an examples table: `tourpass run` runs it once per row")
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

    /// `# tags: slow, policy` (after the `#`, which `column` is just after: the text's first
    /// column); any other comment is nothing. A bad tag is pointed at where it starts.
    private mutating func tagsLine(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Item {
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("tags:") else { return .nothing }
        for word in trimmed.dropFirst(5).split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" }) {
            guard TagExpression.isTag(word) else {
                let at = column + text.distance(from: text.startIndex, to: word.startIndex)
                return .problem(Diagnostic(file: path, line: line, column: at,
                                           message: "a tag is letters, digits, '_', '.' or '-': \(word.prefix(40))"))
            }
            if !tags.contains(String(word)) { tags.append(String(word)) }
        }
        return .nothing
    }
}
