/// A moment of simulated time: whole minutes since 2026-01-01 00:00 China Standard Time.
/// The simulation has no time zones and never reads the wall clock.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutes: Int64

    public init(minutes: Int64) { self.minutes = minutes }

    public static let start = Instant(minutes: 0)
    /// 9999-12-31 23:59: the last minute the clock can show.
    public static let latest = Instant(civil: CivilDate(year: 9999, month: 12, day: 31), hour: 23, minute: 59)

    public static func < (a: Instant, b: Instant) -> Bool { a.minutes < b.minutes }

    public init(civil date: CivilDate, hour: Int = 0, minute: Int = 0) {
        let days = date.daysSinceEpoch - CivilDate.simulationStart.daysSinceEpoch
        minutes = days * 1_440 + Int64(hour * 60 + minute)
    }

    /// The calendar day in China time, counted from the simulation's start.
    public var dayIndex: Int64 { minutes >= 0 ? minutes / 1_440 : (minutes - 1_439) / 1_440 }

    public var date: CivilDate {
        CivilDate(daysSinceEpoch: dayIndex + CivilDate.simulationStart.daysSinceEpoch)
    }

    public var hour: Int { Int((minutes - dayIndex * 1_440) / 60) }
    public var minute: Int { Int((minutes - dayIndex * 1_440) % 60) }

    /// `2026-01-15 09:00`
    public var description: String {
        let date = self.date
        let within = Int(minutes - dayIndex * 1_440)
        return CivilDate.format(year: date.year, month: date.month, day: date.day, minuteOfDay: within)
    }

    public func adding(_ duration: SimDuration) -> Instant? {
        let (sum, overflow) = minutes.addingReportingOverflow(duration.minutes)
        guard !overflow, sum <= Instant.latest.minutes else { return nil }
        return Instant(minutes: sum)
    }
}

/// A proleptic Gregorian calendar date, with no Foundation calendar or time zone involved.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static let simulationStart = CivilDate(year: 2026, month: 1, day: 1)

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String { CivilDate.format(year: year, month: month, day: day) }

    /// `YYYY-MM-DD`, and ` HH:MM` when a time of day is given, written into one small
    /// buffer: dates are on most output lines.
    static func format(year: Int, month: Int, day: Int, minuteOfDay: Int? = nil) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var end = 0
            func put(_ value: Int, width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                var rest = value.magnitude % UInt(divisor * 10)
                var d = UInt(divisor)
                while d > 0 { buffer[end] = UInt8(ascii: "0") + UInt8(rest / d); rest %= d; d /= 10; end += 1 }
            }
            func put(_ byte: UInt8) { buffer[end] = byte; end += 1 }
            put(year, width: 4); put(UInt8(ascii: "-")); put(month, width: 2); put(UInt8(ascii: "-")); put(day, width: 2)
            if let minutes = minuteOfDay {
                put(UInt8(ascii: " ")); put(minutes / 60, width: 2); put(UInt8(ascii: ":")); put(minutes % 60, width: 2)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<end]), as: UTF8.self)
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var isValid: Bool {
        (1...9999).contains(year) && (1...12).contains(month) && (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(daysSinceEpoch: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), month: Int(m), day: Int(d))
    }

    /// Parses `YYYY-MM-DD`.
    public static func parse(_ text: Substring) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let date = CivilDate(year: y, month: m, day: d)
        return date.isValid ? date : nil
    }
}

