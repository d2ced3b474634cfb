import Foundation
import Testing
import WalletScript

/// Names, file names and test names compare by bytes, never by canonical equivalence:
/// `é` precomposed (U+00E9) and `e` + U+0301 are two names (RULES v2.1).
@Suite struct ExactBytesTests {
    static let composed = "caf\u{E9}", decomposed = "cafe\u{301}"

    @Test func filtersMatchAsSubstringsByBytes() {
        #expect(!Selection.matches(Self.composed, "x/\(Self.decomposed).scn"))
        #expect(!Selection.matches(Self.decomposed, "x/\(Self.composed).scn"))
        #expect(Selection.matches(Self.decomposed, "x/\(Self.decomposed).scn"))
        #expect(Selection.matches("x/", "x/\(Self.composed).scn"))
    }

    @Test func testNamesDifferingInNormalisationAreTwoTests() {
        let a = TestName(path: "s/\(Self.composed).scn"), b = TestName(path: "s/\(Self.decomposed).scn")
        #expect(a != b)
        #expect(Set([a, b]).count == 2)
        #expect(a == TestName(path: "s/\(Self.composed).scn"))
        var problems: [TestName: Int] = [a: 1]
        #expect(problems[b] == nil)
        problems[b] = 2
        #expect(problems.count == 2)
    }

    @Test func pathCompletionComparesFileNamesByBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exact-bytes-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Made from bytes: Foundation must not normalise the name on the way.
        let name = Array("\(Self.decomposed).scn".utf8)
        let path = Array(dir.path.utf8) + [UInt8(ascii: "/")] + name
        let fd = path.withUnsafeBufferPointer { bytes in
            (Array(bytes) + [0]).withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o600) }
        }
        #expect(fd >= 0)
        close(fd)
        let session = Console().session
        let composed = Completion.candidates(for: ":load \(dir.path)/\(Self.composed)", session: session)
        #expect(composed.isEmpty, "\(composed.map { Array($0.utf8) })")
        let decomposed = Completion.candidates(for: ":load \(dir.path)/cafe", session: session)
        #expect(decomposed.map { Array($0.utf8) } == [Array("\(dir.path)/\(Self.decomposed).scn".utf8)])
    }
}
