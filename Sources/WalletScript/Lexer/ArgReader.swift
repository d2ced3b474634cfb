import WalletCore

/// Reads one line's tokens for a command's parser, with diagnostics that point at the
/// offending word. Every option must be consumed and every positional used, or it is an error.
public struct ArgReader {
    let command: String
    /// The line's words; the parser reads those from `first` on (after the command name),
    /// with a bit for each one it has taken (the lexer allows at most 64 words). A word
    /// becomes a `Token` only when the parser takes it; option keys are matched as bytes.
    var buffer: TokenBuffer
    private let first: Int
    private var taken: UInt64 = 0

    init(command: String, buffer: TokenBuffer, first: Int = 1) {
        self.command = command
        self.buffer = buffer
        self.first = first
    }

    /// The line, made only for a diagnostic.
    var line: String { buffer.text }

    /// Lines about passwords never quote what was typed.
    var isSensitive: Bool { !Secrets.isSafeForHistory(line) }

    func quote(_ token: Token) -> String { isSensitive ? "" : ": \(token.text)" }

    func error(_ message: String, at offset: Int) -> Diagnostic {
        Diagnostic(column: Lexer.column(in: line, at: offset), message: message)
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(column: Lexer.column(in: line, at: line.utf8.count), message: message)
    }

    private var indices: Range<Int> { first..<max(first, buffer.wordCount) }
    private func isTaken(_ index: Int) -> Bool { taken & (1 << UInt64(index - first)) != 0 }
    private mutating func take(_ index: Int) { taken |= 1 << UInt64(index - first) }
    private func token(_ index: Int) -> Token { buffer.token(index) }

    /// The first word not taken that is no option, read in place (this runs a word or two a line).
    private func nextPositionalIndex() -> Int? {
        let end = buffer.wordCount
        guard first < end else { return nil }
        return buffer.words.withUnsafeBufferPointer { words in
            for index in first..<end where words[index].keyLength == 0 && taken & (1 << UInt64(index - first)) == 0 { return index }
            return nil
        }
    }

    mutating func positional(_ what: String) throws(Diagnostic) -> Token {
        guard let token = optionalPositional() else { throw error("\(command) needs \(what)") }
        return token
    }

    mutating func optionalPositional() -> Token? {
        guard let index = nextPositionalIndex() else { return nil }
        take(index)
        return token(index)
    }

    mutating func remainingPositionals() -> [Token] {
        var rest: [Token] = []
        while let token = optionalPositional() { rest.append(token) }
        return rest
    }

    /// The value of `key:`, marked as taken so that leftovers can be reported.
    mutating func option(_ key: StaticString) throws(Diagnostic) -> Token? {
        let (index, again) = key.withUTF8Buffer { findOption($0) }
        guard index >= 0 else { return nil }
        take(index)
        if again >= 0 { throw error("`\(key):` is given twice", at: buffer.words[again].offset) }
        let token = token(index)
        if token.isEmpty { throw error("`\(key):` needs a value", at: token.valueOffset) }
        return token
    }

    /// The first word that is the option `key:` and the next such word (-1 for none), in one
    /// pass over the words read in place: a key's length is compared before any of its bytes.
    private func findOption(_ key: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        let end = buffer.wordCount
        guard first < end, let keyBytes = key.baseAddress else { return (-1, -1) }
        let length = key.count
        return buffer.words.withUnsafeBufferPointer { words in
            buffer.bytes.withUnsafeBufferPointer { bytes in
                var found = -1
                for index in first..<end {
                    let word = words[index]
                    guard Int(word.keyLength) == length, word.offset >= 0, word.offset + length <= bytes.count else { continue }
                    var at = 0
                    while at < length, bytes[word.offset + at] == keyBytes[at] { at += 1 }
                    guard at == length else { continue }
                    if found >= 0 { return (found, index) }
                    found = index
                }
                return (found, -1)
            }
        }
    }

    /// Reports anything the parser did not take. Unknown option keys were refused before
    /// parsing (`CommandTable.parse`), so a leftover option is a known one used out of place.
    func finish() throws(Diagnostic) {
        for index in indices where !isTaken(index) {
            let extra = token(index)
            if let key = extra.key {
                throw error("option `\(key):` does not apply to this use of \(command)", at: extra.offset)
            }
            throw error("unexpected word for \(command)\(quote(extra))" + spacedNameHint(index, extra), at: extra.offset)
        }
    }

    /// `pay 5 to:Tea House`, `user Mary Ann`: the stray word is most likely the rest of a
    /// name with a space, so say how to write it (only on this error path).
    private func spacedNameHint(_ index: Int, _ extra: Token) -> String {
        guard !isSensitive, index > first, !extra.isOption else { return "" }
        let previous = token(index - 1)
        guard previous.unquoted == nil else { return "" }
        let joined = "\"\(previous.text) \(extra.text)\""
        if let key = previous.key, ["to", "from", "name"].contains(key) {
            return "; a name with a space goes in quotes: \(key):\(joined)"
        }
        if !previous.isOption, index - 1 == first, ["user", "merchant"].contains(command) {
            return "; a name with a space goes in quotes: \(command) \(joined)"
        }
        return ""
    }

