/// What a top-up is asked: who, how much, with which card.
public struct TopUpInput: Sendable {
    public let user: UserID
    public let amount: Money
    public let card: String?
}

extension World {
    /// The pass's count and total of the current period (none when a top-up would open one).
    fileprivate func periodSoFar(_ id: UserID) -> (count: Int, fen: Int64) {
        let pass = users[id.index].pass
        return pass.state == .none ? (0, 0) : (pass.periodTopupCount, pass.periodTopupFen)
    }

    /// The card a top-up charges: the one `card:` names, else the earliest-linked.
    func topUpCardChecked(_ input: TopUpInput) -> CardID? { topUpCard(input) }

    fileprivate func topUpCard(_ input: TopUpInput) -> CardID? {
        guard let selector = input.card else { return users[input.user.index].cards.first }
        do throws(WalletError) { return try selectCard(of: input.user, selector) } catch { return nil }
    }
}

/// RULES.md, top-up, in order (the settled check order).
public enum TopUpRules {
    public static let list = RuleList<TopUpInput>("topup", [
        Rule("topup.version", .tourpassDomesticUser, "TourPass is part of the international version",
             holds: { w, i in w.users[i.user.index].version == .international },
             failure: { w, i in "TourPass is part of the international version; \(w.users[i.user.index].name) uses the domestic version" },
             looked: { w, i in "\(w.users[i.user.index].name) uses the \(w.users[i.user.index].version.label) version" },
             remedy: { _, _ in "a user registered with a non-+86 phone (or `version:intl`)" }),
        Rule("topup.verified", .tourpassNotVerified, "the user has been real-name verified",
             holds: { w, i in w.users[i.user.index].everVerified },
             failure: { _, _ in "TourPass needs real-name verification first (`verify`)" },
             looked: { w, i in w.users[i.user.index].everVerified ? "verified" : "never verified" },
             remedy: { _, _ in "`verify` first" },
             missing: { w, i in w.domesticHasNoPass(i.user) }),
        Rule("topup.lapsed", .verifyLapsed, "the verification has not lapsed (the passport has not expired)",
             holds: { w, i in !w.users[i.user.index].lapsed },
             failure: { w, i in w.lapsedMessage(i.user) },
             looked: { w, i in w.passportLooked(i.user) },
             remedy: { _, _ in "`verify` with a renewed passport (`verify expires:DATE`)" },
             missing: { w, i in w.domesticHasNoPass(i.user) }),
        Rule("topup.card_linked", .cardNone, "an international card is linked",
             holds: { w, i in !w.users[i.user.index].cards.isEmpty },
             failure: { _, _ in "no international bank card is linked: add a card first" },
             looked: { w, i in w.cardsLinkedText(i.user) },
             remedy: { _, _ in "`card visa` (or another card) first" },
             missing: { w, i in w.domesticHasNoPass(i.user) }),
        Rule("topup.pass_expired", .tourpassExpired, "the TourPass has not expired",
             holds: { w, i in w.users[i.user.index].pass.state != .expired },
             failure: { w, i in "the TourPass expired\(w.users[i.user.index].pass.expiresAt.map { " on \($0)" } ?? ""); `reactivate` it first" },
             looked: { w, i in "TourPass \(w.users[i.user.index].pass.state.rawValue)" },
             remedy: { _, _ in "`reactivate`, then top up" },
             missing: { w, i in w.domesticHasNoPass(i.user) }),
        Rule("topup.min", .topupBelowMinimum, keys: ["topup.min"], "the amount is at least topup.min",
             holds: { w, i in i.amount >= w.policy.topupMin },
             failure: { w, _ in "a top-up is at least \(w.policy.topupMin)" },
             looked: { w, i in "asked \(i.amount), at least \(w.policy.topupMin) by topup.min" },
             remedy: { w, i in "a larger amount, or `policy topup.min \(i.amount.plain)`" }),
        Rule("topup.max", .topupAboveMaximum, keys: ["topup.max"], "the amount is at most topup.max",
             holds: { w, i in i.amount <= w.policy.topupMax },
             failure: { w, _ in "a top-up is at most \(w.policy.topupMax)" },
             looked: { w, i in "asked \(i.amount), at most \(w.policy.topupMax) by topup.max" },
             remedy: { w, i in "a smaller amount, or `policy topup.max \(i.amount.plain)`" }),
        Rule("topup.count", .topupCountLimit, keys: ["topup.count"], "the period's top-ups stay within topup.count",
             holds: { w, i in w.policy.topupCount.map { w.periodSoFar(i.user).count < $0 } ?? true },
             failure: { w, _ in "the TourPass takes at most \(TopUpRules.topUps(w.policy.topupCount ?? 0)) in one period" },
             looked: { w, i in
                 let cap = w.policy.topupCount.map { "at most \($0) by topup.count" } ?? "no cap (topup.count none)"
                 return "\(TopUpRules.topUps(w.periodSoFar(i.user).count)) this period, \(cap)" },
             remedy: { w, i in w.newPeriodRemedy(i.user) + ", or `policy topup.count none`" },
             missing: { w, i in w.noPeriod(i.user) }),
        Rule("topup.total", .topupCumulativeLimit, keys: ["topup.total"], "the period's top-ups stay within topup.total",
             holds: { w, i in w.periodSoFar(i.user).fen + i.amount.fen <= w.policy.topupTotal.fen },
             failure: { w, i in
                 let room = Money(fen: max(0, w.policy.topupTotal.fen - w.periodSoFar(i.user).fen))
                 return "top-ups in one period are capped at \(w.policy.topupTotal); \(room) left" },
             looked: { w, i in "\(Money(fen: w.periodSoFar(i.user).fen)) topped up this period + \(i.amount) asked, at most \(w.policy.topupTotal) by topup.total" },
             remedy: { w, i in
                 let room = Money(fen: max(0, w.policy.topupTotal.fen - w.periodSoFar(i.user).fen))
                 let raise = "`policy topup.total \(Money(fen: w.periodSoFar(i.user).fen + i.amount.fen).plain)`"
                 // Less room than topup.min: no amount fits this period.
                 guard room >= w.policy.topupMin, room.fen > 0 else { return "the period is full: " + w.newPeriodRemedy(i.user) + ", or " + raise }
                 return "at most \(room), or " + raise },
             missing: { w, i in w.noPeriod(i.user) }),
        Rule("topup.card_found", .cardNotFound, "the card named by `card:` is linked",
             holds: { w, i in w.topUpCard(i) != nil },
             failure: { w, i in w.cardNotFoundMessage(i.user, i.card ?? "") },
             looked: { w, i in
                 guard let selector = i.card else {
                     return "no `card:` given; the top-up uses the earliest-linked card" + (w.topUpCard(i).map { ", \(w.cards[$0.index].masked)" } ?? "") }
                 return "card:\(World.shownSelector(selector)) among \(w.users[i.user.index].cards.map { w.cards[$0.index].masked }.joined(separator: ", "))" },
             remedy: { _, _ in "a `card:` the user has linked (`cards` lists them)" },
             missing: { w, i in w.domesticHasNoPass(i.user) ?? (w.users[i.user.index].cards.isEmpty ? "no card linked" : nil) }),
        Rule("topup.card_expiry", .cardExpired, "the card has not expired",
             holds: { w, i in w.topUpCard(i).map { !w.cards[$0.index].expiry.hasExpired(at: w.now) } ?? true },
             failure: { w, i in w.topUpCard(i).map { "\(w.cards[$0.index].masked) expired at the end of \(w.cards[$0.index].expiry)" } ?? "" },
             looked: { w, i in w.topUpCard(i).map { "\(w.cards[$0.index].masked) expires \(w.cards[$0.index].expiry); now \(w.now)" } ?? "" },
             remedy: { w, i in w.otherCardRemedy(i) },
             missing: { w, i in w.noTopUpCard(i) }),
        Rule("topup.issuer", .topupCardDeclined, "the card issuer accepts the charge",
             holds: { w, i in w.topUpCard(i).map { !w.cards[$0.index].declinesCharges } ?? true },
             failure: { w, i in w.topUpCard(i).map { "\(w.cards[$0.index].masked): the card issuer declined the charge (fund loading failed)" } ?? "" },
             looked: { w, i in w.topUpCard(i).map { w.cards[$0.index].declinesCharges ? "\(w.cards[$0.index].masked) declines every charge" : "\(w.cards[$0.index].masked) accepts charges" } ?? "" },
             remedy: { w, i in w.otherCardRemedy(i) },
             missing: { w, i in w.noTopUpCard(i) }),
    ])
}