extension Instant {
    /// Parses `YYYY-MM-DD` (midnight) or `YYYY-MM-DD HH:MM`.
    public static func parse(_ text: Substring) -> Instant? {
        let pieces = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(pieces.count), let date = CivilDate.parse(pieces[0]) else { return nil }
        var hour = 0, minute = 0
        if pieces.count == 2 {
            let hm = pieces[1].split(separator: ":", omittingEmptySubsequences: false)
            guard hm.count == 2, hm[0].count == 2, hm[1].count == 2,
                  hm.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
                  let h = Int(hm[0]), let m = Int(hm[1]), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
        }
        return Instant(civil: date, hour: hour, minute: minute)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A span of simulated time in whole minutes.
public struct SimDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutes: Int64

    public init(minutes: Int64) { self.minutes = minutes }
    public static func days(_ n: Int64) -> SimDuration { SimDuration(minutes: n * 1_440) }
    public static func hours(_ n: Int64) -> SimDuration { SimDuration(minutes: n * 60) }

    public static func < (a: SimDuration, b: SimDuration) -> Bool { a.minutes < b.minutes }

    /// The longest duration typed: the whole range of the clock.
    public static let maxMinutes: Int64 = Instant.latest.minutes

    /// `91d`, `1d12h`, `0m`.
    public var description: String {
        if minutes == 0 { return "0m" }
        var rest = minutes
        var text = ""
        for (unit, size) in [("d", Int64(1_440)), ("h", 60), ("m", 1)] where rest >= size {
            text += String(rest / size) + unit
            rest %= size
        }
        return text
    }

    public enum Problem: Error, Equatable, Sendable {
        case malformed, negative, tooLong, repeatedUnit
        public var message: String {
            switch self {
            case .malformed: return "not a duration (expected e.g. 91d, 12h, 30m, 2w or 1d12h)"
            case .repeatedUnit: return "each unit (w, d, h, m) may appear once in a duration: write 2d, not 1d1d"
            case .negative: return "a duration cannot be negative: the clock only moves forward"
            case .tooLong: return "duration is longer than the clock can go (it stops at 9999-12-31)"
            }
        }
    }

    /// Parses `91d`, `12h`, `30m`, `2w`, `1d12h`, and a bare `0`.
    public static func parse(_ text: Substring) -> Result<SimDuration, Problem> {
        text.utf8.withContiguousStorageIfAvailable { parseBytes($0) } ?? parseBytes(Array(text.utf8))
    }

    /// The same on the word's bytes (the parser reads them from the line in place).
    public static func parse(utf8 text: UnsafeBufferPointer<UInt8>) -> Result<SimDuration, Problem> {
        parseBytes(text)
    }

    private static func parseBytes<Bytes: Collection<UInt8>>(_ text: Bytes) -> Result<SimDuration, Problem> {
        if text.first == UInt8(ascii: "-") { return .failure(.negative) }
        if text.count == 1 && text.first == UInt8(ascii: "0") { return .success(SimDuration(minutes: 0)) }
        var total: Int64 = 0
        var number: Int64 = 0
        var sawDigit = false
        var sawUnit = false
        var unitsSeen: UInt8 = 0
        for byte in text {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                number = number * 10 + Int64(byte - UInt8(ascii: "0"))
                if number > maxMinutes { return .failure(.tooLong) }
                sawDigit = true
                continue
            }
            let size: Int64, bit: UInt8
            switch byte {
            case UInt8(ascii: "w"): (size, bit) = (10_080, 1)
            case UInt8(ascii: "d"): (size, bit) = (1_440, 2)
            case UInt8(ascii: "h"): (size, bit) = (60, 4)
            case UInt8(ascii: "m"): (size, bit) = (1, 8)
            default: return .failure(.malformed)
            }
            guard sawDigit else { return .failure(.malformed) }
            // A bit a unit: no set is built for a word of a few bytes.
            guard unitsSeen & bit == 0 else { return .failure(.repeatedUnit) }
            unitsSeen |= bit
            let (part, overflow) = number.multipliedReportingOverflow(by: size)
            guard !overflow, part <= maxMinutes else { return .failure(.tooLong) }
            total += part
            guard total <= maxMinutes else { return .failure(.tooLong) }
            number = 0
            sawDigit = false
            sawUnit = true
        }
        guard sawUnit, !sawDigit else { return .failure(.malformed) }
        return .success(SimDuration(minutes: total))
    }
}
