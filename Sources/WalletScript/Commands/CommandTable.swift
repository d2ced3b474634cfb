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

    /// Names bucketed by first byte: a line's command is found with a couple of
    /// small-string comparisons instead of hashing (this runs once a line).
    private static let byFirstByte: [[(name: String, spec: CommandSpec)]] = {
        var buckets = Array(repeating: [(name: String, spec: CommandSpec)](), count: 128)
        for (name, spec) in byName.sorted(by: { $0.key < $1.key }) {
            guard let first = name.utf8.first, first < 128 else { continue }
            buckets[Int(first)].append((name, spec))
        }
        return buckets
    }()

    static func lookUp(_ name: String) -> CommandSpec? {
        guard let first = name.utf8.first, first < 128 else { return nil }
        for entry in byFirstByte[Int(first)] where entry.name == name { return entry.spec }
        return nil
    }

    public static var names: [String] { all.map(\.name) }

    public static let namesAndAliases: [String] = all.flatMap { [$0.name] + $0.aliases }

    /// Parses one line. `nil` for a line with nothing to run (blank or a comment).
    public static func parse(_ line: String) -> Result<(any Command)?, Diagnostic> {
        var tokens: [Token] = []
        return parse(line, tokens: &tokens)
    }

    /// Parses with a token buffer the caller keeps between lines.
    public static func parse(_ line: String, tokens: inout [Token]) -> Result<(any Command)?, Diagnostic> {
        if let problem = Lexer.tokenize(line, into: &tokens) { return .failure(problem) }
        guard let first = tokens.first else { return .success(nil) }
        guard !first.isOption, let spec = lookUp(first.textString) else {
            // An option typed first is quoted by its key only: its value may be a password.
            let word = first.key.map { "\($0):" } ?? String(first.text)
            let hint = didYouMean(word, in: namesAndAliases, orElse: "; type help for the list")
            return .failure(Diagnostic(column: Lexer.column(in: line, at: first.offset), message: "unknown command '\(word.prefix(40))'\(hint)"))
        }
        // Unknown option keys first, so a typo is named even when the parser would
        // otherwise stop at a missing required option.
        for token in tokens.dropFirst() {
            guard let key = token.keyString, !spec.options.contains(where: { $0.key == key }) else { continue }
            let keys = spec.options.map(\.key)
            let hint = didYouMean(String(key), in: keys, suffix: ":", orElse: keys.isEmpty ? "; \(spec.name) takes no options" : "")
            return .failure(Diagnostic(column: Lexer.column(in: line, at: token.offset), message: "unknown option '\(key):' for \(spec.name)\(hint)"))
        }
        var reader = ArgReader(line: line, command: spec.name, tokens: tokens.dropFirst())
        do {
            let command = try spec.parse(&reader)
            try reader.finish()
            return .success(command)
        } catch {
            return .failure(error)
        }
    }
}
