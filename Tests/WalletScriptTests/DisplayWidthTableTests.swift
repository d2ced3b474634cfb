import Testing
import WalletCore
@testable import WalletScript

/// Tables pad by display width (`DisplayWidth`, shared with the line editor's Tab lists):
/// a CJK name takes two columns a character, so its columns line up with ASCII ones.
@Suite struct DisplayWidthTableTests {
    /// The display column where `word` starts in `line`.
    func column(of word: String, in line: String) -> Int? {
        line.range(of: word).map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
    }

    @Test func usersLineUpWithACJKName() {
        var session = Session()
        for line in ["user 王小明", "user bob phone:+86-13800138000", "user Zoë"] { _ = output(line, in: &session) }
        let lines = output("users", in: &session)
        #expect(lines == [
            "王小明  44-7700900001   international  unverified, TourPass none",
            "bob     86-13800138000  domestic       unverified",
            "Zoë     44-7700900003   international  unverified, TourPass none",
        ], "\(lines)")
        let phones = zip(lines, ["44-7700900001", "86-13800138000", "44-7700900003"]).map { column(of: $1, in: $0) }
        #expect(Set(phones).count == 1, "\(phones)")
    }

    @Test func merchantsLineUpWithACJKName() {
        var session = Session()
        _ = output("merchant 王记面馆 qr:domestic", in: &session)
        let lines = output("merchants", in: &session)
        let terms = lines.map { column(of: $0.contains("cross-border") ? "cross-border" : "domestic-only", in: $0) }
        #expect(lines.last == "王记面馆     domestic-only code, accepts credit", "\(lines)")
        #expect(Set(terms).count == 1, "\(lines)")
    }

    @Test func historyLinesUpWithACJKMerchant() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 500", "merchant 王记 qr:cross", "pay 12 to:王记", "pay 5 to:cafe"] {
            _ = output(line, in: &session)
        }
        let lines = output("history", in: &session)
        let rows = lines.filter { $0.contains("paid CNY") }
        #expect(rows.count == 2, "\(lines)")
        let balances = rows.map { column(of: "CNY 4", in: $0) }
        #expect(balances[0] != nil && Set(balances).count == 1, "the balance column lines up: \(lines)")
    }

    @Test func helpOverviewPadsByWidth() {
        let overview = HelpCommand.overview(policy: Policy())
        let summaries = overview.filter { $0.hasPrefix("  ") }.map { line -> Int in
            let body = line.dropFirst(2)
            let name = body.prefix { $0 != " " }
            return DisplayWidth.of(String(name)) + body.dropFirst(name.count).prefix { $0 == " " }.count
        }
        #expect(Set(summaries).count == 1, "\(overview)")
    }

    @Test func widths() {
        #expect(DisplayWidth.of("王小明") == 6)
        #expect(DisplayWidth.of("Zoe\u{308}") == 3)
        #expect(DisplayWidth.of("alice") == 5)
        #expect(DisplayWidth.padded("王", to: 4) == "王  ")
        #expect(Layout.pad("王小明", 7) == "王小明 ")
    }
}
