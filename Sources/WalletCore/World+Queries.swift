/// Totals that assertions and queries read. All derived from the ledger's cached balances.
extension World {
    public func charged(user id: UserID, card: CardID? = nil) -> Money {
        Money(fen: cardsOf(id, card).reduce(0) { $0 + cards[$1.index].chargedFen })
    }

    public func refunded(user id: UserID, card: CardID? = nil) -> Money {
        Money(fen: cardsOf(id, card).reduce(0) { $0 + cards[$1.index].refundedFen })
    }

    /// Fees are the part of a card's charges that can never come back.
    public func fees(user id: UserID) -> Money {
        Money(fen: cardsOf(id, nil).reduce(0) { $0 + cards[$1.index].chargedFen - cards[$1.index].refundableInFen })
    }

    /// The TourPass balance; for a domestic user, the wallet balance.
    public func balance(user id: UserID) -> Money {
        let user = users[id.index]
        return Money(fen: user.version == .international ? user.pass.balanceFen : user.walletFen)
    }

    /// The kept postings touching the user's pass, wallet or cards, oldest first.
    public func statement(user id: UserID) -> [Posting] {
        users[id.index].journal.recent.entries.compactMap { entry in
            if case .posting(let index) = entry { return ledger.postings[index] }
            return nil
        }
    }

    /// The TourPass state a user sees: `active` only while it can be used.
    public func passState(user id: UserID) -> PassState { users[id.index].pass.state }

    private func cardsOf(_ id: UserID, _ card: CardID?) -> [CardID] {
        card.map { [$0] } ?? users[id.index].cards
    }
}
