import WalletCore

/// A timeline chart, in SVG, of each user's TourPass balance (solid) and wallet balance
/// (dashed, where it applies) over simulated time, with top-ups, payments, refunds,
/// transfers, expiry, locks, lapses and failed attempts marked. Every shape has a
/// `<title>`, so hovering names the entry. Numbers are rounded to tenths by integer
/// arithmetic, so the same session gives the same bytes.
///
/// Time runs left to right in proportion, except that entries at one instant are spread
/// a few pixels apart (a scenario often does everything at 00:00): each instant gets a
/// slot as wide as its busiest user's entries, the rest of the width follows the clock.
enum BalanceChart {
    static let width = 850.0
    static let plotLeft = 78.0, plotRight = 800.0
    static let plotTop = 46.0, plotBottom = 226.0
    /// Locks, unlocks and lapses sit in a strip above the plot, clear of the lines.
    static let eventStrip = 24.0
    /// The legend sits under the time axis; the chart grows by a row for each legend row.
    static let legendTop = 264.0, legendRow = 19.0
    static let palette = ["#0b6bcb", "#d1495b", "#2a9d5c", "#8e5bc5", "#e08a00", "#1b9aaa", "#6b6b6b", "#b5651d"]

    /// One plotted entry of one user.
    struct Point {
        let at: Instant
        /// The entry's place among this user's plotted entries at the same instant.
        let slot: Int
        let passFen: Int64?
        let walletFen: Int64?
        let mark: Statement.Mark?
        let title: String
    }

    struct Series {
        let name: String
        let colour: String
        let showsPass: Bool
        let showsWallet: Bool
        let openingPassFen: Int64
        let openingWalletFen: Int64
        let points: [Point]
    }

    /// The chart of a session's users, or nil when no user did anything worth a line.
    static func svg(_ session: Session, id: String) -> String? {
        let world = session.world
        var series: [Series] = []
        for account in world.users {
            guard let user = world.user(named: account.name) else { continue }
            let statement = Statement(user: user, world: world, attempts: session.attempts[user])
            var points: [Point] = []
            var slots: [Instant: Int] = [:]
            for group in statement.groups {
                for row in [group.head] + group.effects where row.mark != nil && row.mark != .fee {
                    let slot = slots[row.at, default: 0]
                    slots[row.at] = slot + 1
                    let result = row.result.map { " (\($0))" } ?? ""
                    points.append(Point(at: row.at, slot: slot, passFen: row.passFen, walletFen: row.walletFen, mark: row.mark,
                                        title: "\(row.at)  \(statement.userName): \(row.text)\(result)"))
                }
            }
            guard !points.isEmpty else { continue }
            series.append(Series(name: statement.userName, colour: palette[series.count % palette.count],
                                 showsPass: statement.showsPass, showsWallet: statement.showsWallet,
                                 openingPassFen: statement.openingPassFen, openingWalletFen: statement.openingWalletFen, points: points))
        }
        guard !series.isEmpty else { return nil }
        return draw(series, end: world.now, id: id)
    }

    // MARK: drawing

