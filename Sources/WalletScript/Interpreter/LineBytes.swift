/// A line's bytes (valid UTF-8) in storage reused from line to line: the line a step came
/// from is kept this way, and its String is made only when a report or `why` asks.
struct LineBytes: Sendable {
    private var storage: [UInt8] = []
    private var count = 0

    /// Copies `bytes` in, over the last line's.
    mutating func set(_ bytes: UnsafeBufferPointer<UInt8>) {
        if storage.count < bytes.count { storage.append(contentsOf: repeatElement(0, count: bytes.count - storage.count)) }
        count = bytes.count
        if count > 0 { storage.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) } }
    }

    mutating func set(_ text: String) {
        var text = text
        text.withUTF8 { set($0) }
    }

    var text: String { String(decoding: storage[0..<count], as: UTF8.self) }
}
