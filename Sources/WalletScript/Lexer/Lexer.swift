/// One word of a line: a plain word, or an option `key:value`.
public struct Token: Equatable, Sendable {
    /// Words are copied out of the line as Strings: most fit in a small (inline) string, so
    /// a token holds no reference to the line and comparing keys is a bit comparison.
    let keyString: String?
    let textString: String
    /// UTF-8 offsets into the line, for columns in diagnostics.
    public let offset: Int
    public let valueOffset: Int
    /// Just past the word's last byte (its closing quote included).
    public let endOffset: Int

    init(key: String?, text: String, offset: Int, valueOffset: Int, endOffset: Int = 0) {
        keyString = key
        textString = text
        self.offset = offset
        self.valueOffset = valueOffset
        self.endOffset = max(endOffset, valueOffset)
    }

    /// The option's key without its colon, or nil for a plain word.
    public var key: Substring? { keyString.map { Substring($0) } }
    /// The word, or the option's value, with quotes removed.
    public var text: Substring { Substring(textString) }
    public var isOption: Bool { keyString != nil }
}

/// Splits a line into tokens. Pure and total: every input gives tokens or a diagnostic.
public enum Lexer {
    public static let maxLineBytes = 4_096
    public static let maxTokens = 64

    public static func tokenize(_ line: String) -> Result<[Token], Diagnostic> {
        var tokens: [Token] = []
        if let problem = tokenize(line, into: &tokens) { return .failure(problem) }
        return .success(tokens)
    }

    /// Tokenizes into a buffer the caller keeps between lines (its capacity is reused).
    public static func tokenize(_ line: String, into tokens: inout [Token]) -> Diagnostic? {
        tokens.removeAll(keepingCapacity: true)
        var line = line
        line.makeContiguousUTF8()
        if line.utf8.count > maxLineBytes {
            return Diagnostic(column: column(in: line, at: maxLineBytes), message: "line is longer than \(maxLineBytes) bytes")
        }
        // Native strings are contiguous, so this never copies; the fallback is for safety.
        return line.utf8.withContiguousStorageIfAvailable { tokenize(line, $0, into: &tokens) }
            ?? tokenize(line, Array(line.utf8), into: &tokens)
    }

    private static func tokenize<Bytes: RandomAccessCollection<UInt8>>(_ line: String, _ bytes: Bytes, into tokens: inout [Token]) -> Diagnostic? where Bytes.Index == Int {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { i += 1; continue }
            if byte == UInt8(ascii: "#") { break }
            if tokens.count == maxTokens {
                return Diagnostic(column: column(in: line, at: i), message: "more than \(maxTokens) words on one line")
            }
            switch scanWord(bytes, from: i, line: line) {
            case .failure(let diagnostic): return diagnostic
            case .success(let (token, end)):
                tokens.append(token)
                i = end
            }
        }
        return nil
    }

    /// Reads one word starting at `start`: `word`, `"quoted words"`, `key:value`, `key:"quoted"`.
    private static func scanWord<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from start: Int, line: String) -> Result<(Token, Int), Diagnostic> where Bytes.Index == Int {
        var i = start
        var keyEnd: Int? = nil
        var text: [UInt8] = []
        var valueStart = start
        var quoted = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { break }
            if byte < 0x20 || byte == 0x7f {
                return .failure(Diagnostic(column: column(in: line, at: i), message: "unexpected control character (byte 0x\(String(byte, radix: 16)))"))
            }
            if byte >= 0xC2, let scalar = unsafeScalar(bytes, at: i) {
                return .failure(Diagnostic(column: column(in: line, at: i), message: "unexpected control character \(Printable.name(scalar))"))
            }
            if byte == UInt8(ascii: "\"") {
                if !quoted { text = Array(bytes[valueStart..<i]) }
                let open = i
                i += 1
                var closed = false
                while i < bytes.count {
                    // Quotes hold spaces, not terminal controls: ESC, BEL, CR or a bidi
                    // override would act on the screen each time the value is shown.
                    // No escapes (settled): a quoted value runs to the next `"`.
                    if bytes[i] < 0x20 || bytes[i] == 0x7f || bytes[i] >= 0xC2,
                       let scalar = unsafeScalar(bytes, at: i) {
                        return .failure(Diagnostic(column: column(in: line, at: i), message: "unexpected control character \(Printable.name(scalar)) inside quotes"))
                    }
                    if bytes[i] == UInt8(ascii: "\"") { closed = true; i += 1; break }
                    text.append(bytes[i])
                    i += 1
                }
                if !closed {
                    return .failure(Diagnostic(column: column(in: line, at: open), message: "unterminated quote: add a closing \""))
                }
                quoted = true
                continue
            }
            if byte == UInt8(ascii: ":"), keyEnd == nil, !quoted, isKey(bytes[start..<i]) {
                keyEnd = i
                valueStart = i + 1
                i += 1
                continue
            }
            if quoted { text.append(byte) }
            i += 1
        }
        // Unquoted text is a slice of the line itself: no copy.
        let value = quoted ? String(decoding: text, as: UTF8.self) : String(decoding: bytes[valueStart..<i], as: UTF8.self)
        if let keyEnd {
            let key = String(decoding: bytes[start..<keyEnd], as: UTF8.self)
            return .success((Token(key: key, text: value, offset: start, valueOffset: valueStart, endOffset: i), i))
        }
        return .success((Token(key: nil, text: value, offset: start, valueOffset: start, endOffset: i), i))
    }

    /// The scalar starting at `index` when a terminal would act on it (`Printable.isUnsafe`).
    private static func unsafeScalar<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> Unicode.Scalar? where Bytes.Index == Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<max(1, length) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), Printable.isUnsafe(scalar) else { return nil }
        return scalar
    }

    /// An option key: a lower-case letter, then letters, digits, `_` or `.`.
    private static func isKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return bytes.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// The 1-based character column of a UTF-8 offset.
    public static func column(in line: String, at offset: Int) -> Int {
        var count = 1
        var bytes = 0
        for character in line {
            bytes += character.utf8.count
            if bytes > offset { break }
            count += 1
        }
        return count
    }
}
