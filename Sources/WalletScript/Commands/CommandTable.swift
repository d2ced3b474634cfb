import WalletCore

/// Every command, in the order `help` lists them (by `rank`). A new command is one file in
/// this folder, its `Command` type with a `static let spec` and a `static func parse`: the
/// CommandRegistry build-tool plugin lists it in `registered` and generates the dispatch to
/// its parser, `command(named:)` and `parse(_:_:)` (Plugins/CommandRegistryGenerator).
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

    /// The spec of a command type.
    static func spec(_ id: CommandID) -> CommandSpec { registered[id.rawValue] }

    static func lookUp(_ name: String) -> CommandSpec? {
        PackedWord(name).flatMap(command(named:)).map(spec)
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

    /// Whether the line parses, for echoes (`Secrets`) that must not mask a diagnostic by
    /// asking `parse` (which masks its message through them).
    static func parsesUnmasked(_ line: String) -> Bool {
        var line = line
        var tokens = TokenBuffer()
        return line.withUTF8 { bytes in
            if case .success = parseUnmasked(bytes: bytes, tokens: &tokens) { return true }
            return false
        }
    }

    @inline(__always)
    private static func parseUnmasked(bytes line: UnsafeBufferPointer<UInt8>, tokens: inout TokenBuffer) -> Result<AnyCommand?, Diagnostic> {
        if let problem = Lexer.tokenize(bytes: line, into: &tokens) { return .failure(problem) }
        let count = tokens.wordCount
        guard count > 0 else { return .success(nil) }
        return tokens.words.withUnsafeBufferPointer { all in
            tokens.quoted.withUnsafeBufferPointer { quoted in
                withUnsafeMutablePointer(to: &tokens.names) { names in
                    parse(line, words: UnsafeBufferPointer(rebasing: all[0..<min(count, all.count)]), options: tokens.optionWords, quoted: quoted, names: names)
                }
            }
        }
    }

    /// Parses a line's words (at least one), read in place in `line`: the first word packed
    /// names the command (a generated switch), whose parser is called directly.
    private static func parse(_ line: UnsafeBufferPointer<UInt8>, words: UnsafeBufferPointer<RawToken>, options: UInt64, quoted: UnsafeBufferPointer<String>,
                              names: UnsafeMutablePointer<NameMemo>) -> Result<AnyCommand?, Diagnostic> {
        let first = words[0]
        let named = first.isOption ? nil
            : first.quoted < 0 ? PackedWord(in: line, from: first.offset, to: first.valueEnd).flatMap(command(named:))
            : PackedWord(quoted[Int(first.quoted)]).flatMap(command(named:))
        guard let id = named else {
            let first = Token(first, bytes: Array(line), quoted: Array(quoted))
            // An option typed first is quoted by its key only: its value may be a password.
            let word = first.key.map { "\($0):" } ?? String(first.text)
            let hint = didYouMean(word, in: namesAndAliases, orElse: "; type help for the list")
            return .failure(Diagnostic(column: Lexer.column(in: line, at: first.offset), message: "unknown command '\(word.prefix(40))'\(hint)"))
        }
        var reader = ArgReader(command: id, bytes: line, words: words, options: options, quoted: quoted, names: names)
        do {
            let command = try parse(id, &reader)
            try reader.finish()
            return .success(command)
        } catch {
            // Unknown option keys are named first, even where the parser stopped at a missing
            // required option. A parser takes only its spec's keys (`ArgReader.option` asserts
            // it), so a line it parsed whole has none: only a failed line is checked.
            return .failure(unknownOption(spec(id), line, words) ?? error)
        }
    }

    /// The first option whose key `spec` does not take, as a diagnostic.
    private static func unknownOption(_ spec: CommandSpec, _ line: UnsafeBufferPointer<UInt8>, _ words: UnsafeBufferPointer<RawToken>) -> Diagnostic? {
        for index in 1..<words.count where words[index].isOption {
            let word = words[index]
            let key = UnsafeBufferPointer(rebasing: line[word.offset..<(word.offset + Int(word.keyLength))])
            if let packed = PackedWord(key), spec.optionNames.contains(packed) { continue }
            let typed = String(decoding: key, as: UTF8.self)
            let keys = spec.options.map(\.key)
            let hint = nearest(to: typed, in: keys).map { "; did you mean `\($0):`?" } ?? (keys.isEmpty ? "; \(spec.name) takes no options" : "")
            return Diagnostic(column: Lexer.column(in: line, at: word.offset), message: "unknown option `\(typed):` for \(spec.name)\(hint)")
        }
        return nil
    }
}
