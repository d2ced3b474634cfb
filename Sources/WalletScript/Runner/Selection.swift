import Foundation

/// Which tests a run takes: `--filter`/`--exclude` globs over the test name, a `--tags`
/// expression, and a shard.
public struct Selection: Sendable {
    public var filters: [String] = []
    public var excludes: [String] = []
    public var tags: TagExpression? = nil
    public var shard: Shard? = nil

    public init(filters: [String] = [], excludes: [String] = [], tags: TagExpression? = nil, shard: Shard? = nil) {
        self.filters = filters
        self.excludes = excludes
        self.tags = tags
        self.shard = shard
    }

    /// Any filter selects (none: all); any exclude wins; case-sensitive.
    public func matchesName(_ name: TestName) -> Bool {
        if !filters.isEmpty && !filters.contains(where: { Selection.matches($0, name) }) { return false }
        return !excludes.contains { Selection.matches($0, name) }
    }

    /// A pattern names a test when it matches its whole name, or, for a row of an examples
    /// table, its file alone: `cards/*.scn` takes every row of a table in `cards/`. Only the
    /// name: the PATH given is not in it (LANGUAGE.md v2.1), so `run --exclude reported
    /// scenarios/reported` leaves out only files with `reported` in their own name.
    static func matches(_ pattern: String, _ name: TestName) -> Bool {
        let row = name.row.map { "[\($0)]" } ?? ""
        // Spelt from where `--list` prints names (the PATH, then `/`): matched from there on,
        // so a listed line selects its test. The PATH alone is still never matched.
        // `run .` lists `./cards/x.scn`: its root normalizes to nothing, so a pattern spelt
        // from it is one that starts with `./`.
        if let root = name.root.map(TestName.normalized) {
            let typed = TestName.normalized(pattern)
            let spelt = root.isEmpty ? pattern.hasPrefix("./") : typed.hasPrefix(root + "/")
            if spelt {
                let rest = root.isEmpty ? typed : String(typed.dropFirst(root.count + 1))
                return matches(rest, name.relative + row) || (!row.isEmpty && matches(rest, name.relative))
            }
        }
        return matches(pattern, name.relative + row) || (!row.isEmpty && matches(pattern, name.relative))
    }

