import WalletCore

/// `topup AMOUNT [card:…]`: top up the TourPass.
struct TopUpCommand: Command {
    let amount: Money
    let card: String?

    static let spec = CommandSpec(
        rank: 70, name: "topup", aliases: ["top-up"], usage: "topup AMOUNT [card:BRAND|LAST4]",
        summary: "top up the TourPass from a linked card (opens it on first use); a fee on top",
        policySummary: { policy in
            "top up the TourPass from a linked card (the first top-up opens it for \(policy.value(of: "pass.days") ?? "?") days, pass.days); "
                + "a \(policy.value(of: "topup.fee") ?? "?") fee (topup.fee) on top" },
        examples: ["topup 500", "topup 2000 card:mastercard", "topup 100 card:1111"], exampleSetup: ["user alice", "verify", "card visa", "card mastercard"],
        options: [OptionSpec("card", dynamic: .cards)])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> TopUpCommand {
        let amount = try r.amount(r.positional("an AMOUNT"))
        // Not `.map { r.text($0) }`: a closure capturing the reader copies it.
        var card: String? = nil
        if let typed = try r.option("card") { card = r.text(typed) }
        return TopUpCommand(amount: amount, card: card)
    }

    var isAttempt: Bool { true }
    var statementText: String? { TopUpCommand.statementText(amount, card) }
    var attemptCommand: AttemptCommand { card == nil ? .topup(amount) : .whole }

    func namedCard(user id: UserID, world: World) -> CardID? { TopUpCommand.namedCard(card, user: id, world: world) }

    static func statementText(_ amount: Money, _ card: String?) -> String {
        "topup \(Attempt.typed(amount))" + (card.map { " card:\(Attempt.masked($0))" } ?? "")
    }

    static func namedCard(_ card: String?, user id: UserID, world: World) -> CardID? {
        guard let card else { return nil }
        do throws(WalletError) { return try world.selectCard(of: id, card) } catch { return nil }
    }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        return TopUpRules.list.explanation(session.world, TopUpInput(user: id, amount: amount, cardSelector: card), failedRule: failedRule)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        let receipt = try session.world.topUp(user: id, amount: amount, card: card)
        return .inline(.toppedUp(ToppedUp(receipt: receipt, card: CardLabel(receipt.card, in: session.world), fxUSDPer10k: session.world.policy.fxUSDPer10k)))
    }

    struct ToppedUp: OutputValue {
        let receipt: TopUpReceipt
        let card: CardLabel
        let fxUSDPer10k: Int64
        var lines: [OutputLine] {
            let charged = Money(fen: receipt.amount.fen + receipt.fee.fen)
            var lines = [OutputLine(.info, "topped up \(receipt.amount) from \(card): charged \(charged) (about \(Policy.usd(charged, ratePer10k: fxUSDPer10k))) including a \(receipt.fee) fee")]
            if receipt.opened { lines.append(OutputLine(.info, "TourPass opened, valid until \(receipt.expiresAt)")) }
            lines.append(OutputLine(.info, "TourPass balance \(receipt.balance)"))
            return lines
        }
    }
}

extension TopUpCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "topup",
        effects: [Effect(writes: [.passPeriod, .passBalance, .cardMoney], reads: [.registration, .verification, .cards, .passPeriod, .clock])],
        answers: MoveSource.signUpNeeded.union([.tourpassDomesticUser, .tourpassNotVerified, .verifyLapsed, .cardNone, .tourpassExpired, .topupBelowMinimum,
                                     .topupAboveMaximum, .topupCountLimit, .topupCumulativeLimit, .cardNotFound, .cardExpired,
                                     .topupCardDeclined, .moneyOverflow]),
        offer: { c, moves in
            let policy = c.world.policy
            let min = policy.topupMin.fen, max = policy.topupMax.fen
            guard let (_, user) = c.active else {
                if c.current == nil { moves.append("topup " + MoveText.amount(min)) }
                return
            }
            guard user.version == .international, user.verified, !user.cards.isEmpty, user.pass.state != .expired else {
                moves.append("topup " + MoveText.amount(min))
                return
            }
            var amounts: [Int64] = [min]
            if min > 1 { amounts.append(min - 1) }
            amounts.append(max)
            amounts.append(max + 1)
            let room = policy.topupTotal.fen - (user.pass.state == .active ? user.pass.periodTopupFen : 0)
            if room >= 1 && room < max && room != min { amounts.append(room) }
            if room >= 0 && room < max { amounts.append(room + 1) }
            var seen: Set<Int64> = []
            for amount in amounts where amount > 0 && seen.insert(amount).inserted {
                moves.append("topup " + MoveText.amount(amount))
            }
            // The other cards, and a brand the user lacks (`card.not_found`).
            for card in user.cards.dropFirst() {
                let selector = c.world.sandboxWord(of: card) ?? c.world[card].last4
                moves.append("topup \(MoveText.amount(min)) card:\(selector)")
            }
            let brands = Set(user.cards.map { c.world[$0].brand.rawValue })
            if let missing = ["visa", "mastercard", "jcb", "diners"].first(where: { !brands.contains($0) }) {
                moves.append("topup \(MoveText.amount(min)) card:\(missing)")
            }
        })
}
