import Foundation
import Testing

/// The include stack tells files apart by the bytes of their real paths: two files whose
/// names differ only in Unicode normalisation are two files, not a cycle.
@Suite("include: file names by bytes")
struct IncludeExactNameTests {
    @Test("café.scn (U+00E9) includes café.scn (e + U+0301): it runs, no cycle")
    func lookAlikeNamesAreNoCycle() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let composed = "caf\u{E9}.scn", decomposed = "cafe\u{301}.scn"
        try dir.write("s/" + decomposed, "user amy\n")
        try dir.write("s/" + composed, "include \(decomposed)\nexpect ok\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.file("s"))
        #expect(names.count == 2, "two files on disk: \(names.map { Array($0.utf8) })")
        let result = try Tourpass.run(["run", "s/" + composed], directory: dir.path)
        #expect(result.status == 0, "\(result.out)")
        #expect(!result.out.contains("include cycle"), "\(result.out)")
    }
}
