import Testing
@testable import WalletScript

/// `advance` reports what fired without copying the world: names resolved when it fired, text
/// made only when read, one value and no array when nothing fired.
@Suite struct AdvanceEventTests {
    @Test func eventsReadAsBeforeAndNothingFiredIsOneValue() {
        var session = Session()
        for line in ["user amy", "verify", "card visa", "card mastercard", "topup 100 card:mastercard", "topup 150 card:visa", "pay 20 to:cafe"] {
            guard case .success(let outcome?) = session.run(line: line), outcome.error == nil else { Issue.record("\(line)"); return }
        }
        guard case .success(let quiet?) = session.run(line: "advance 1h"), case .one = quiet.output else { Issue.record("advance 1h"); return }
        #expect(quiet.lines.map(\.text) == ["now 2026-01-01 01:00"])
        guard case .success(let expiry?) = session.run(line: "advance 91d"), case .many(let values) = expiry.output else {
            Issue.record("advance 91d"); return
        }
        #expect(expiry.lines.map(\.text) == [
            "2026-04-01 00:00  TourPass of amy expired; refunded CNY 150.00 to visa ••1111, CNY 80.00 to mastercard ••4444",
            "now 2026-04-02 01:00",
        ])
        let event = values.first as? AdvanceCommand.Event
        #expect(event?.name == "amy" && event?.cards.map(\.description) == ["visa ••1111", "mastercard ••4444"])
        guard case .passExpired? = event?.kind else { Issue.record("kind"); return }
    }
}
