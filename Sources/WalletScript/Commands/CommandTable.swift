import WalletCore

/// Every command, in the order `help` lists them (by `rank`). A new command is one file in
/// this folder, its `Command` type with a `static let spec`: the CommandRegistry build-tool
/// plugin lists it in `registered` (Plugins/CommandRegistryGenerator).
public enum CommandTable {
    public static let all: [CommandSpec] = registered.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) }

    private static let byName: [String: CommandSpec] = {
        var table: [String: CommandSpec] = [:]
        for spec in all {
            table[spec.name] = spec
            for alias in spec.aliases { table[alias] = spec }
        }
        return table
    }()

    public static func spec(named name: String) -> CommandSpec? { byName[name] }

    /// Names bucketed by first byte: a line's command is found by comparing a couple of
    /// names with the word's bytes, with no String made (this runs once a line).
    private static let byFirstByte: [[(name: [UInt8], spec: CommandSpec)]] = {
        var buckets = Array(repeating: [(name: [UInt8], spec: CommandSpec)](), count: 128)
        for (name, spec) in byName.sorted(by: { $0.key < $1.key }) {
            guard let first = name.utf8.first, first < 128 else { continue }
            buckets[Int(first)].append((Array(name.utf8), spec))
        }
        return buckets
    }()

    static func lookUp(_ name: String) -> CommandSpec? {
        lookUp(Array(name.utf8), at: 0, length: name.utf8.count)
    }

    /// The command named by `bytes[offset..<offset + length]`.
    static func lookUp(_ bytes: [UInt8], at offset: Int, length: Int) -> CommandSpec? {
        guard length > 0, offset >= 0, offset < bytes.count, bytes[offset] < 128 else { return nil }
        for entry in byFirstByte[Int(bytes[offset])] where TokenBuffer.equal(bytes, offset, length, entry.name) { return entry.spec }
        return nil
    }

    public static var names: [String] { all.map(\.name) }

    public static let namesAndAliases: [String] = all.flatMap { [$0.name] + $0.aliases }

    /// Parses one line. `nil` for a line with nothing to run (blank or a comment).
    public static func parse(_ line: String) -> Result<AnyCommand?, Diagnostic> {
        var tokens = TokenBuffer()
        return parse(line, tokens: &tokens)
    }

    /// Parses with a token buffer the caller keeps between lines.
    public static func parse(_ line: String, tokens: inout TokenBuffer) -> Result<AnyCommand?, Diagnostic> {
        var line = line
        return line.withUTF8 { parse(bytes: $0, tokens: &tokens) }
    }

    /// The same from a line's bytes, which must be valid UTF-8: a scenario's line is parsed
    /// from the file's bytes, and its text is made only for a diagnostic.
    public static func parse(bytes line: UnsafeBufferPointer<UInt8>, tokens: inout TokenBuffer) -> Result<AnyCommand?, Diagnostic> {
        let result = parseUnmasked(bytes: line, tokens: &tokens)
        // Only a line that did not parse pays: its message hides what the echo of it hides.
        guard case .failure(var problem) = result else { return result }
        problem.message = Secrets.maskedMessage(problem.message, about: String(decoding: line, as: UTF8.self))
        return .failure(problem)
    }

    @inline(__always)
    private static func parseUnmasked(bytes line: UnsafeBufferPointer<UInt8>, tokens: inout TokenBuffer) -> Result<AnyCommand?, Diagnostic> {
        if let problem = Lexer.tokenize(bytes: line, into: &tokens) { return .failure(problem) }
        guard tokens.wordCount > 0 else { return .success(nil) }
        let first = tokens.words[0]
        let named = first.isOption ? nil
            : first.quoted < 0 ? lookUp(tokens.bytes, at: first.offset, length: first.valueEnd - first.offset)
            : lookUp(tokens.quoted[Int(first.quoted)])
        guard let spec = named else {
            let first = tokens.token(0)
            // An option typed first is quoted by its key only: its value may be a password.
            let word = first.key.map { "\($0):" } ?? String(first.text)
            let hint = didYouMean(word, in: namesAndAliases, orElse: "; type help for the list")
            return .failure(Diagnostic(column: Lexer.column(in: line, at: first.offset), message: "unknown command '\(word.prefix(40))'\(hint)"))
        }
        // Unknown option keys first, so a typo is named even when the parser would
        // otherwise stop at a missing required option.
        for index in 1..<tokens.wordCount where tokens.words[index].isOption {
            guard !spec.optionKeys.contains(where: { tokens.hasKey(index, $0) }) else { continue }
            let word = tokens.words[index]
            let key = String(decoding: tokens.bytes[word.offset..<(word.offset + Int(word.keyLength))], as: UTF8.self)
            let keys = spec.options.map(\.key)
            let hint = nearest(to: key, in: keys).map { "; did you mean `\($0):`?" } ?? (keys.isEmpty ? "; \(spec.name) takes no options" : "")
            return .failure(Diagnostic(column: Lexer.column(in: line, at: word.offset), message: "unknown option `\(key):` for \(spec.name)\(hint)"))
        }
        // The reader borrows the buffer (moved in and back, no copy).
        var reader = ArgReader(command: spec.name, buffer: TokenBuffer())
        swap(&reader.buffer, &tokens)
        defer { swap(&reader.buffer, &tokens) }
        do {
            let command = try spec.parse(&reader)
            try reader.finish()
            return .success(command)
        } catch {
            return .failure(error)
        }
    }
}
