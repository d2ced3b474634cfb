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

    /// Every name and alias packed (`PackedWord`) and sorted by their bytes, with where each
    /// first byte's run of them starts: a line's command is found by comparing a couple of
    /// packed names with the word's, with no String made (this runs once a line). One static,
    /// read in place: a look-up pays one initialisation check and retains only the spec.
    private struct NameTable {
        /// `starts[b]..<starts[b + 1]` are the entries opening with byte `b` (ASCII).
        let starts: [Int]
        let names: [PackedWord]
        let specs: [CommandSpec]

        init(_ byName: [String: CommandSpec]) {
            let sorted = byName.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .compactMap { entry in PackedWord(entry.key).map { (name: $0, spec: entry.value) } }
            names = sorted.map(\.name)
            specs = sorted.map(\.spec)
            starts = (0...128).map { byte in sorted.filter { Int($0.name.low & 0xFF) < byte }.count }
        }
    }

    private static let nameTable = NameTable(byName)

    static func lookUp(_ name: String) -> CommandSpec? {
        var name = name
        return name.withUTF8 { lookUp($0) }
    }

    /// The command named by `word` (a word of a line, read in place).
    static func lookUp(_ word: UnsafeBufferPointer<UInt8>) -> CommandSpec? {
        guard let first = word.first, first < 128, let packed = PackedWord(word) else { return nil }
        var index = nameTable.starts[Int(first)]
        let end = nameTable.starts[Int(first) + 1]
        while index < end {
            if nameTable.names[index] == packed { return nameTable.specs[index] }
            index += 1
        }
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
                    parse(line, words: UnsafeBufferPointer(rebasing: all[0..<min(count, all.count)]), quoted: quoted, names: names)
                }
            }
        }
    }

    /// Parses a line's words (at least one), read in place in `line`.
    private static func parse(_ line: UnsafeBufferPointer<UInt8>, words: UnsafeBufferPointer<RawToken>, quoted: UnsafeBufferPointer<String>,
                              names: UnsafeMutablePointer<NameMemo>) -> Result<AnyCommand?, Diagnostic> {
        let first = words[0]
        let named = first.isOption ? nil
            : first.quoted < 0 ? lookUp(UnsafeBufferPointer(rebasing: line[first.offset..<first.valueEnd]))
            : lookUp(quoted[Int(first.quoted)])
        guard let spec = named else {
            let first = Token(first, bytes: Array(line), quoted: Array(quoted))
            // An option typed first is quoted by its key only: its value may be a password.
            let word = first.key.map { "\($0):" } ?? String(first.text)
            let hint = didYouMean(word, in: namesAndAliases, orElse: "; type help for the list")
            return .failure(Diagnostic(column: Lexer.column(in: line, at: first.offset), message: "unknown command '\(word.prefix(40))'\(hint)"))
        }
        // Unknown option keys first, so a typo is named even when the parser would
        // otherwise stop at a missing required option.
        for index in 1..<words.count where words[index].isOption {
            let word = words[index]
            let key = UnsafeBufferPointer(rebasing: line[word.offset..<(word.offset + Int(word.keyLength))])
            if let packed = PackedWord(key), spec.optionNames.contains(packed) { continue }
            let typed = String(decoding: key, as: UTF8.self)
            let keys = spec.options.map(\.key)
            let hint = nearest(to: typed, in: keys).map { "; did you mean `\($0):`?" } ?? (keys.isEmpty ? "; \(spec.name) takes no options" : "")
            return .failure(Diagnostic(column: Lexer.column(in: line, at: word.offset), message: "unknown option `\(typed):` for \(spec.name)\(hint)"))
        }
        var reader = ArgReader(spec: Unmanaged.passUnretained(spec), bytes: line, words: words, quoted: quoted, names: names)
        do {
            let command = try spec.parse(&reader)
            try reader.finish()
            return .success(command)
        } catch {
            return .failure(error)
        }
    }
}
