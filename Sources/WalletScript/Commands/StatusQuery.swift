import WalletCore

/// `status`: the current user's sign-up, verification, cards and TourPass.
struct StatusQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 150, name: "status", usage: "status", summary: "the current user's sign-up, verification, cards and TourPass state",
                                  examples: ["status"], exampleSetup: ["user alice"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> StatusQuery { StatusQuery() }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let i = try session.requireUser().index
        // The passport field by field: copying the optional `Passport` went through its
        // generic value witness (about 170 instructions a status; docs/BENCHMARKS.md, round 9).
        var passport: PassportFields? = nil
        if let number = session.world.users[i].passport?.number, let expires = session.world.users[i].passport?.expires,
           let nationality = session.world.users[i].passport?.nationality, let holderName = session.world.users[i].passport?.holderName {
            passport = PassportFields(number: number, expires: expires, nationality: nationality, holderName: holderName,
                                      born: session.world.users[i].passport?.born)
        }
        // Each field read in place: `session.world[id]` copied the whole user (its strings,
        // cards, payments and journal retained and released).
        return .one(Snapshot(
            name: session.world.users[i].name, phone: session.world.users[i].phone, version: session.world.users[i].version,
            nationality: session.world.users[i].nationality, signedUp: session.world.users[i].signedUp,
            signupLockedUntil: session.world.users[i].signupLockedUntil, passport: passport,
            lapsed: session.world.users[i].lapsed,
            cards: CardLabels(session.world.users[i].cards, of: session.world.cards), pass: PassSummary(session.world.users[i].pass),
            periodTopups: session.world.users[i].pass.periodTopupCount, periodTopupFen: session.world.users[i].pass.periodTopupFen,
            topupTotal: session.world.policy.topupTotal, walletFen: session.world.users[i].walletFen,
            payLockedUntil: session.world.users[i].payLockedUntil, now: session.world.now))
    }

    struct Snapshot: OutputValue {
        let name: String
        let phone: Phone
        let version: AppVersion
        let nationality: String
        let signedUp: Bool
        let signupLockedUntil: Instant?
        let passport: PassportFields?
        let lapsed: Bool
        /// Held inline: an array here was an allocation and a free every `status`.
        let cards: CardLabels
        let pass: PassSummary
        let periodTopups: Int
        let periodTopupFen: Int64
        let topupTotal: Money
        let walletFen: Int64
        let payLockedUntil: Instant?
        let now: Instant

        var lines: [OutputLine] { text.map { OutputLine(.info, $0) } }

        var text: [String] {
            var lines = ["\(name)  \(phone)  \(version.label) version  nationality \(nationality)"]
            if !signedUp { lines.append("sign-up: waiting for the SMS code") }
            if let until = signupLockedUntil, now < until { lines.append("sign-up: locked until \(until)") }
            if let passport {
                let born = passport.born.map { ", born \($0)" } ?? ""
                lines.append("verified: \(lapsed ? "no, lapsed" : "yes") (passport \(passport.number), \(passport.nationality), expires \(passport.expires), \(passport.holderName)\(born))")
            } else {
                lines.append("verified: no")
            }
            lines.append("cards: " + (cards.isEmpty ? "none" : cards.all.map(\.description).joined(separator: ", ")))
            if version == .international {
                var line = "TourPass: \(pass.summary), balance \(pass.balance)"
                if pass.state == .active {
                    line += ", \(periodTopups) top-up\(periodTopups == 1 ? "" : "s") this period, \(Money(fen: periodTopupFen)) of \(topupTotal)"
                }
                lines.append(line)
            } else {
                lines.append("wallet: \(Money(fen: walletFen))")
            }
            if version == .international && walletFen != 0 {
                lines.append("wallet: \(Money(fen: walletFen)) (withdraws only to a Chinese bank account)")
            }
            if let until = payLockedUntil, now < until { lines.append("payments: locked until \(until)") }
            return lines
        }
    }
}

/// What `status` shows of a passport (`Passport`'s fields, copied one by one).
struct PassportFields: Sendable {
    let number: String
    let expires: CivilDate
    let nationality: String
    let holderName: String
    let born: CivilDate?
}

/// A user's card labels, the first four held inline (a user of a long run has one or two),
/// any more in an array: `status` made an array (an allocation and a free) every time.
struct CardLabels: Sendable {
    private var inline: (CardLabel, CardLabel, CardLabel, CardLabel)
    private let count: Int
    private var more: [CardLabel] = []

    /// `cards` is the world's list (passing the world copied it: 64 instructions a line).
    init(_ ids: [CardID], of cards: [Card]) {
        inline = (.unused, .unused, .unused, .unused)
        count = ids.count
        for (index, id) in ids.enumerated() {
            let label = CardLabel(id, of: cards)
            switch index {
            case 0: inline.0 = label
            case 1: inline.1 = label
            case 2: inline.2 = label
            case 3: inline.3 = label
            default: more.append(label)
            }
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The labels in the user's order.
    var all: [CardLabel] { Array([inline.0, inline.1, inline.2, inline.3].prefix(count)) + more }
}
