public struct TopUpReceipt: Sendable {
    public let card: CardID
    public let amount: Money
    public let fee: Money
    /// True when this top-up opened a new validity period.
    public let opened: Bool
    public let expiresAt: Instant
    public let balance: Money
}

extension World {
    /// Tops up the TourPass. The checks are `TopUpRules.list`, in order; the first failure
    /// is the answer and nothing moves.
    public mutating func topUp(user id: UserID, amount: Money, card selector: String? = nil) throws(WalletError) -> TopUpReceipt {
        try ensureSignedUp(id)
        let input = TopUpInput(user: id, amount: amount, card: selector)
        try TopUpRules.list.check(self, input)
        // The rules found the card.
        guard let card = topUpCardChecked(input) else { throw WalletError(.cardNone, "no international bank card is linked: add a card first") }
        let opening = users[id.index].pass.state == .none
        let fee = amount.percentage(basisPoints: policy.topupFeeBasisPoints)
        try ensureRoom(for: amount.fen + fee.fen, touching: .card(card), .pass(id), .fees)

        if opening {
            users[id.index].pass.state = .active
            users[id.index].pass.period += 1
            users[id.index].pass.periodTopupFen = 0
            users[id.index].pass.periodTopupCount = 0
            users[id.index].pass.fundingCards = []
            // Past the clock's last minute the pass ends there, as locks do: never a wrapped year.
            let end = now.adding(policy.passValidity) ?? Instant.latest
            users[id.index].pass.expiresAt = end
            schedule.schedule(.passExpiry(id, period: users[id.index].pass.period), at: end)
        }
        post(amount.fen, from: .card(card), to: .pass(id), kind: .topup)
        if fee.fen > 0 { post(fee.fen, from: .card(card), to: .fees, kind: .fee) }
        users[id.index].pass.periodTopupFen += amount.fen
        users[id.index].pass.periodTopupCount += 1
        users[id.index].pass.periodLimitFen = policy.topupTotal.fen
        // Usually the same card tops up again: then the order is already right.
        if users[id.index].pass.fundingCards.last != card {
            users[id.index].pass.fundingCards.removeAll { $0 == card }
            users[id.index].pass.fundingCards.append(card)
        }
        // Fields read in place: a copy of the pass retained and released its card list.
        return TopUpReceipt(card: card, amount: amount, fee: fee, opened: opening,
                            expiresAt: users[id.index].pass.expiresAt ?? now, balance: Money(fen: users[id.index].pass.balanceFen))
    }

    /// An expired pass starts again: its next top-up opens a new period.
    public mutating func reactivate(user id: UserID) throws(WalletError) {
        try ensureSignedUp(id)
        try ReactivateRules.list.check(self, ReactivateInput(user: id))
        users[id.index].pass.state = .none
        users[id.index].pass.expiresAt = nil
    }

    /// Sends money back to the cards that funded the pass, newest top-up's card first, none
    /// beyond what it paid in. Returns what each card received.
    mutating func refundToCards(_ amountFen: Int64, from source: Account, user id: UserID, kind: PostingKind) -> [CardRefund] {
        var left = amountFen
        var refunds: [CardRefund] = []
        let order = users[id.index].pass.fundingCards.reversed() + users[id.index].cards
        var seen: Set<CardID> = []
        for card in order where left > 0 && seen.insert(card).inserted {
            let share = min(left, cards[card.index].refundRoomFen)
            guard share > 0 else { continue }
            post(share, from: source, to: .card(card), kind: kind)
            refunds.append(CardRefund(card: card, amount: Money(fen: share)))
            left -= share
        }
        return refunds
    }
}

public struct CardRefund: Sendable, Equatable {
    public let card: CardID
    public let amount: Money
}
