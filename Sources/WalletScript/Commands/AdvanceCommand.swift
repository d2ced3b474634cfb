import WalletCore

/// `advance DURATION` / `advance to:DATE [HH:MM]`: move the simulated clock.
struct AdvanceCommand: Command {
    let target: AdvanceTarget

    static let spec = CommandSpec(
        name: "advance", aliases: ["wait"], usage: "advance DURATION | advance to:DATE",
        summary: "move the simulated clock, firing every event due on the way",
        examples: ["advance 91d", "advance 1d12h", "advance to:2026-04-01", "advance to:\"2026-04-01 09:30\""],
        options: [OptionSpec("to")], positionalValues: ["1d", "90d", "91d", "1h", "30m", "2w"],
        parse: { (r) throws(Diagnostic) in
            if let to = try r.option("to") {
                // `advance to:2026-04-01 09:30` works unquoted too: the time is the next word.
                if !to.text.contains(" "), let time = r.optionalPositional() {
                    let combined = Token(key: "to", text: to.textString + " " + time.textString, offset: to.offset, valueOffset: to.valueOffset)
                    return AdvanceCommand(target: .to(try r.instant(combined)))
                }
                return AdvanceCommand(target: .to(try r.instant(to)))
            }
            return AdvanceCommand(target: .by(try r.duration(r.positional("a DURATION (91d, 12h, 30m, 2w, 1d12h) or to:DATE"))))
        })

    func run(in session: inout Session) throws(WalletError) -> [any OutputValue] {
        let fired = switch target {
        case .by(let span): try session.world.advance(by: span)
        case .to(let instant): try session.world.advance(to: instant)
        }
        let world = session.world
        return fired.map { Event($0, in: world) } + [Now(instant: world.now)]
    }

    /// An event the clock fired, with the names it needs resolved now.
    struct Event: OutputValue {
        let text: String
        /// What fired (the explorer looks for events by kind).
        let kind: FiredEvent.Kind

        init(_ fired: FiredEvent, in world: World) {
            kind = fired.kind
            switch fired.kind {
            case .passExpired(let id, let refunds, let left):
                var text = "\(fired.at)  TourPass of \(world[id].name) expired"
                text += refunds.isEmpty ? "; nothing to refund"
                    : "; refunded " + refunds.map { "\($0.amount) to \(CardLabel(world[$0.card]))" }.joined(separator: ", ")
                if left.fen > 0 { text += "; \(left) could not be refunded" }
                self.text = text
            case .paymentUnlocked(let id): text = "\(fired.at)  payments unlocked for \(world[id].name)"
            case .signupUnlocked(let id): text = "\(fired.at)  sign-up unlocked for \(world[id].name)"
            case .passportLapsed(let id): text = "\(fired.at)  passport of \(world[id].name) expired: verification lapsed"
            }
        }

        var lines: [OutputLine] { [OutputLine(.event, text)] }
    }

    struct Now: InfoLine {
        let instant: Instant
        var text: String { "now \(instant)" }
    }
}

public enum AdvanceTarget: Sendable, Equatable {
    case by(SimDuration)
    case to(Instant)
}
