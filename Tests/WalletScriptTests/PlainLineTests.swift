import Foundation
import Testing
@testable import WalletScript

/// The lexer's eight-bytes-at-a-time path (`PlainLine`) against the byte loop it stands in for,
/// and against a plain reference written the obvious way, on generated lines; its loads
/// against a guard page right after the line's last byte.
@Suite struct PlainLineTests {
    /// A word as both paths write it, and what the byte loop said.
    struct Lexed: Equatable, CustomStringConvertible {
        var words: [[Int32]]
        var quoted: [String]
        var problem: String?
        /// `TokenBuffer.optionWords` (a bit a word that is an option), on a line that lexed.
        var options: UInt64
        var description: String { "\(words) \(quoted) \(problem ?? "-") options \(String(options, radix: 2))" }
    }

    static func lexed(_ line: UnsafeBufferPointer<UInt8>, byteWise: Bool, buffer: inout TokenBuffer) -> Lexed {
        let problem = byteWise ? Lexer.tokenizeByteWise(bytes: line, into: &buffer) : Lexer.tokenize(bytes: line, into: &buffer)
        let words = (0..<buffer.wordCount).map { index in
            let word = buffer.words[index]
            return [word.start, word.valueStart, word.valueStop, word.stop, word.keyLength, word.quoted]
        }
        let options = problem == nil ? buffer.optionWords : 0
        // The bits say which words are options, whichever path made them.
        let expected = (0..<buffer.wordCount).reduce(UInt64(0)) { bits, index in buffer.words[index].keyLength != 0 ? bits | 1 << UInt64(index) : bits }
        if problem == nil && options != expected { Issue.record("option bits \(String(options, radix: 2)), words say \(String(expected, radix: 2))") }
        return Lexed(words: words, quoted: buffer.quoted, problem: problem.map { "\($0.column): \($0.message)" }, options: options)
    }

    /// Both paths agree on `bytes`, read in place where the next byte is a guard page.
    static func agree(_ bytes: [UInt8], _ fast: inout TokenBuffer, _ slow: inout TokenBuffer) -> Bool {
        GuardedBytes.withBytes(bytes) { line in
            let a = lexed(line, byteWise: false, buffer: &fast)
            let b = lexed(line, byteWise: true, buffer: &slow)
            if a != b { Issue.record("\(bytes): fast \(a), byte loop \(b)") }
            return a == b
        }
    }