    // MARK: typed values
    // Marked `mutating` though they change nothing: in `r.amount(r.positional(…))` a
    // non-mutating call would copy the reader before the argument mutates it.

    mutating func amount(_ token: Token, allowZero: Bool = false) throws(Diagnostic) -> Money {
        switch token.withValueBytes({ Money.parse(utf8: $0, allowZero: allowZero) }) {
        case .success(let money): return money
        case .failure(let problem): throw error(problem.message(typed: token.text), at: token.valueOffset)
        }
    }

    mutating func duration(_ token: Token) throws(Diagnostic) -> SimDuration {
        switch token.withValueBytes({ SimDuration.parse(utf8: $0) }) {
        case .success(let span): return span
        case .failure(let problem): throw error("\(problem.message): \(token.text)", at: token.valueOffset)
        }
    }

    mutating func date(_ token: Token) throws(Diagnostic) -> CivilDate {
        guard let date = CivilDate.parse(token.text) else {
            throw error("not a date (expected YYYY-MM-DD): \(token.text)", at: token.valueOffset)
        }
        return date
    }

    mutating func instant(_ token: Token) throws(Diagnostic) -> Instant {
        guard let instant = Instant.parse(token.text) else {
            throw error("not a date or time (expected YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"): \(token.text)", at: token.valueOffset)
        }
        return instant
    }

    /// The instant of `key:`, its time unquoted too (`to:2026-04-01 09:30`): a word typed
    /// after the date is its time.
    mutating func instant(option key: StaticString) throws(Diagnostic) -> Instant? {
        guard let token = try option(key) else { return nil }
        if !token.text.contains(" "), let time = optionalPositional() {
            return try instant(Token(key: "\(key)", text: String(token.text) + " " + time.text, offset: token.offset, valueOffset: token.valueOffset))
        }
        return try instant(token)
    }

    mutating func choice<T>(_ token: Token, _ choices: [(String, T)]) throws(Diagnostic) -> T {
        if let hit = choices.first(where: { token.valueIs($0.0) }) { return hit.1 }
        let names = choices.map(\.0)
        let hint = didYouMean(String(token.text), in: names)
        let what = token.key.map { "`\($0):`" } ?? command
        throw error("\(what) takes \(names.joined(separator: " or ")), not '\(token.text)'\(hint)", at: token.valueOffset)
    }

    mutating func password(_ token: Token) throws(Diagnostic) -> String {
        guard token.text.count == 6, token.text.allSatisfy(\.isASCIIDigitCharacter) else {
            throw error("a payment password is exactly 6 digits", at: token.valueOffset)
        }
        return String(token.text)
    }

    mutating func nationality(_ token: Token) throws(Diagnostic) -> String {
        let code = token.text.uppercased()
        guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            throw error("a nationality is a two-letter country code such as GB: \(token.text)", at: token.valueOffset)
        }
        return code
    }

    /// A user or merchant name (`Names`): unquoted letters, digits, `-`, `_`, `.`; quoted,
    /// spaces and punctuation too; 1 to 32 code points.
    mutating func name(_ token: Token, of what: String) throws(Diagnostic) -> String {
        // The usual name, plain ASCII not opening with a digit (as a card number would), is
        // made from its bytes with no other check.
        if !token.wasQuoted, let plain = token.withValueBytes(Self.plainName) { return plain }
        let text = token.textString
        // A card number where a name goes would be printed in full with the name (the
        // prompt, `users`, statements): refused. Looked at only when the name opens with a digit.
        if let first = text.utf8.first, (first >= 0x30 && first <= 0x39) || first == 0xEF, Secrets.looksLikeCardNumber(text) {
            throw error("not a \(what) name: it looks like a card number (12 to 19 digits); a card is linked with `card NUMBER`", at: token.valueOffset)
        }
        if !token.wasQuoted, token.withValueBytes(Names.isPlainASCII) { return text }
        if let problem = Names.problem(text, quoted: isQuoted(token)) {
            throw error("not a \(what) name: \(problem)", at: token.valueOffset)
        }
        return text
    }

    /// A plain ASCII name (`Names.isPlainASCII`: 1 to 32 of letters, digits, `-`, `_`, `.`)
    /// that does not open with a digit, as a String made straight from its bytes, checked a
    /// byte a table look-up; else nil (the careful way then looks at it).
    private static func plainName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 1, bytes.count <= Names.maxLength, bytes[0] < 0x30 || bytes[0] > 0x39, Lexer.allNameBytes(bytes) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { text in
            UnsafeMutableRawBufferPointer(text).copyMemory(from: UnsafeRawBufferPointer(bytes))
            return bytes.count
        }
    }

    /// Whether the value was typed in quotes (a name with spaces must be).
    func isQuoted(_ token: Token) -> Bool { token.wasQuoted }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
