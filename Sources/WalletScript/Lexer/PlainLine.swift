/// The lexer's fast path, for nearly every line of a scenario: shorter than 64 bytes, all of
/// them printable ASCII (0x20 to 0x7E) but `"`. Such a line is read eight bytes at a time into
/// two bit masks (a bit a byte: where its spaces are, where its colons are), and its words are
/// found from the masks, a few instructions a word instead of a table look-up a byte. Any
/// other line (a quote, a tab, a CR, a control or non-ASCII byte, 64 bytes or more) is left to
/// the byte loop, which gives its words or its diagnostic as before. No byte outside the
/// line is loaded: a line of 8 bytes or more ends with its last eight, a shorter one is read
/// as its first and last four (or byte by byte).
enum PlainLine {
    /// Lines of fewer bytes than this may take the fast path (their masks fit in a `UInt64`).
    static let maxBytes = 64

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let allSpaces: UInt64 = 0x2020_2020_2020_2020

    /// The line's words, written to `words` (room for `Lexer.maxTokens`), with a bit in
    /// `options` for each that is an option; their count, or -1 when the line is not plain
    /// (then nothing it wrote counts). `count` < `maxBytes`.
    @inline(__always)
    static func words(_ base: UnsafePointer<UInt8>, count: Int, into words: UnsafeMutablePointer<RawToken>, options: inout UInt64) -> Int {
        let raw = UnsafeRawPointer(base)
        var masks = Masks()
        if count >= 8 {
            // Eight bytes at a time, the last eight bytes last: they may overlap the chunk
            // before them, whose bits they set again.
            var at = 0
            while at &+ 8 < count {
                masks.add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)), at: at)
                at &+= 8
            }
            masks.add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)), at: count &- 8)
        } else if count > 0 {
            masks.add(short(raw, count: count), at: 0)
        }
        guard masks.notPlain & high == 0 else { return -1 }
        // Past the line's end reads as spaces, so every word has an end below bit 64.
        let ends = masks.spaces | (~0 &<< UInt64(truncatingIfNeeded: count))
        let colons = masks.colons
        var starts = ~ends & (ends &<< 1 | 1)
        var found = 0
        while starts != 0 {
            let start = starts.trailingZeroBitCount
            // A comment starts where a word would.
            let first = base[start]
            if first == UInt8(ascii: "#") { break }
            let shift = UInt64(truncatingIfNeeded: start)
            let end = (ends &>> shift).trailingZeroBitCount &+ start
            var keyLength = 0
            var valueStart = start
            let colon = (colons &>> shift).trailingZeroBitCount &+ start
            if colon < end, first &- UInt8(ascii: "a") < 26, isKey(base, from: start &+ 1, to: colon) {
                keyLength = colon &- start
                valueStart = colon &+ 1
                options |= 1 &<< UInt64(truncatingIfNeeded: found)
            }
            words[found] = RawToken(offset: start, valueOffset: valueStart, valueEnd: end, endOffset: end,
                                    keyLength: Int32(truncatingIfNeeded: keyLength), quoted: -1)
            found &+= 1
            starts &= starts &- 1
        }
        return found
    }

    /// What the chunks of a line said: a bit a byte for spaces and colons, and the top bit of
    /// any byte of `notPlain` when a byte is not plain.
    struct Masks {
        var notPlain: UInt64 = 0
        var spaces: UInt64 = 0
        var colons: UInt64 = 0

        /// Eight bytes of the line from `at`.
        @inline(__always)
        mutating func add(_ x: UInt64, at: Int) {
            // A byte ≥ 0x80 has its top bit; 0x7F gets it from + 1; a byte < 0x20 lacks it
            // after + 0x60 (no byte carries into the next unless it had its top bit already);
            // a quote is a zero byte after ^ '"' (a borrow from it marks only later bytes).
            let quote = x ^ 0x2222_2222_2222_2222
            notPlain |= x | (x &+ PlainLine.ones) | ~(x &+ 0x6060_6060_6060_6060) | ((quote &- PlainLine.ones) & ~quote)
            // Exact for ASCII bytes (the line is refused otherwise): a byte ≤ 0x20 lacks the top
            // bit after + 0x5F (here only a space: controls are refused), a colon after ^ ':' + 0x7F.
            let shift = UInt64(truncatingIfNeeded: at)
            spaces |= PlainLine.bits(~(x &+ 0x5F5F_5F5F_5F5F_5F5F) & PlainLine.high) &<< shift
            let colon = ~((x ^ 0x3A3A_3A3A_3A3A_3A3A) &+ PlainLine.low) & PlainLine.high
            if colon != 0 { colons |= PlainLine.bits(colon) &<< shift }
        }
    }

    /// A line of 1 to 7 bytes as one integer, the first in the low byte, then spaces. Nothing
    /// past its last byte is loaded: its first and last four bytes are, or each byte.
    @inline(__always)
    static func short(_ base: UnsafeRawPointer, count: Int) -> UInt64 {
        let pad = allSpaces &<< UInt64(truncatingIfNeeded: count &* 8)
        if count >= 4 {
            let first = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            return first | last &<< UInt64(truncatingIfNeeded: (count &- 4) &* 8) | pad
        }
        var value = pad
        var index = 0
        while index < count {
            value |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) &<< UInt64(truncatingIfNeeded: index &* 8)
            index &+= 1
        }
        return value
    }

    /// The top bit of each byte of `x` (all its other bits clear), as the low 8 bits: one
    /// multiply gathers them, each landing on its own bit of the top byte.
    @inline(__always)
    static func bits(_ x: UInt64) -> UInt64 {
        (x &* 0x0002_0408_1020_4081) &>> 56
    }

    /// The rest of an option key after its first letter: letters, digits, `_` or `.` (`Lexer`'s rule).
    @inline(__always)
    private static func isKey(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = base[index]
            guard byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") else { return false }
            index &+= 1
        }
        return true
    }
}
