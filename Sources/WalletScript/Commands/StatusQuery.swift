import WalletCore

/// `status`: the current user's sign-up, verification, cards and TourPass.
struct StatusQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 150, name: "status", usage: "status", summary: "the current user's sign-up, verification, cards and TourPass state",
                                  examples: ["status"], exampleSetup: ["user alice"], parse: { (_) throws(Diagnostic) in StatusQuery() })

    func run(in session: inout Session) throws(WalletError) -> Output {
        let user = session.world[try session.requireUser()]
        return .one(Snapshot(
            name: user.name, phone: user.phone, version: user.version, nationality: user.nationality,
            signedUp: user.signedUp, signupLockedUntil: user.signupLockedUntil, passport: user.passport, lapsed: user.lapsed,
            cards: user.cards.map { CardLabel(session.world[$0]) }, pass: PassSummary(user.pass),
            periodTopups: user.pass.periodTopupCount, periodTopupFen: user.pass.periodTopupFen,
            topupTotal: session.world.policy.topupTotal, walletFen: user.walletFen,
            payLockedUntil: user.payLockedUntil, now: session.world.now))
    }

    struct Snapshot: OutputValue {
        let name: String
        let phone: Phone
        let version: AppVersion
        let nationality: String
        let signedUp: Bool
        let signupLockedUntil: Instant?
        let passport: Passport?
        let lapsed: Bool
        let cards: [CardLabel]
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
            lines.append("cards: " + (cards.isEmpty ? "none" : cards.map(\.description).joined(separator: ", ")))
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
