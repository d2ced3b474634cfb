import Foundation
import Testing

/// Pasting many lines into the REPL keeps memory linear (it was one world copy per line:
/// 2,000 lines took 868 MB). Runs scripts/bench-repl on the built binary.
@Suite("REPL memory")
struct ReplMemoryTests {
    static var benchScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/bench-repl").path
    }

    @Test("3,000 pasted lines stay under 200 MB peak")
    func pastedLines() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let result = try Shell.run("exec /usr/bin/python3 \"$0\" \"$1\" 3000", Self.benchScript, TourpassBinary.path)
        #expect(result.status == 0, "\(result.err)")
        let row = try #require(result.outLines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("3000") })
        let fields = row.split(separator: " ")
        let peakMB = try #require(Double(fields[1]))
        #expect(peakMB < 200, "\(result.out)")
    }
}
