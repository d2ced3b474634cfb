import WalletCore

/// The chart's time axis: proportional to the clock, with a slot of `slotWidth` for each
/// entry at an instant (as many as the busiest user has there).
struct TimeAxis {
    let left: Double
    let right: Double
    let start: Instant
    let end: Instant
    /// Distinct instants with entries, sorted, and the slots before each.
    private let instants: [Instant]
    private let slotsBefore: [Int]
    let slotWidth: Double
    private let timeWidth: Double

    init(series: [BalanceChart.Series], end clockEnd: Instant, left: Double, right: Double) {
        var counts: [Instant: Int] = [:]
        for s in series {
            for point in s.points { counts[point.at] = max(counts[point.at, default: 0], point.slot + 1) }
        }
        let instants = counts.keys.sorted()
        var before: [Int] = []
        var total = 0
        for instant in instants {
            before.append(total)
            total += counts[instant, default: 0]
        }
        self.left = left
        self.right = right
        self.instants = instants
        slotsBefore = before + [total]
        start = instants.first ?? clockEnd
        end = max(clockEnd, instants.last ?? clockEnd)
        let width = right - left
        // Slots take at most 40% of the width when the clock moved, all of it when it did not.
        slotWidth = total == 0 ? 0 : (end > start ? min(13, width * 0.4 / Double(total)) : min(44, width / Double(total)))
        timeWidth = width - slotWidth * Double(total)
    }

    /// Where an instant begins (before its slots).
    func x(_ at: Instant) -> Double {
        // The slots of instants strictly before `at`.
        var low = 0, high = instants.count
        while low < high {
            let mid = (low + high) / 2
            if instants[mid] < at { low = mid + 1 } else { high = mid }
        }
        let span = Double(end.minutes - start.minutes)
        let time = span > 0 ? Double(at.minutes - start.minutes) / span * timeWidth : 0
        return left + slotWidth * Double(slotsBefore[low]) + time
    }

    /// Every instant that has entries (for minor ticks).
    var entryInstants: [Instant] { instants }

    /// The middle of an entry's slot.
    func x(_ at: Instant, slot: Int) -> Double { x(at) + (Double(slot) + 0.5) * slotWidth }

    /// Date ticks: the start, then round instants (hours, days, months or years, whichever
    /// gives at most eight), dropping any whose label would touch the one before.
    func ticks() -> [(at: Instant, label: String)] {
        let span = end.minutes - start.minutes
        var candidates: [Instant] = [start]
        if span > 0 {
            let day: Int64 = 1_440
            if span < 2 * day {
                let steps: [Int64] = [60, 180, 360, 720]
                let step = steps.first(where: { span / $0 <= 8 }) ?? 720
                var t = (start.minutes / step + 1) * step
                while t <= end.minutes { candidates.append(Instant(minutes: t)); t += step }
            } else if span < 60 * day {
                let steps: [Int64] = [1, 2, 7, 14].map { $0 * day }
                let step = steps.first(where: { span / $0 <= 8 }) ?? 14 * day
                var t = (start.minutes / step + 1) * step
                while t <= end.minutes { candidates.append(Instant(minutes: t)); t += step }
            } else {
                let months = Int(span / (30 * day))
                let steps = [1, 2, 3, 6, 12, 24, 60, 120, 600, 1200]
                let step = steps.first(where: { months / $0 <= 8 }) ?? 1200
                var date = start.date
                var month = (date.year * 12 + date.month - 1) / step * step + step
                while true {
                    date = CivilDate(year: month / 12, month: month % 12 + 1, day: 1)
                    let t = Instant(civil: date)
                    guard t <= end, date.year <= 9999 else { break }
                    candidates.append(t)
                    month += step
                }
            }
        }
        var ticks: [(at: Instant, label: String)] = []
        var lastRight = -Double.infinity
        for t in candidates {
            let label = t.minutes % 1_440 == 0 ? "\(t.date)" : "\(t)"
            let half = Double(label.count) * 3.3
            let tx = x(t)
            guard tx - half >= lastRight + 8 else { continue }
            ticks.append((t, label))
            lastRight = tx + half
        }
        return ticks
    }
}

/// The money axis: from zero to a round top with four or five ticks.
struct MoneyAxis {
    let topFen: Int64
    let stepFen: Int64

    init(maxFen: Int64) {
        // A little headroom, so the highest line does not run along the frame.
        let target = max(maxFen + maxFen / 20, 10_000)
        // Balances stay below 2^52 fen (the ledger's limit), so these products fit.
        var unit: Int64 = 100
        var chosen: Int64? = nil
        while chosen == nil {
            chosen = [Int64(1), 2, 5].map { unit * $0 }.first { target <= $0 * 5 }
            unit *= 10
        }
        let chosenFen = chosen ?? 100
        stepFen = chosenFen
        topFen = chosenFen * max(1, (target + chosenFen - 1) / chosenFen)
    }

    var ticks: [Int64] { (0...Int(topFen / stepFen)).map { Int64($0) * stepFen } }

    /// Whole yuan, grouped: `1,500`.
    static func label(_ fen: Int64) -> String {
        let text = "\(Money(fen: fen))"
        let number = text.hasPrefix("CNY ") ? String(text.dropFirst(4)) : text
        return number.hasSuffix(".00") ? String(number.dropLast(3)) : number
    }
}
