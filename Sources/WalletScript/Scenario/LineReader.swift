import Foundation

/// One line of input as bytes, valid only inside the callback that receives it.
public struct RawLine {
    /// The line with its terminator (`\n`, `\r\n`, or none at the end of input).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// How many leading bytes are the line itself: the terminator and any `\r` before it excluded.
    public let contentCount: Int
    /// 1-based.
    public let number: Int

    public var content: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[0..<contentCount]) }
    public var endsWithNewline: Bool { bytes.last == UInt8(ascii: "\n") }
    public var isCRLF: Bool { bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\r") && endsWithNewline }
}

/// What a reader hands over: a line, or the first bytes of a line longer than the limit
/// (the rest of that line is skipped without being kept).
public enum LineEvent {
    case line(RawLine)
    case tooLong(RawLine)
}

/// A read that failed: an error, never end of input.
public struct ReadFailure: Error, Sendable, Equatable {
    public let message: String
    /// The line being read when it failed (1-based).
    public var line = 1
}

/// Splits input into lines as bytes, in bounded memory: a file or a pipe is read in chunks
/// and no line longer than `maxLineBytes` is ever held whole.
public enum LineReader {
    public static var maxLineBytes: Int { Lexer.maxLineBytes }
    static let chunkBytes = 1 << 16

    /// Lines of bytes already in memory. `body` returns false to stop.
    public static func forEachLine(in text: UnsafeBufferPointer<UInt8>, _ body: (LineEvent) -> Bool) {
        var state = Scan()
        _ = state.scan(text, atEnd: true, body)
    }

    public static func forEachLine(in text: String, _ body: (LineEvent) -> Bool) {
        var text = text
        text.withUTF8 { forEachLine(in: $0, body) }
    }

    /// Lines read from a descriptor in chunks, until the end of input, a read error, or
    /// `body` returning false. Interrupted reads are retried.
    public static func forEachLine(descriptor: Int32, _ body: (LineEvent) -> Bool) -> ReadFailure? {
        let capacity = chunkBytes + maxLineBytes + 2
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var state = Scan()
        var filled = 0
        while true {
            let count = read(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return ReadFailure(message: String(cString: strerror(errno)), line: state.number + 1)
            }
            filled += count
            let atEnd = count == 0
            let used = state.scan(UnsafeBufferPointer(start: buffer, count: filled), atEnd: atEnd, body)
            if state.stopped || atEnd { return nil }
            // Keep the unfinished line (at most the limit and a CR) at the front.
            if used > 0 {
                (buffer).update(from: buffer + used, count: filled - used)
                filled -= used
            }
        }
    }

    /// The scanning state carried from one chunk to the next.
    struct Scan {
        var number = 0
        /// Inside the rest of a line already reported as too long.
        var skipping = false
        var stopped = false

        /// Hands over every complete line in `bytes`; returns how many bytes were used.
        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, _ body: (LineEvent) -> Bool) -> Int {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
            var start = 0
            let limit = LineReader.maxLineBytes
            while start < bytes.count, !stopped {
                let rest = bytes.count - start
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), rest)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(base + start) }
                if skipping {
                    guard let found else { return bytes.count }
                    skipping = false
                    start += found + 1
                    continue
                }
                let length = found.map { $0 + 1 } ?? rest
                // Without a newline yet, the line may still grow: wait for more unless it
                // already passed the limit (a CR may still come before the newline).
                var contentCount = found ?? rest
                while contentCount > 0, base[start + contentCount - 1] == UInt8(ascii: "\r") { contentCount -= 1 }
                if contentCount > limit || (found == nil && rest > limit + 1) {
                    number += 1
                    let head = UnsafeBufferPointer(start: base + start, count: min(found ?? rest, limit + 1))
                    if !body(.tooLong(RawLine(bytes: head, contentCount: head.count, number: number))) { stopped = true }
                    if found == nil { skipping = true; return bytes.count }
                    start += length
                    continue
                }
                guard found != nil || atEnd else { return start }
                number += 1
                let line = RawLine(bytes: UnsafeBufferPointer(start: base + start, count: length), contentCount: contentCount, number: number)
                if !body(.line(line)) { stopped = true }
                start += length
            }
            return start
        }
    }
}

extension RawLine {
    /// The line's text; invalid UTF-8 is repaired, as everywhere else.
    public var text: String { String(decoding: content, as: UTF8.self) }
}
