/// One word of a line: a plain word, or an option `key:value`. A token from
/// `Lexer.tokenize(_:)` shares one copy of the line's bytes with the line's other tokens and
/// says where its key and value lie in them; a quoted value, whose quotes are no part of it,
/// is held on its own.
public struct Token: Equatable, Sendable {
    /// The bytes `keyStart`/`valueStart` point into: the line, or for a built token its key.
    let bytes: [UInt8]
    /// The value when it is not a slice of `bytes` (it was quoted, or built), else nil.
    let unquoted: String?
    /// `keyLength` 0: a plain word.
    let keyStart: Int32, keyLength: Int32
    let valueStart: Int32, valueEnd: Int32
    /// UTF-8 offsets into the line, for columns in diagnostics.
    public let offset: Int
    public let valueOffset: Int
    /// Just past the word's last byte (its closing quote included).
    public let endOffset: Int

    /// A token made by a parser (the words it joins, say), not read from a line.
    init(key: String?, text: String, offset: Int, valueOffset: Int, endOffset: Int = 0) {
        bytes = Array((key ?? "").utf8)
        unquoted = text
        keyStart = 0
        keyLength = Int32(truncatingIfNeeded: bytes.count)
        valueStart = 0
        valueEnd = 0
        self.offset = offset
        self.valueOffset = valueOffset
        self.endOffset = max(endOffset, valueOffset)
    }

    /// The word `raw` of a line whose bytes are `bytes`, its quoted values `quoted`.
    init(_ raw: RawToken, bytes: [UInt8], quoted: [String]) {
        self.bytes = bytes
        unquoted = raw.quoted < 0 ? nil : quoted[Int(raw.quoted)]
        keyStart = raw.start
        keyLength = raw.keyLength
        valueStart = raw.valueStart
        valueEnd = raw.valueStop
        offset = raw.offset
        valueOffset = raw.valueOffset
        endOffset = raw.endOffset
    }

    /// The option's key without its colon, or nil for a plain word.
    public var key: Substring? { keyString.map { Substring($0) } }
    /// The word, or the option's value, with quotes removed.
    public var text: Substring { Substring(textString) }
    public var isOption: Bool { keyLength != 0 }
    var keyString: String? {
        keyLength == 0 ? nil : String(decoding: bytes[Int(keyStart)..<Int(keyStart + keyLength)], as: UTF8.self)
    }
    var textString: String { unquoted ?? String(decoding: bytes[Int(valueStart)..<Int(valueEnd)], as: UTF8.self) }
    /// Typed with quotes (or built by a parser): its text is not the line's bytes.
    var wasQuoted: Bool { unquoted != nil }
    var isEmpty: Bool { unquoted.map(\.isEmpty) ?? (valueEnd == valueStart) }

    public static func == (a: Token, b: Token) -> Bool {
        a.key == b.key && a.text == b.text && a.offset == b.offset && a.valueOffset == b.valueOffset && a.endOffset == b.endOffset
    }
}

/// A word as the lexer reads it: only where it lies in the line, in 24 bytes that hold no
/// reference (copying one retains nothing). A parser reads its text from the line's bytes.
struct RawToken {
    let start: Int32
    let valueStart: Int32
    /// Just past the value's bytes in the line (unquoted values).
    let valueStop: Int32
    let stop: Int32
    /// 0 for a plain word; else the key is `offset..<offset + keyLength`.
    let keyLength: Int32
    /// Index of the quoted value in `TokenBuffer.quoted`, or -1.
    let quoted: Int32

    init(offset: Int, valueOffset: Int, valueEnd: Int, endOffset: Int, keyLength: Int32, quoted: Int32) {
        start = Int32(truncatingIfNeeded: offset)
        valueStart = Int32(truncatingIfNeeded: valueOffset)
        valueStop = Int32(truncatingIfNeeded: valueEnd)
        stop = Int32(truncatingIfNeeded: endOffset)
        self.keyLength = keyLength
        self.quoted = quoted
    }

    /// UTF-8 offsets into the line (a line is at most `Lexer.maxLineBytes`).
    var offset: Int { Int(start) }
    var valueOffset: Int { Int(valueStart) }
    var valueEnd: Int { Int(valueStop) }
    /// Just past the word's last byte (its closing quote included).
    var endOffset: Int { Int(stop) }
    var isOption: Bool { keyLength != 0 }

    static let none = RawToken(offset: 0, valueOffset: 0, valueEnd: 0, endOffset: 0, keyLength: 0, quoted: -1)
}