    /// What is wrong with a pattern as a glob, or nil: a `[` whose class never closes, or a
    /// `\` with nothing after it. fnmatch takes either as a literal, so `cards/[a` matched
    /// nothing and the run said only that no file was found.
    public static func problem(in pattern: String) -> String? {
        let bytes = Array(pattern.utf8)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                if index + 1 == bytes.count { return "it ends with a '\\' that escapes nothing" }
                index += 2
            case UInt8(ascii: "["):
                // `[!` and `[^` negate; a `]` first in the class is itself.
                var end = index + 1
                if end < bytes.count && (bytes[end] == UInt8(ascii: "!") || bytes[end] == UInt8(ascii: "^")) { end += 1 }
                if end < bytes.count && bytes[end] == UInt8(ascii: "]") { end += 1 }
                while end < bytes.count && bytes[end] != UInt8(ascii: "]") { end += 1 }
                if end == bytes.count {
                    let column = String(decoding: bytes[..<index], as: UTF8.self).count + 1
                    return "the '[' at character \(column) opens a class that never closes with ']' (a literal '[' is written [[])"
                }
                index = end + 1
            default:
                index += 1
            }
        }
        return nil
    }

    /// A pattern with `*`, `?` or `[` is a glob over the whole name (`*` crosses `/`);
    /// any pattern also matches as a literal substring, so a row's own name typed as a
    /// filter (`bounds.scn[amount=99.99]`) selects it although `[` opens a glob class.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        if containsBytes(text, pattern) { return true }
        guard pattern.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) else { return false }
        return fnmatch(pattern, text, 0) == 0
    }

    /// Substring by bytes, as `fnmatch` compares: `String.contains` is canonical equivalence,
    /// so `café` precomposed would select a file named with `e` + U+0301.
    static func containsBytes(_ text: String, _ pattern: String) -> Bool {
        let text = Array(text.utf8), pattern = Array(pattern.utf8)
        guard let first = pattern.first else { return true }
        guard pattern.count <= text.count else { return false }
        for start in 0...(text.count - pattern.count) where text[start] == first {
            if text[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}

/// One of N shards, 0-based inside; `--shard 2/3` is index 1 of 3.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `2/3` as the user counts it, from 1.
    public var description: String { "\(index + 1)/\(count)" }

    public func contains(_ name: TestName) -> Bool { name.shard(of: count) == index }
}

/// A Cucumber-style tag expression without the `@`: `policy and not (slow or flaky)`.
/// `not` binds tighter than `and`, `and` tighter than `or`.
public indirect enum TagExpression: Sendable, Equatable, CustomStringConvertible {
    case tag(String)
    case not(TagExpression)
    case and(TagExpression, TagExpression)
    case or(TagExpression, TagExpression)

    public func matches(_ tags: [String]) -> Bool {
        switch self {
        case .tag(let name): return tags.contains(name)
        case .not(let inner): return !inner.matches(tags)
        case .and(let a, let b): return a.matches(tags) && b.matches(tags)
        case .or(let a, let b): return a.matches(tags) || b.matches(tags)
        }
    }

    public var description: String {
        switch self {
        case .tag(let name): return name
        case .not(let inner): return "not \(inner.nested)"
        case .and(let a, let b): return "\(a.nested) and \(b.nested)"
        case .or(let a, let b): return "\(a.nested) or \(b.nested)"
        }
    }

    private var nested: String {
        switch self {
        case .tag, .not: return description
        case .and, .or: return "(\(description))"
        }
    }

    static func isTag<S: StringProtocol>(_ word: S) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }

    /// Parses an expression; the error says what was expected where.
    public static func parse(_ text: String) -> Result<TagExpression, TagExpressionError> {
        var words: [String] = []
        var word = ""
        for character in text {
            if character == "(" || character == ")" || character == " " || character == "\t" {
                if !word.isEmpty { words.append(word); word = "" }
                if character == "(" || character == ")" { words.append(String(character)) }
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        var parser = Parser(words: words)
        do throws(TagExpressionError) {
            let expression = try parser.or()
            if parser.position < words.count { throw TagExpressionError(message: "unexpected '\(words[parser.position])'") }
            return .success(expression)
        } catch {
            return .failure(error)
        }
    }

    private struct Parser {
        let words: [String]
        var position = 0

        var peek: String? { position < words.count ? words[position] : nil }

        mutating func or() throws(TagExpressionError) -> TagExpression {
            var left = try and()
            while peek == "or" { position += 1; left = .or(left, try and()) }
            return left
        }

        mutating func and() throws(TagExpressionError) -> TagExpression {
            var left = try not()
            while peek == "and" { position += 1; left = .and(left, try not()) }
            return left
        }

        mutating func not() throws(TagExpressionError) -> TagExpression {
            if peek == "not" { position += 1; return .not(try not()) }
            return try primary()
        }

        mutating func primary() throws(TagExpressionError) -> TagExpression {
            guard let word = peek else { throw TagExpressionError(message: "a tag or '(' is missing at the end") }
            position += 1
            if word == "(" {
                let inner = try or()
                guard peek == ")" else { throw TagExpressionError(message: "a ')' is missing") }
                position += 1
                return inner
            }
            guard word != ")", word != "and", word != "or", TagExpression.isTag(word) else {
                throw TagExpressionError(message: "expected a tag, found '\(word)' (tags are letters, digits, '_', '.' or '-')")
            }
            return .tag(word)
        }
    }
}

public struct TagExpressionError: Error, Sendable, Equatable {
    public let message: String
}
