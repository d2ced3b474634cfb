import WalletCore

/// Reads one line's tokens for a command's parser, with diagnostics that point at the
/// offending word. Every option must be consumed and every positional used, or it is an error.
public struct ArgReader {
    let line: String
    let command: String
    /// The words after the command name, and a bit for each one a parser has taken
    /// (the lexer allows at most 64 words); no arrays are built per line.
    private let tokens: ArraySlice<Token>
    private var taken: UInt64 = 0

    init(line: String, command: String, tokens: ArraySlice<Token>) {
        self.line = line
        self.command = command
        self.tokens = tokens
    }

    /// Lines about passwords never quote what was typed.
    var isSensitive: Bool { !Secrets.isSafeForHistory(line) }

    func quote(_ token: Token) -> String { isSensitive ? "" : ": \(token.text)" }

    func error(_ message: String, at offset: Int) -> Diagnostic {
        Diagnostic(column: Lexer.column(in: line, at: offset), message: message)
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(column: Lexer.column(in: line, at: line.utf8.count), message: message)
    }

    private func isTaken(_ index: Int) -> Bool { taken & (1 << UInt64(index - tokens.startIndex)) != 0 }
    private mutating func take(_ index: Int) { taken |= 1 << UInt64(index - tokens.startIndex) }

    private func nextPositionalIndex() -> Int? {
        tokens.indices.first { !tokens[$0].isOption && !isTaken($0) }
    }

    mutating func positional(_ what: String) throws(Diagnostic) -> Token {
        guard let token = optionalPositional() else { throw error("\(command) needs \(what)") }
        return token
    }

    mutating func optionalPositional() -> Token? {
        guard let index = nextPositionalIndex() else { return nil }
        take(index)
        return tokens[index]
    }

    mutating func remainingPositionals() -> [Token] {
        var rest: [Token] = []
        while let token = optionalPositional() { rest.append(token) }
        return rest
    }

    /// The value of `key:`, marked as taken so that leftovers can be reported.
    mutating func option(_ key: String) throws(Diagnostic) -> Token? {
        guard let index = tokens.indices.first(where: { tokens[$0].keyString == key }) else { return nil }
        take(index)
        let token = tokens[index]
        if let again = tokens[(index + 1)...].first(where: { $0.keyString == key }) {
            throw error("\(key): is given twice", at: again.offset)
        }
        if token.text.isEmpty { throw error("\(key): needs a value", at: token.valueOffset) }
        return token
    }

    /// Reports anything the parser did not take. Unknown option keys were refused before
    /// parsing (`CommandTable.parse`), so a leftover option is a known one used out of place.
    func finish() throws(Diagnostic) {
        for index in tokens.indices where !isTaken(index) {
            let extra = tokens[index]
            if let key = extra.key {
                throw error("option '\(key):' does not apply to this use of \(command)", at: extra.offset)
            }
            throw error("unexpected word for \(command)\(quote(extra))", at: extra.offset)
        }
    }

    // MARK: typed values

    func amount(_ token: Token, allowZero: Bool = false) throws(Diagnostic) -> Money {
        switch Money.parse(token.text, allowZero: allowZero) {
        case .success(let money): return money
        case .failure(let problem): throw error("\(problem.message): \(token.text)", at: token.valueOffset)
        }
    }

    func duration(_ token: Token) throws(Diagnostic) -> SimDuration {
        switch SimDuration.parse(token.text) {
        case .success(let span): return span
        case .failure(let problem): throw error("\(problem.message): \(token.text)", at: token.valueOffset)
        }
    }

    func date(_ token: Token) throws(Diagnostic) -> CivilDate {
        guard let date = CivilDate.parse(token.text) else {
            throw error("not a date (expected YYYY-MM-DD): \(token.text)", at: token.valueOffset)
        }
        return date
    }

    func instant(_ token: Token) throws(Diagnostic) -> Instant {
        guard let instant = Instant.parse(token.text) else {
            throw error("not a date or time (expected YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"): \(token.text)", at: token.valueOffset)
        }
        return instant
    }

    func choice<T>(_ token: Token, _ choices: [(String, T)]) throws(Diagnostic) -> T {
        if let hit = choices.first(where: { $0.0 == token.text }) { return hit.1 }
        let names = choices.map(\.0)
        let hint = didYouMean(String(token.text), in: names)
        let what = token.key.map { "\($0):" } ?? command
        throw error("\(what) takes \(names.joined(separator: " or ")), not '\(token.text)'\(hint)", at: token.valueOffset)
    }

    func password(_ token: Token) throws(Diagnostic) -> String {
        guard token.text.count == 6, token.text.allSatisfy(\.isASCIIDigitCharacter) else {
            throw error("a payment password is exactly 6 digits", at: token.valueOffset)
        }
        return String(token.text)
    }

    func nationality(_ token: Token) throws(Diagnostic) -> String {
        let code = token.text.uppercased()
        guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            throw error("a nationality is a two-letter country code such as GB: \(token.text)", at: token.valueOffset)
        }
        return code
    }

    /// A user or merchant name (`Names`): unquoted letters, digits, `-`, `_`, `.`; quoted,
    /// spaces and punctuation too; 1 to 32 code points.
    func name(_ token: Token, of what: String) throws(Diagnostic) -> String {
        let text = token.textString
        if Names.isPlainASCII(text) { return text }
        if let problem = Names.problem(text, quoted: isQuoted(token)) {
            throw error("not a \(what) name: \(problem)", at: token.valueOffset)
        }
        return text
    }

    /// Unquoted text is the line's own bytes at the value's offset; anything else was quoted.
    func isQuoted(_ token: Token) -> Bool {
        let quote = UInt8(ascii: "\"")
        let start = token.valueOffset
        let text = token.textString.utf8
        return line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let end = start + text.count
            guard start >= 0, end <= bytes.count else { return true }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return !raw.elementsEqual(text) || raw.contains(quote) || (end < bytes.count && bytes[end] == quote)
        } ?? true
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
