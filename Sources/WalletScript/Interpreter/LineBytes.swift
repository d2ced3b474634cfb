/// A line's bytes (valid UTF-8), kept from line to line: the line a step came from is kept
/// this way, and its String is made only when a report or `why` asks. A line of up to 32
/// bytes (nearly every line) is held inline: copying it into an array checked the array's
/// uniqueness and went through a closure (51 instructions a line; docs/BENCHMARKS.md, round 9).
struct LineBytes: Sendable {
    private var short: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// A longer line, in storage reused from line to line.
    private var long: [UInt8] = []
    private var count = 0
    static let inlineCapacity = 32

    /// Copies `bytes` in, over the last line's.
    mutating func set(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        guard let source = bytes.baseAddress, count > 0 else { return }
        if count <= LineBytes.inlineCapacity {
            let count = count
            withUnsafeMutableBytes(of: &short) { inline in
                if let target = inline.baseAddress { target.copyMemory(from: source, byteCount: count) }
            }
            return
        }
        if long.count < count { long.append(contentsOf: repeatElement(0, count: count - long.count)) }
        long.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
    }

    mutating func set(_ text: String) {
        var text = text
        text.withUTF8 { set($0) }
    }

    var text: String {
        if count <= LineBytes.inlineCapacity { return withUnsafeBytes(of: short) { String(decoding: $0.prefix(count), as: UTF8.self) } }
        return String(decoding: long[0..<count], as: UTF8.self)
    }
}
