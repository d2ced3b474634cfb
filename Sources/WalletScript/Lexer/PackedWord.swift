/// A short word (a command's name, an option's key: at most 15 bytes) packed with its length
/// into two integers, so that a word of a line is matched against a table by two compares
/// of integers, with no String made and nothing retained.
struct PackedWord: Equatable, Sendable {
    let low: UInt64
    /// Bytes 8 to 14, and the length in the top byte.
    let high: UInt64

    static let maxLength = 15

    /// Nil for a word longer than `maxLength` (no name or key is that long).
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count <= Self.maxLength else { return nil }
        var low: UInt64 = 0
        var high = UInt64(count) << 56
        var index = 0
        while index < count && index < 8 {
            low |= UInt64(bytes[index]) << UInt64(index &* 8)
            index += 1
        }
        while index < count {
            high |= UInt64(bytes[index]) << UInt64((index &- 8) &* 8)
            index += 1
        }
        self.low = low
        self.high = high
    }

    /// The word `line[start..<end]`, its bytes read as one integer when it is 1 to 8 bytes and
    /// the line has 4 or more (a name at the end of a line: its last 8 bytes, shifted; a line of
    /// 4 to 7 bytes, `balance`: its first and last four, overlapping); else a byte at a time.
    /// Nothing outside the line is loaded. The same value as `init?(_:)` on those bytes (a test
    /// compares them, the line ending at a guard page).
    @inline(__always)
    init?(in line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        if let word = PackedWord(loading: line, from: start, to: end) {
            self = word
            return
        }
        guard start >= 0, start <= end, end <= line.count else { return nil }
        self.init(UnsafeBufferPointer(rebasing: line[start..<end]))
    }

    /// The same when the word can be read with one or two loads (1 to 8 bytes, a line of 4 or
    /// more); else nil, whatever the word (`init?(in:from:to:)` then packs it a byte at a time).
    @inline(__always)
    init?(loading line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        let count = end &- start
        guard count > 0, count <= 8, start >= 0, end <= line.count, line.count >= 4, let base = line.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let bytes: UInt64
        if line.count >= 8 {
            bytes = start &+ 8 <= line.count
                ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                : UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: line.count &- 8, as: UInt64.self)) >> UInt64((start &+ 8 &- line.count) &* 8)
        } else {
            // 4 to 7 bytes: the first four and the last four (they overlap: the same bytes).
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: line.count &- 4, as: UInt32.self)))
            bytes = (first | last &<< UInt64(truncatingIfNeeded: (line.count &- 4) &* 8)) &>> UInt64(truncatingIfNeeded: start &* 8)
        }
        self.init(low: count == 8 ? bytes : bytes & ((1 << UInt64(count &* 8)) &- 1), high: UInt64(count) << 56)
    }

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init?(_ text: String) {
        var text = text
        guard let packed = text.withUTF8({ PackedWord($0) }) else { return nil }
        self = packed
    }
}