/// One line's words, kept between lines so their storage is reused: lexing a line writes
/// its words over the last line's, allocating nothing. The words point into the line's
/// bytes, which the caller holds (a parser reads them through `ArgReader`).
public struct TokenBuffer: Sendable {
    /// The line's words are `words[0..<wordCount]`; `words` has room for `Lexer.maxTokens`
    /// from the first line on.
    var words: [RawToken] = []
    var wordCount = 0
    /// A bit a word that is an option (`keyLength` not 0), by its index in `words`: the
    /// parser's reader looks for options among these and takes positionals from the rest.
    var optionWords: UInt64 = 0
    /// Quoted values (rare): the text between the quotes, by `RawToken.quoted`.
    var quoted: [String] = []
    /// Names read on recent lines (`ArgReader.name`).
    var names = NameMemo()

    public init() {}

    /// Whether the word has the key `key` (compared as bytes) in `line`.
    static func hasKey(_ word: RawToken, _ key: UnsafeBufferPointer<UInt8>, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(word.keyLength)
        guard length != 0, length == key.count, word.offset >= 0, word.offset + length <= line.count else { return false }
        for index in 0..<length where line[word.offset + index] != key[index] { return false }
        return true
    }
}

/// Splits a line into tokens. Pure and total: every input gives tokens or a diagnostic.
public enum Lexer {
    public static let maxLineBytes = 4_096
    public static let maxTokens = 64

    public static func tokenize(_ line: String) -> Result<[Token], Diagnostic> {
        var buffer = TokenBuffer()
        if let problem = tokenize(line, into: &buffer) { return .failure(problem) }
        // One copy of the line's bytes, shared by its tokens.
        let bytes = Array(line.utf8)
        return .success((0..<buffer.wordCount).map { Token(buffer.words[$0], bytes: bytes, quoted: buffer.quoted) })
    }

    /// Tokenizes into a buffer the caller keeps between lines (its capacity is reused).
    static func tokenize(_ line: String, into buffer: inout TokenBuffer) -> Diagnostic? {
        var line = line
        return line.withUTF8 { tokenize(bytes: $0, into: &buffer) }
    }

    /// The same from a line's bytes, which must be valid UTF-8 (a scenario's ASCII line is
    /// lexed from the file's bytes: no String is made for it). The words point into `line`.
    /// Inlined into the line's parse: as a frame of its own it cost about 20 a line more.
    @inline(__always)
    static func tokenize(bytes line: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) -> Diagnostic? {
        buffer.wordCount = 0
        if !buffer.quoted.isEmpty { buffer.quoted.removeAll(keepingCapacity: true) }
        // Room for every word a line may have, made once: the words are then written
        // through a pointer, with no append and no uniqueness check each.
        if buffer.words.count < maxTokens { buffer.words = Array(repeating: .none, count: maxTokens) }
        // The usual line: short printable ASCII, no quote, tab or CR (`PlainLine`).
        if line.count < PlainLine.maxBytes, let base = line.baseAddress {
            var options: UInt64 = 0
            let found = buffer.words.withUnsafeMutableBufferPointer { words in
                words.baseAddress.map { PlainLine.words(base, count: line.count, into: $0, options: &options) } ?? -1
            }
            if found >= 0 {
                buffer.wordCount = found
                buffer.optionWords = options
                return nil
            }
        }
        return tokenizeByteWise(bytes: line, into: &buffer)
    }

    /// The same a byte at a time, for every line (the fast path's reference in the tests).
    static func tokenizeByteWise(bytes line: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) -> Diagnostic? {
        buffer.wordCount = 0
        if !buffer.quoted.isEmpty { buffer.quoted.removeAll(keepingCapacity: true) }
        if line.count > maxLineBytes {
            return Diagnostic(column: column(in: line, at: maxLineBytes), message: "line is longer than \(maxLineBytes) bytes")
        }
        if buffer.words.count < maxTokens { buffer.words = Array(repeating: .none, count: maxTokens) }
        var count = 0
        var options: UInt64 = 0
        let problem = buffer.words.withUnsafeMutableBufferPointer { words in
            let problem = ByteClass.table.withUnsafeBufferPointer { table in
                tokenize(line, into: words, count: &count, quoted: &buffer.quoted, table: table)
            }
            for index in 0..<min(count, maxTokens) where words[index].keyLength != 0 { options |= 1 &<< UInt64(index) }
            return problem
        }
        buffer.wordCount = count
        buffer.optionWords = options
        return problem
    }