extension TopUpRules {
    /// `1 top-up`, `2 top-ups`.
    static func topUps(_ count: Int) -> String { count == 1 ? "1 top-up" : "\(count) top-ups" }
}

extension World {
    /// "no card linked", "1 card linked", "3 cards linked": what a card rule looked at.
    func cardsLinkedText(_ id: UserID) -> String {
        switch users[id.index].cards.count {
        case 0: "no card linked"
        case 1: "1 card linked"
        case let count: "\(count) cards linked"
        }
    }

    /// Why a top-up rule not reached cannot be judged for this user: a domestic-version user
    /// has no TourPass, so their verification, cards and pass say nothing about one.
    fileprivate func domesticHasNoPass(_ id: UserID) -> String? {
        users[id.index].version == .international ? nil : "\(users[id.index].name) uses the domestic version (no TourPass)"
    }

    /// An expired pass's period counts no more: `reactivate` starts a new one.
    fileprivate func noPeriod(_ id: UserID) -> String? {
        domesticHasNoPass(id) ?? (users[id.index].pass.state == .expired ? "the TourPass expired (`reactivate` starts a new period)" : nil)
    }

    fileprivate func noTopUpCard(_ input: TopUpInput) -> String? {
        if let domestic = domesticHasNoPass(input.user) { return domestic }
        guard topUpCard(input) == nil else { return nil }
        guard let selector = input.card, !users[input.user.index].cards.isEmpty else { return "no card linked" }
        return "no linked card matching \(World.shownSelector(selector))"
    }