    static func draw(_ series: [Series], end: Instant, id: String) -> String {
        let axis = TimeAxis(series: series, end: end, left: plotLeft, right: plotRight)
        let maxFen = series.flatMap { s in
            [s.openingPassFen, s.openingWalletFen] + s.points.flatMap { [$0.passFen ?? 0, $0.walletFen ?? 0] }
        }.max() ?? 0
        let yAxis = MoneyAxis(maxFen: maxFen)
        func y(_ fen: Int64) -> Double { plotBottom - Double(fen) / Double(yAxis.topFen) * (plotBottom - plotTop) }

        let (legendSVG, legendRows) = legend(series)
        let height = legendTop + Double(legendRows) * legendRow
        var svg = "<svg class=\"chart\" id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"TourPass balance over simulated time\">\n"
        // Grid and money axis.
        for tick in yAxis.ticks {
            let ty = y(tick)
            svg += "<line class=\"grid\" x1=\"\(n(plotLeft))\" y1=\"\(n(ty))\" x2=\"\(n(plotRight))\" y2=\"\(n(ty))\"/>"
            svg += "<text class=\"ylab\" x=\"\(n(plotLeft - 8))\" y=\"\(n(ty + 4))\">\(MoneyAxis.label(tick))</text>\n"
        }
        svg += "<text class=\"axis-title\" x=\"\(n(plotLeft - 8))\" y=\"\(n(plotTop - 12))\">CNY</text>\n"
        // Time axis.
        svg += "<line class=\"axis\" x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\"/>\n"
        // A short tick under each instant that has entries, a long one with a date at round instants.
        for instant in axis.entryInstants {
            svg += "<line class=\"minor\" x1=\"\(n(axis.x(instant)))\" y1=\"\(n(plotBottom))\" x2=\"\(n(axis.x(instant)))\" y2=\"\(n(plotBottom + 3))\"/>"
        }
        svg += "\n"
        for tick in axis.ticks() {
            let tx = axis.x(tick.at)
            svg += "<line class=\"tick\" x1=\"\(n(tx))\" y1=\"\(n(plotBottom))\" x2=\"\(n(tx))\" y2=\"\(n(plotBottom + 5))\"/>"
            svg += "<text class=\"xlab\" x=\"\(n(tx))\" y=\"\(n(plotBottom + 19))\">\(tick.label)</text>\n"
        }
        // Bands and rules behind the lines: lock periods, expiries, lapses.
        for s in series {
            var lockStart: Double? = nil
            var lockTitle = ""
            for point in s.points {
                let px = axis.x(point.at, slot: point.slot)
                switch point.mark {
                case .lock?:
                    lockStart = px
                    lockTitle = point.title
                case .unlock?:
                    if let start = lockStart { svg += band(start, px, s.colour, lockTitle) }
                    lockStart = nil
                case .expiry?:
                    svg += "<line class=\"rule expiry\" x1=\"\(n(px))\" y1=\"\(n(plotTop))\" x2=\"\(n(px))\" y2=\"\(n(plotBottom))\"><title>\(HTML.escape(point.title))</title></line>\n"
                case .lapse?:
                    svg += "<line class=\"rule lapse\" x1=\"\(n(px))\" y1=\"\(n(plotTop))\" x2=\"\(n(px))\" y2=\"\(n(plotBottom))\"><title>\(HTML.escape(point.title))</title></line>\n"
                case .topup?, .fee?, .payment?, .refund?, .expiryRefund?, .transfer?, .failed?, nil:
                    break
                }
            }
            if let start = lockStart { svg += band(start, plotRight, s.colour, lockTitle) }
        }
        // Balance lines: a step each time money moves, held until the end of the clock.
        for s in series {
            if s.showsPass { svg += stepLine(s, pass: true, axis: axis, y: y) }
            if s.showsWallet { svg += stepLine(s, pass: false, axis: axis, y: y) }
        }
        // Marks on top.
        for s in series {
            var passFen = s.openingPassFen, walletFen = s.openingWalletFen
            for point in s.points {
                let px = axis.x(point.at, slot: point.slot)
                // A mark sits on the line its entry moved: the wallet's only when the wallet alone moved.
                let walletMoved = point.walletFen.map { $0 != walletFen } ?? false
                let passMoved = point.passFen.map { $0 != passFen } ?? false
                if let fen = point.passFen { passFen = fen }
                if let fen = point.walletFen { walletFen = fen }
                let py = y((walletMoved && !passMoved) || !s.showsPass ? walletFen : passFen)
                guard let mark = point.mark else { continue }
                svg += marker(mark, x: px, y: py, colour: s.colour, title: point.title)
            }
        }
        svg += legendSVG
        svg += "</svg>"
        return svg
    }

    static func stepLine(_ s: Series, pass: Bool, axis: TimeAxis, y: (Int64) -> Double) -> String {
        guard let first = s.points.first else { return "" }
        var fen = pass ? s.openingPassFen : s.openingWalletFen
        var x = axis.x(first.at, slot: 0) - axis.slotWidth / 2
        var path = "M\(n(x)) \(n(y(fen)))"
        for point in s.points {
            guard let next = pass ? point.passFen : point.walletFen, next != fen else { continue }
            x = axis.x(point.at, slot: point.slot)
            path += "H\(n(x))V\(n(y(next)))"
            fen = next
        }
        path += "H\(n(plotRight))"
        let title = "\(s.name): \(pass ? "TourPass" : "wallet") balance, \(Money(fen: fen)) at the end"
        return "<path class=\"line\(pass ? "" : " wallet")\" d=\"\(path)\" stroke=\"\(s.colour)\"><title>\(HTML.escape(title))</title></path>\n"
    }

    static func band(_ from: Double, _ to: Double, _ colour: String, _ title: String) -> String {
        "<rect class=\"lock\" x=\"\(n(from))\" y=\"\(n(plotTop))\" width=\"\(n(max(2, to - from)))\" height=\"\(n(plotBottom - plotTop))\" fill=\"\(colour)\"><title>\(HTML.escape(title))</title></rect>\n"
    }