    /// One pass over the bytes: plain ASCII words (`pay`, `38.50`, `to:cafe`) are read here
    /// a table look-up a byte; a word with quotes, a control or non-ASCII byte goes to `scanWord`.
    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into words: UnsafeMutableBufferPointer<RawToken>, count: inout Int,
                                 quoted: inout [String], table: UnsafeBufferPointer<UInt8>) -> Diagnostic? {
        let end = bytes.count
        var i = 0
        var found = 0
        defer { count = found }
        while i < end {
            let byte = bytes[i]
            let kind = table[Int(byte)]
            if kind & ByteClass.separator != 0 { i += 1; continue }
            if byte == UInt8(ascii: "#") { break }
            if found == maxTokens {
                return Diagnostic(column: column(in: bytes, at: i), message: "more than \(maxTokens) words on one line")
            }
            let start = i
            // The key runs to the first colon when every byte before it may be in a key and
            // the first is a lower-case letter.
            var keyLength = 0
            var keyish = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            var plain = true
            while i < end {
                let kind = table[Int(bytes[i])]
                if kind & (ByteClass.separator | ByteClass.notPlain | ByteClass.colon) != 0 {
                    if kind & ByteClass.separator != 0 { break }
                    if kind & ByteClass.notPlain != 0 { plain = false; break }
                    if keyish && i > start { keyLength = i - start }
                    i += 1
                    // After the colon only the end of the word matters.
                    while i < end {
                        let kind = table[Int(bytes[i])]
                        if kind & (ByteClass.separator | ByteClass.notPlain) != 0 {
                            if kind & ByteClass.notPlain != 0 { plain = false }
                            break
                        }
                        i += 1
                    }
                    break
                }
                if kind & ByteClass.key == 0 { keyish = false }
                i += 1
            }
            if plain {
                let valueStart = keyLength == 0 ? start : start + keyLength + 1
                words[found] = RawToken(offset: start, valueOffset: valueStart, valueEnd: i, endOffset: i, keyLength: Int32(truncatingIfNeeded: keyLength), quoted: -1)
                found += 1
                continue
            }
            switch scanWord(bytes, from: start, quoted: &quoted) {
            case .failure(let diagnostic): return diagnostic
            case .success(let token):
                words[found] = token
                found += 1
                i = token.endOffset
            }
        }
        return nil
    }

    /// What a byte is to the lexer, one table look-up a byte instead of a chain of compares.
    private enum ByteClass {
        static let separator: UInt8 = 1, notPlain: UInt8 = 2, key: UInt8 = 4, colon: UInt8 = 8, name: UInt8 = 16
        /// 256 entries: space, tab and CR separate; controls, DEL, `"` and non-ASCII are not
        /// plain; `a`–`z`, `0`–`9`, `_` and `.` may be in a key; those, `A`–`Z` and `-` in
        /// a plain name (`Names.isPlainASCII`).
        static let table: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
            switch byte {
            case 0x20, 0x09, 0x0D: return separator
            case 0..<0x20, 0x7F..., 0x22: return notPlain
            case 0x61...0x7A, 0x30...0x39, 0x5F, 0x2E: return key | name
            case 0x41...0x5A, 0x2D: return name
            case 0x3A: return colon
            default: return 0
            }
        }
    }

    /// Whether every byte may be in an unquoted name (letters, digits, `-`, `_`, `.`).
    static func allNameBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteClass.table.withUnsafeBufferPointer { table in
            for byte in bytes where table[Int(byte)] & ByteClass.name == 0 { return false }
            return true
        }
    }

    /// Reads one word starting at `start`: `word`, `"quoted words"`, `key:value`, `key:"quoted"`.
    private static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quoted quotedValues: inout [String]) -> Result<RawToken, Diagnostic> {
        let line = bytes
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
        // Unquoted text stays in the line: no copy, no String.
        var quotedIndex: Int32 = -1
        if quoted {
            quotedIndex = Int32(quotedValues.count)
            quotedValues.append(String(decoding: text, as: UTF8.self))
        }
        return .success(RawToken(offset: start, valueOffset: valueStart, valueEnd: quoted ? valueStart : i, endOffset: i,
                                 keyLength: keyEnd.map { Int32($0 - start) } ?? 0, quoted: quotedIndex))
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

    /// The 1-based character column of a UTF-8 offset in a line's bytes (valid UTF-8).
    static func column(in line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        column(in: String(decoding: line, as: UTF8.self), at: offset)
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
