import WalletCore

/// `advance DURATION` / `advance to:DATE [HH:MM]`: move the simulated clock.
struct AdvanceCommand: Command {
    let target: AdvanceTarget

    static let spec = CommandSpec(
        rank: 130, name: "advance", aliases: ["wait"], usage: "advance DURATION | advance to:DATE",
        summary: "move the simulated clock, firing every event due on the way",
        examples: ["advance 1d12h", "advance to:2026-04-01", "advance to:\"2026-04-01 09:30\"", "advance 91d"],
        options: [OptionSpec("to")], positionalValues: ["1d", "90d", "91d", "1h", "30m", "2w"])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> AdvanceCommand {
        // `advance to:2026-04-01 09:30` works unquoted too: the time is the next word.
        if let to = try r.instant(option: "to") { return AdvanceCommand(target: .to(to)) }
        return AdvanceCommand(target: .by(try r.duration(r.positional("a DURATION (91d, 12h, 30m, 2w, 1d12h) or `to:DATE`"))))
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let fired = switch target {
        case .by(let span): try session.world.advance(by: span)
        case .to(let instant): try session.world.advance(to: instant)
        }
        // Most advances fire nothing: one value, no arrays.
        guard !fired.isEmpty else { return .one(Now(instant: session.world.now)) }
        var values: [any OutputValue] = []
        values.reserveCapacity(fired.count + 1)
        for event in fired { values.append(Event(event, in: session.world)) }
        values.append(Now(instant: session.world.now))
        return .many(values)
    }

    /// An event the clock fired, with the names it needs resolved now; its text is made only
    /// when someone reads it (a scenario step without recorded output never does).
    struct Event: OutputValue {
        let at: Instant
        /// What fired (the explorer looks for events by kind).
        let kind: FiredEvent.Kind
        /// The user's name as it was when the event fired.
        let name: String
        /// The cards an expired pass refunded, in `kind`'s order.
        let cards: [CardLabel]

        /// `world` borrowed: taken as an initialiser's argument is owned, and it was copied
        /// (every array and name of the world retained, then released) for each event.
        init(_ fired: FiredEvent, in world: borrowing World) {
            at = fired.at
            kind = fired.kind
            // Fields read in place: `world[id]` copied the whole user.
            switch fired.kind {
            case .passExpired(let id, let refunds, _):
                name = world.users[id.index].name
                var labels: [CardLabel] = []
                labels.reserveCapacity(refunds.count)
                for refund in refunds { labels.append(CardLabel(refund.card, of: world.cards)) }
                cards = labels
            case .paymentUnlocked(let id), .signupUnlocked(let id), .passportLapsed(let id):
                name = world.users[id.index].name
                cards = []
            }
        }

        var text: String {
            switch kind {
            case .passExpired(_, let refunds, let left):
                var text = "\(at)  TourPass of \(name) expired"
                text += refunds.isEmpty ? "; nothing to refund"
                    : "; refunded " + zip(refunds, cards).map { "\($0.amount) to \($1)" }.joined(separator: ", ")
                if left.fen > 0 { text += "; \(left) could not be refunded" }
                return text
            case .paymentUnlocked: return "\(at)  payments unlocked for \(name)"
            case .signupUnlocked: return "\(at)  sign-up unlocked for \(name)"
            case .passportLapsed: return "\(at)  passport of \(name) expired: verification lapsed"
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

extension AdvanceCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "advance",
        effects: [Effect(writes: [.clock], reads: []),
                  Effect(writes: [.passPeriod], reads: [.passPeriod, .clock]),
                  Effect(writes: [.passBalance], reads: [.passPeriod, .passBalance, .clock]),
                  Effect(writes: [.cardMoney], reads: [.passPeriod, .passBalance, .cards, .cardMoney, .clock]),
                  Effect(writes: [.password], reads: [.password, .clock]),
                  Effect(writes: [.registration], reads: [.registration, .clock]),
                  Effect(writes: [.verification], reads: [.verification, .clock])],
        answers: [.clockOutOfRange],
        offer: { c, moves in
            let world = c.world
            let now = world.now
            var moments: [Instant] = world.liveEvents.map(\.due)
            if let (id, user) = c.active {
                if let soonest = user.cards.map({ world.firstInvalidInstant(of: $0) }).filter({ $0 > now }).min() {
                    moments.append(soonest)
                }
                if user.version == .domestic, world.paidToday(user: id).fen > 0 {
                    moments.append(Instant(minutes: (now.dayIndex + 1) * 1_440))
                }
            }
            let sorted = Set(moments.filter { $0 > now }).sorted()
            if let first = sorted.first, first.minutes - 1 > now.minutes {
                moves.append("advance " + MoveText.duration(from: now, to: Instant(minutes: first.minutes - 1)))
            }
            for moment in sorted.prefix(3) { moves.append("advance " + MoveText.duration(from: now, to: moment)) }
            if c.user?.cards.isEmpty ?? true { moves.append("advance to:2025-12-31") }
        })
}