    /// A new period starts only by reactivating after the pass expires.
    fileprivate func newPeriodRemedy(_ id: UserID) -> String {
        let end = users[id.index].pass.expiresAt.map { "`advance to:\($0)`" } ?? "`advance` past its expiry"
        return "wait for the period to end (\(end)), then `reactivate` to start a new one"
    }

    /// Another card that would take the charge, typed out: a linked one by its last four,
    /// else a brand the user has not linked yet.
    fileprivate func otherCardRemedy(_ input: TopUpInput) -> String {
        let used = topUpCard(input)
        let owned = users[input.user.index].cards
        if let other = owned.first(where: { $0 != used && !cards[$0.index].declinesCharges && !cards[$0.index].expiry.hasExpired(at: now) }) {
            return "another linked card: `topup \(input.amount.plain) card:\(cards[other.index].last4)` (\(cards[other.index].masked))"
        }
        let linked = Set(owned.map { cards[$0.index].brand })
        let accepted = users[input.user.index].version == .international ? policy.internationalBrands : policy.domesticBrands
        let brand = accepted.first { !linked.contains($0) } ?? .visa
        return "link another card: `card \(brand.rawValue)`, then `topup \(input.amount.plain) card:\(brand.rawValue)`"
    }

    func lapsedMessage(_ id: UserID) -> String {
        let user = users[id.index]
        return "the passport of \(user.name) expired on \(user.passport.map { "\($0.expires)" } ?? "?"): verification lapsed; `verify` with a renewed passport"
    }

    /// A never-verified user has no passport, so nothing can lapse: say that, not "no passport",
    /// which beside "would pass" reads as if a missing passport were fine.
    func passportLooked(_ id: UserID) -> String {
        let user = users[id.index]
        guard let passport = user.passport else { return "never verified, so nothing to lapse" }
        return "passport expires \(passport.expires); today \(now.date)" + (user.lapsed ? ": lapsed" : "")
    }

    func cardNotFoundMessage(_ id: UserID, _ selector: String) -> String {
        "\(users[id.index].name) has no linked card matching \(World.shownSelector(selector))"
    }

    /// A full number typed as a selector is shown masked like any card.
    static func shownSelector(_ selector: String) -> String {
        selector.count > 4 && selector.allSatisfy(\.isASCIIDigit) ? "••" + selector.suffix(4) : selector
    }
}
