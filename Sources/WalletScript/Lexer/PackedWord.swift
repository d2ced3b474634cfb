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

    init?(_ text: String) {
        var text = text
        guard let packed = text.withUTF8({ PackedWord($0) }) else { return nil }
        self = packed
    }
}
