import Foundation
import Testing

/// A line whose recorded output differs and whose error nothing excuses is one failure
/// saying both, with or without `--fail-fast` (issue 9: "reported line 23 twice").
@Suite("one failure a line")
struct OneFailureALineTests {
    static let scenario = """
        user alice
        verify
        card visa
        topup 10
        | topped up CNY 100.00 from visa ••1111: charged CNY 105.00 (about US$15.06) including a CNY 5.00 fee
        | TourPass opened, valid until 2026-04-01 00:00
        | TourPass balance CNY 100.00
        expect ok
        expect balance 100
        topup 100

        """

    @Test("the diff and the unexcused error are one failure of that line", arguments: [[], ["--fail-fast"]])
    func oneFailure(flags: [String]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m.scn", Self.scenario)
        let result = try Tourpass.run(["run", "m.scn"] + flags, directory: dir.path)
        #expect(result.status == 1)
        let headers = result.outLines.filter { $0.hasPrefix("m.scn:4:1:") }
        #expect(headers.count == 1, "\(result.out)")
        let block = result.out.components(separatedBy: "m.scn:4:1: topup 10\n").last ?? ""
        #expect(block.contains("+error topup.below_minimum"), "\(result.out)")
        #expect(block.contains("failed with topup.below_minimum"), "\(result.out)")
        // The line's failure comes before the later lines' (in file order).
        if flags.isEmpty {
            let first = result.out.range(of: "m.scn:4:1:")?.lowerBound
            let later = result.out.range(of: "m.scn:8:1:")?.lowerBound
            #expect(first != nil && later != nil && first! < later!, "\(result.out)")
        } else {
            #expect(!result.out.contains("m.scn:8:1:"), "\(result.out)")
        }
    }

    @Test("an expect error after a differing recording excuses the error: only the diff")
    func excusedKeepsDiff() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m.scn", Self.scenario.replacingOccurrences(of: "expect ok", with: "expect error topup.below_minimum"))
        let result = try Tourpass.run(["run", "m.scn", "--fail-fast"], directory: dir.path)
        #expect(result.status == 1)
        #expect(result.outLines.filter { $0.hasPrefix("m.scn:4:1:") }.count == 1, "\(result.out)")
        #expect(!result.out.contains("failed with"), "\(result.out)")
    }
}
