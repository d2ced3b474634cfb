import Testing
@testable import WalletScript

/// `LineBytes` keeps the last action's line for `why` and failure reports: inline up to 32
/// bytes, in an array beyond. Whatever came before, it gives back exactly the last line set.
@Suite("line bytes")
struct LineBytesTests {
    /// A line of `count` bytes: ASCII, with a two-byte and a three-byte character where they fit.
    static func line(_ count: Int, seed: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = 0
        while bytes.count < count {
            let room = count - bytes.count
            switch (index + seed) % 5 {
            case 1 where room >= 2: bytes += Array("é".utf8)
            case 3 where room >= 3: bytes += Array("一".utf8)
            default: bytes.append(UInt8(ascii: "a") + UInt8((index + seed) % 26))
            }
            index += 1
        }
        return bytes
    }

    @Test("every length from 0 to 80, after a longer and after a shorter line")
    func roundTrip() {
        var kept = LineBytes()
        for seed in 0..<3 {
            for count in 0...80 {
                for before in [0, 5, 31, 32, 33, 79] {
                    LineBytesTests.line(before, seed: seed + 1).withUnsafeBufferPointer { kept.set($0) }
                    let bytes = LineBytesTests.line(count, seed: seed)
                    bytes.withUnsafeBufferPointer { kept.set($0) }
                    #expect(Array(kept.text.utf8) == bytes, "\(count) bytes after \(before)")
                }
            }
        }
        kept.set("pay 12 to:café")
        #expect(kept.text == "pay 12 to:café")
        let long = String(repeating: "topup 100 ", count: 10)
        kept.set(long)
        #expect(kept.text == long)
    }
}