    /// One marker shape per kind of entry; the colour is the user's.
    static func marker(_ mark: Statement.Mark, x: Double, y: Double, colour: String, title: String, top: Double = eventStrip) -> String {
        let t = "<title>\(HTML.escape(title))</title>"
        switch mark {
        case .topup:
            return "<path class=\"mk\" d=\"M\(n(x)) \(n(y - 7))L\(n(x + 6)) \(n(y + 4))L\(n(x - 6)) \(n(y + 4))Z\" fill=\"\(colour)\" stroke=\"#fff\">\(t)</path>\n"
        case .payment:
            return "<path class=\"mk hollow\" d=\"M\(n(x)) \(n(y + 7))L\(n(x + 6)) \(n(y - 4))L\(n(x - 6)) \(n(y - 4))Z\" fill=\"#fff\" stroke=\"\(colour)\">\(t)</path>\n"
        case .refund:
            return "<path class=\"mk\" d=\"M\(n(x)) \(n(y - 6))L\(n(x + 6)) \(n(y))L\(n(x)) \(n(y + 6))L\(n(x - 6)) \(n(y))Z\" fill=\"\(colour)\" stroke=\"#fff\">\(t)</path>\n"
        case .transfer:
            return "<circle class=\"mk\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(colour)\" stroke=\"#fff\">\(t)</circle>\n"
        case .expiry:
            return "<path class=\"mk cross\" d=\"M\(n(x - 6)) \(n(y - 6))L\(n(x + 6)) \(n(y + 6))M\(n(x + 6)) \(n(y - 6))L\(n(x - 6)) \(n(y + 6))\" fill=\"none\" stroke=\"\(colour)\">\(t)</path>\n"
        case .expiryRefund:
            return "<rect class=\"mk\" x=\"\(n(x - 4))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\" fill=\"\(colour)\" stroke=\"#fff\">\(t)</rect>\n"
        case .lock:
            return "<path class=\"mk padlock\" d=\"M\(n(x - 5)) \(n(top))h10v8h-10ZM\(n(x - 3)) \(n(top))v-3a3 3 0 0 1 6 0v3\" fill=\"#fff\" stroke=\"\(colour)\">\(t)</path>\n"
        case .unlock:
            return "<path class=\"mk padlock open\" d=\"M\(n(x - 5)) \(n(top))h10v8h-10ZM\(n(x - 3)) \(n(top))v-3a3 3 0 0 1 6 0\" fill=\"#fff\" stroke=\"\(colour)\">\(t)</path>\n"
        case .lapse:
            return "<circle class=\"mk hollow\" cx=\"\(n(x))\" cy=\"\(n(top + 4))\" r=\"4\" fill=\"#fff\" stroke=\"\(colour)\">\(t)</circle>\n"
        case .failed:
            return "<path class=\"mk failed\" d=\"M\(n(x - 3.5)) \(n(y - 3.5))L\(n(x + 3.5)) \(n(y + 3.5))M\(n(x + 3.5)) \(n(y - 3.5))L\(n(x - 3.5)) \(n(y + 3.5))\" fill=\"none\" stroke=\"#8a919c\">\(t)</path>\n"
        case .fee:
            return ""
        }
    }

    /// Users first (a swatch of each line), then the marker shapes, in rows that wrap;
    /// returns the markup and the number of rows.
    static func legend(_ series: [Series]) -> (String, Int) {
        var svg = "<g class=\"legend\">"
        var x = plotLeft
        var y = legendTop
        var rows = 1
        func place(_ itemWidth: Double) {
            if x > plotLeft && x + itemWidth > width - 16 { x = plotLeft; y += legendRow; rows += 1 }
        }
        for s in series.prefix(12) {
            let label = s.showsPass && s.showsWallet ? "\(s.name) (wallet dashed)" : s.name
            let itemWidth = 34 + Double(label.count) * 6.2
            place(itemWidth)
            svg += "<line class=\"line\(s.showsPass ? "" : " wallet")\" x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + 18))\" y2=\"\(n(y))\" stroke=\"\(s.colour)\"/>"
            svg += "<text x=\"\(n(x + 23))\" y=\"\(n(y + 4))\">\(HTML.escape(label))</text>"
            x += itemWidth
        }
        if series.count > 12 {
            place(70)
            svg += "<text x=\"\(n(x))\" y=\"\(n(y + 4))\">+\(series.count - 12) more</text>"
            x += 70
        }
        x = plotLeft; y += legendRow; rows += 1
        let kinds: [(Statement.Mark, String)] = [(.topup, "top-up"), (.payment, "payment"), (.refund, "merchant refund"),
                                                 (.transfer, "transfer"), (.expiry, "expiry"), (.expiryRefund, "expiry refund"),
                                                 (.lock, "lock"), (.unlock, "unlock"), (.lapse, "lapse"), (.failed, "failed attempt")]
        for (mark, label) in kinds {
            let itemWidth = 30 + Double(label.count) * 6.2
            place(itemWidth)
            // Locks and lapses sit at the top of the plot; in the legend, on the row.
            svg += marker(mark, x: x + 6, y: y, colour: "#5b6472", title: label, top: y - 4)
            svg += "<text x=\"\(n(x + 16))\" y=\"\(n(y + 4))\">\(label)</text>"
            x += itemWidth
        }
        return (svg + "</g>\n", rows)
    }

    /// Tenths, by integer arithmetic: `12.5`, `12`, `-3.2`.
    static func n(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let whole = tenths / 10, rest = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return rest == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(rest)"
    }
}
