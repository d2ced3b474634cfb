import Testing
import WalletCore
@testable import WalletScript

/// The statement writes attempts as commands (names quoted where a command needs it),
/// lines a received transfer up with the other movements, and `since:` takes an
/// unquoted time as `advance to:` does.
@Suite struct StatementWordsTests {
    func history(after lines: [String], _ query: String = "history") -> [String] {
        var session = Session()
        for line in lines { _ = session.run(line: line) }
        guard case .success(let outcome?) = session.run(line: query) else { return [] }
        return outcome.lines.map(\.text)
    }

    static let maryAnnReceives = ["user \"Mary Ann\"", "verify", "card visa", "topup 500", "merchant \"Li's Noodles\" qr:cross",
                                  "pay 3 to:\"Li's Noodles\"", "user wang phone:+86-13800138000", "verify", "card unionpay",
                                  "transfer 80 to:\"Mary Ann\"", "user \"Mary Ann\""]

    @Test func attemptsAreWrittenAsCommands() {
        let mary = history(after: Self.maryAnnReceives)
        #expect(mary.contains { $0.hasPrefix("2026-01-01 00:00  user \"Mary Ann\"  ") })
        #expect(mary.contains { $0.hasPrefix("2026-01-01 00:00  pay 3 to:\"Li's Noodles\"  ") })
        let wang = history(after: Self.maryAnnReceives + ["user wang"])
        #expect(wang.contains { $0.hasPrefix("2026-01-01 00:00  transfer 80 to:\"Mary Ann\"  ") })
    }

    @Test func aReceivedTransferIsIndentedUnderItsSender() throws {
        let lines = history(after: Self.maryAnnReceives)
        let head = try #require(lines.firstIndex(of: "2026-01-01 00:00  transfer from wang"))
        let money = lines[head + 1]
        #expect(money.hasPrefix("                    received CNY 80.00 from wang "))
        // Its balances end where the other movements' do.
        let header = try #require(lines.first { $0.hasPrefix("when") })
        #expect(money.hasSuffix("CNY 497.00  CNY 80.00") && money.count == header.count)
        let paid = try #require(lines.first { $0.contains("paid CNY 3.00") })
        #expect(paid.hasSuffix("CNY 497.00") && paid.count == header.count - "  CNY 80.00".count)
    }

    @Test func sinceTakesAnUnquotedTime() {
        let lines = ["user alice", "advance 1d", "verify"]
        #expect(history(after: lines, "history since:2026-01-02 00:00") == history(after: lines, "history since:\"2026-01-02 00:00\""))
        #expect(history(after: lines, "history since:2026-01-02 00:00").first == "statement of alice, since 2026-01-02 00:00: TourPass CNY 0.00")
        #expect(history(after: lines, "history since:2026-01-02 00:01").last == "no entries match")
        guard case .failure(let problem) = CommandTable.parse("history since:2026-01-02 soon") else { Issue.record("parsed"); return }
        #expect(problem.message == "not a date or time (expected YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"): 2026-01-02 soon")
    }

    @Test func completionOffersNoOptionThatCannotGoWithOneTyped() {
        var session = Session()
        _ = session.run(line: "merchant \"Li's Noodles\" qr:domestic")
        #expect(Completion.candidates(for: "pay 15 to:\"Li's Noodles\" ", session: session) == ["password:"])
        #expect(Completion.candidates(for: "pay 15 qr:cross ", session: session) == ["password:"])
        #expect(Completion.candidates(for: "pay 15 ", session: session) == ["qr:", "to:", "password:"])
    }

    /// The parser refuses every pair completion keeps apart.
    @Test func theParserRefusesEveryExcludedPair() throws {
        for spec in CommandTable.all {
            for option in spec.options {
                for other in option.excludes {
                    let example = HelpExampleTests.command(of: try #require(spec.examples.first { $0.contains(" \(option.key):") }, "\(spec.name) \(option.key):"))
                    guard case .failure = CommandTable.parse(example + " \(other):x") else { Issue.record("\(example) \(other):x parsed"); continue }
                }
            }
        }
    }
}
