import Testing
@testable import WalletCore

/// The simulated clock: a proleptic calendar with no Foundation, minutes since 2026-01-01 00:00 CST.
@Suite struct TimeTests {
    /// Walks the calendar day by day with a naive counter, from 1970 to 2500, and compares.
    @Test func civilDatesRoundTripOverCenturies() {
        func leap(_ y: Int) -> Bool { y % 400 == 0 || (y % 4 == 0 && y % 100 != 0) }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var (y, m, d) = (1970, 1, 1)
        var mismatches = 0
        for days in Int64(0)...Int64(194_000) {
            let date = CivilDate(daysSinceEpoch: days)
            if date != CivilDate(year: y, month: m, day: d) || date.daysSinceEpoch != days || !date.isValid {
                mismatches += 1
                if mismatches < 5 { Issue.record("day \(days): \(date) but expected \(y)-\(m)-\(d)") }
            }
            d += 1
            if d > (m == 2 && leap(y) ? 29 : lengths[m - 1]) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        #expect(mismatches == 0)
        #expect(y == 2501)
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeap(2028))
        #expect(!CivilDate.isLeap(2100))
        #expect(CivilDate.isLeap(2400))
        #expect(!CivilDate.isLeap(2026))
        #expect(CivilDate.parse("2028-02-29") != nil)
        #expect(CivilDate.parse("2100-02-29") == nil)
        #expect(CivilDate.parse("2400-02-29") != nil)
        // 2028-02-28 → 03-01 crosses a leap day; 2100 does not.
        let feb28In2028 = CivilDate(year: 2028, month: 2, day: 28).daysSinceEpoch
        #expect(CivilDate(year: 2028, month: 3, day: 1).daysSinceEpoch - feb28In2028 == 2)
        let feb28In2100 = CivilDate(year: 2100, month: 2, day: 28).daysSinceEpoch
        #expect(CivilDate(year: 2100, month: 3, day: 1).daysSinceEpoch - feb28In2100 == 1)
    }

    @Test(arguments: [
        (0, "2026-01-01 00:00"), (1_439, "2026-01-01 23:59"), (1_440, "2026-01-02 00:00"),
        (59 * 1_440 + 9 * 60 + 5, "2026-03-01 09:05"), (-1, "2025-12-31 23:59"),
    ] as [(Int64, String)])
    func instantDescription(minutes: Int64, text: String) {
        #expect(Instant(minutes: minutes).description == text)
    }

    @Test func latestInstant() {
        #expect(Instant.latest.description == "9999-12-31 23:59")
        #expect(Instant.latest.adding(SimDuration(minutes: 1)) == nil)
        #expect(Instant.latest.adding(SimDuration(minutes: 0)) == Instant.latest)
    }

    @Test(arguments: [(0, 0), (1_439, 0), (1_440, 1), (-1, -1), (-1_440, -1), (-1_441, -2)] as [(Int64, Int64)])
    func dayIndex(minutes: Int64, day: Int64) {
        #expect(Instant(minutes: minutes).dayIndex == day)
    }

    @Test func parsesInstants() {
        #expect(Instant.parse("2026-01-15 09:00") == Instant(minutes: 14 * 1_440 + 540))
        #expect(Instant.parse("2026-01-15") == Instant(minutes: 14 * 1_440))
        #expect(Instant.parse("2026-01-01 23:59") == Instant(minutes: 1_439))
        for bad in ["2026-02-30", "2026-01-01 24:00", "2026-01-01 23:60", "2026-1-01", "2026-01-01 9:00",
                    "", "2026-13-01", "2026-01-01 09:00 x", "0000-01-01", "2026-01-0a"] {
            #expect(Instant.parse(Substring(bad)) == nil, "\(bad)")
        }
    }

    @Test(arguments: [
        ("91d", 131_040), ("1d12h", 2_160), ("2w", 20_160), ("30m", 30), ("0", 0), ("0m", 0), ("12h", 720),
    ] as [(String, Int64)])
    func parsesDurations(text: String, minutes: Int64) {
        #expect(SimDuration.parse(Substring(text)) == .success(SimDuration(minutes: minutes)))
    }

    @Test(arguments: [
        ("-3d", SimDuration.Problem.negative), ("1x", .malformed), ("", .malformed), ("d", .malformed),
        ("12", .malformed), ("1d1", .malformed), ("1 d", .malformed),
        ("99999999999999999999999999d", .tooLong), ("3000000d", .tooLong), ("9999999999m", .tooLong),
    ] as [(String, SimDuration.Problem)])
    func rejectsDurations(text: String, problem: SimDuration.Problem) {
        #expect(SimDuration.parse(Substring(text)) == .failure(problem))
    }

    @Test func durationDescription() {
        #expect(SimDuration(minutes: 2_160).description == "1d12h")
        #expect(SimDuration(minutes: 0).description == "0m")
        #expect(SimDuration(minutes: 1_445).description == "1d5m")
        #expect(SimDuration.days(91).description == "91d")
    }

    /// The clock's cost is the events that fall due, not the minutes that pass.
    @Test func advancingACenturyFiresOnlyWhatIsDue() throws {
        var world = World()
        let alice = try world.passHolder("alice")
        let bob = try world.passHolder("bob", card: Cards.mastercard)
        let clock = ContinuousClock()
        let start = clock.now
        let fired = try world.advance(by: .days(36_524))   // 100 years: 24 leap days (2100 is not one)
        #expect(clock.now - start < .seconds(2))
        // Two pass expiries, then the two passports' lapses on 2036-01-02.
        #expect(fired.count == 4)
        #expect(fired.suffix(2).map(\.kind) == [.passportLapsed(alice), .passportLapsed(bob)])
        #expect(world.now == Instant(minutes: 36_524 * 1_440))
        #expect(world.now.description == "2126-01-01 00:00")
        #expect(world.passState(user: alice) == .expired && world.passState(user: bob) == .expired)
        #expect(world.pendingEvents.isEmpty)
        #expect(world.invariantViolations() == [])
    }

    @Test func theClockStopsAtTheEndOf9999() throws {
        var world = World()
        expectFailure(.clockOutOfRange, &world) { try $0.advance(to: Instant(minutes: Instant.latest.minutes + 1)) }
        expectFailure(.clockOutOfRange, &world) { try $0.advance(by: SimDuration(minutes: SimDuration.maxMinutes + 1)) }
        #expect(world.now == .start)
        _ = try world.advance(to: .latest)
        #expect(world.now == .latest)
        expectFailure(.clockOutOfRange, &world) { try $0.advance(by: SimDuration(minutes: 1)) }
        _ = try world.advance(by: SimDuration(minutes: 0))
        #expect(world.now == .latest)
    }

    @Test func theClockOnlyMovesForward() throws {
        var world = World()
        _ = try world.advance(by: .days(1))
        expectFailure(.clockOutOfRange, &world) { try $0.advance(to: .start) }
        expectFailure(.clockOutOfRange, &world) { try $0.advance(by: SimDuration(minutes: -1)) }
        #expect(world.now == Instant(minutes: 1_440))
    }
}