    /// Whether the fast path may take the line: short printable ASCII without a quote.
    static func isPlain(_ bytes: [UInt8]) -> Bool {
        bytes.count < PlainLine.maxBytes && bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != UInt8(ascii: "\"") }
    }

    /// `PlainLine.words` on `bytes` read in place before a guard page: the words, or nil when refused.
    static func fastWords(_ bytes: [UInt8]) -> [[Int32]]? {
        var words = Array(repeating: RawToken.none, count: Lexer.maxTokens)
        var options: UInt64 = 0
        return GuardedBytes.withBytes(bytes) { line -> [[Int32]]? in
            guard let base = line.baseAddress else { return nil }
            let found = words.withUnsafeMutableBufferPointer { room in
                room.baseAddress.map { PlainLine.words(base, count: line.count, into: $0, options: &options) } ?? -2
            }
            guard found >= 0 else { return nil }
            let expected = (0..<found).reduce(UInt64(0)) { bits, index in words[index].keyLength != 0 ? bits | 1 << UInt64(index) : bits }
            if options != expected { Issue.record("\(bytes): option bits \(String(options, radix: 2)), words say \(String(expected, radix: 2))") }
            return words[0..<found].map { [$0.start, $0.valueStart, $0.valueStop, $0.stop, $0.keyLength, $0.quoted] }
        }
    }

    /// The lexer's rule for a plain line, written the obvious way.
    static func reference(_ bytes: [UInt8]) -> [[Int32]] {
        var result: [[Int32]] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x20 { index += 1; continue }
            if bytes[index] == UInt8(ascii: "#") { break }
            let start = index
            while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            let word = bytes[start..<index]
            var keyLength = 0
            if let colon = word.firstIndex(of: UInt8(ascii: ":")) {
                let key = bytes[start..<colon]
                let lower = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
                let rest = { (byte: UInt8) in lower(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") }
                if let first = key.first, lower(first), key.allSatisfy(rest) { keyLength = key.count }
            }
            let valueStart = keyLength == 0 ? start : start + keyLength + 1
            result.append([Int32(start), Int32(valueStart), Int32(index), Int32(index), Int32(keyLength), -1])
        }
        return result
    }

    @Test func gatheringTopBitsIsExact() {
        for pattern in 0..<256 {
            var spread: UInt64 = 0
            for bit in 0..<8 where pattern & (1 << bit) != 0 { spread |= 0x80 << UInt64(bit * 8) }
            #expect(PlainLine.bits(spread) == UInt64(pattern))
        }
    }

    /// A line of 1 to 7 bytes, ending at a guard page, read as one integer: its bytes, then spaces.
    @Test func shortLinesReadNoFurtherThanTheLine() {
        for length in 1...7 {
            let bytes = (0..<length).map { UInt8(0x41 + $0) }
            GuardedBytes.withBytes(bytes) { line in
                guard let base = line.baseAddress else { return }
                var expected: UInt64 = 0
                for index in 0..<8 { expected |= UInt64(index < length ? bytes[index] : 0x20) << UInt64(index * 8) }
                #expect(PlainLine.short(UnsafeRawPointer(base), count: length) == expected, "length \(length)")
            }
        }
    }

    /// Every byte value at every place of lines of 1 to 17 bytes made of words, keys, colons and
    /// comments: the same words (or the same diagnostic) as the byte loop; a byte outside
    /// printable ASCII, or a quote, sends the line to the byte loop.
    @Test func everyByteNearWordBoundaries() {
        let bases = ["to:ab cd:e f#g h:", "pay 6.58 to:cafe", "a b  c:d #e:f  gh", " x:y:z  :q Ab:c 9"]
        var fast = TokenBuffer(), slow = TokenBuffer()
        var checked = 0
        for base in bases {
            let all = Array(base.utf8)
            for length in 1...all.count {
                for position in 0..<length {
                    for value in 0...255 {
                        var bytes = Array(all[0..<length])
                        bytes[position] = UInt8(value)
                        let words = Self.fastWords(bytes)
                        if (words != nil) != Self.isPlain(bytes) { Issue.record("taken or refused wrongly: \(bytes)") }
                        if let words, words != Self.reference(bytes) { Issue.record("\(bytes): \(words) against \(Self.reference(bytes))") }
                        // The byte loop wants valid UTF-8: lone bytes ≥ 0x80 only go to the fast path.
                        if value < 0x80 {
                            _ = Self.agree(bytes, &fast, &slow)
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 30_000)
    }

    /// Seeded random lines of 0 to 80 bytes over the bytes that matter (separators, colons,
    /// `#`, quotes, key and non-key bytes, controls, DEL, two- and three-byte characters).
    @Test func randomLinesAgreeWithTheByteLoop() {
        let pieces: [[UInt8]] = [[0x20], [0x20], [0x20], [0x09], [0x0D], [0x3A], [0x3A], [0x23], [0x22], [0x61], [0x7A], [0x6D],
                                 [0x41], [0x30], [0x39], [0x5F], [0x2E], [0x2D], [0x21], [0x7E], [0x7F], [0x1F], [0x00], [0x60],
                                 [0x7B], [0x2F], [0x40], Array("é".utf8), Array("\u{200E}".utf8), Array("王".utf8)]
        var random = SplitMix64(seed: 9)
        var fast = TokenBuffer(), slow = TokenBuffer()
        var plain = 0
        for round in 0..<40_000 {
            let length = Int(random.next() % 81)
            var bytes: [UInt8] = []
            // One line in four is plain, so the fast path's own words are checked often.
            let plainOnly = round % 4 == 0
            while bytes.count < length {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                if plainOnly, !Self.isPlain(piece) { continue }
                bytes += piece
            }
            if Self.isPlain(bytes) {
                plain += 1
                if Self.fastWords(bytes) != Self.reference(bytes) { Issue.record("\(bytes): against the reference") }
            }
            _ = Self.agree(bytes, &fast, &slow)
        }
        #expect(plain > 5_000)
    }

    /// `ScenarioReader.isASCII` on lines of 0 to 24 bytes ending at a guard page, with one byte
    /// ≥ 0x80 at each place or none.
    @Test func asciiCheckSeesEveryByte() {
        for length in 0...24 {
            for high in [-1] + Array(0..<length) {
                for value: UInt8 in [0x80, 0xC3, 0xFF] {
                    var bytes = Array(repeating: UInt8(0x7F), count: length)
                    if high >= 0 { bytes[high] = value }
                    let ascii = GuardedBytes.withBytes(bytes) { ScenarioReader.isASCII($0) }
                    if ascii != (high < 0) { Issue.record("length \(length), byte \(value) at \(high): \(ascii)") }
                }
            }
        }
    }

    /// The fast path leaves a line of 64 bytes or more, and any line after it, as the byte loop does.
    @Test func longLinesAndReusedBuffers() {
        var fast = TokenBuffer(), slow = TokenBuffer()
        for length in 56...72 {
            let bytes = Array(String(repeating: "to:ab c ", count: 10).utf8.prefix(length))
            #expect(Self.agree(bytes, &fast, &slow))
            #expect(Self.agree(Array("card visa name:\"A B\"".utf8), &fast, &slow))
            #expect(Self.agree(Array("pay 5 to:cafe".utf8), &fast, &slow))
            #expect(fast.quoted.isEmpty)
        }
    }
}

/// Bytes placed so that the byte after the last is in a page no one may read: a load past the
/// line's end stops the test with a fault instead of reading a neighbour's bytes.
enum GuardedBytes {
    static let pageBytes = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Two pages, the second unreadable; made once for the process.
    nonisolated(unsafe) static let pages: UnsafeMutableRawPointer? = {
        guard let memory = mmap(nil, pageBytes * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { return nil }
        guard mprotect(memory + pageBytes, pageBytes, PROT_NONE) == 0 else { return nil }
        return memory
    }()
    /// The guard page is shared by tests that may run at once.
    static let lock = NSLock()

    static func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let pages, bytes.count <= pageBytes else {
            Issue.record("no guard page")
            return bytes.withUnsafeBufferPointer(body)
        }
        return lock.withLock {
            let start = (pages + pageBytes - bytes.count).assumingMemoryBound(to: UInt8.self)
            start.update(from: bytes, count: bytes.count)
            return body(UnsafeBufferPointer(start: start, count: bytes.count))
        }
    }
}
