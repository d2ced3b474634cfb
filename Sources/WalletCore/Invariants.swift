/// The ledger's promises, checked after every step by the tests. Returns what is broken.
extension World {
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        // Re-derive every balance from the postings and compare with the cached ones.
        var derived: [Account: Int64] = [:]
        var lastTime = Instant.start
        for posting in ledger.postings {
            if posting.amountFen <= 0 { problems.append("a posting moves \(posting.amountFen) fen") }
            if posting.at > now { problems.append("a posting at \(posting.at) is after now \(now)") }
            if posting.at < lastTime { problems.append("postings out of time order at \(posting.at)") }
            lastTime = posting.at
            derived[posting.from, default: 0] -= posting.amountFen
            derived[posting.to, default: 0] += posting.amountFen
        }
        var accounts: [Account] = [.fees]
        accounts += cards.indices.map { .card(CardID(index: $0)) }
        accounts += users.indices.flatMap { [Account.pass(UserID(index: $0)), .wallet(UserID(index: $0))] }
        accounts += merchants.indices.map { .merchant(MerchantID(index: $0)) }
        var sum: Int64 = 0
        for account in accounts {
            let cached = balance(of: account)
            sum += cached
            if cached != derived[account, default: 0] {
                problems.append("\(account) holds \(cached) fen but its postings say \(derived[account, default: 0])")
            }
            switch account {
            case .pass, .wallet, .merchant, .fees:
                if cached < 0 { problems.append("\(account) is negative: \(cached) fen") }
            case .card:
                break
            }
        }
        if sum != 0 { problems.append("the ledger does not balance: accounts sum to \(sum) fen") }
        for card in cards where card.refundedFen > card.refundableInFen {
            problems.append("\(card.masked) got back \(card.refundedFen) fen but paid in \(card.refundableInFen)")
        }
        for user in users {
            let pass = user.pass
            if pass.state != .none && pass.periodTopupFen > pass.periodLimitFen {
                problems.append("\(user.name)'s top-ups this period \(pass.periodTopupFen) exceed the cap \(pass.periodLimitFen)")
            }
            if pass.state == .expired && pass.balanceFen != 0 {
                problems.append("\(user.name)'s expired pass still holds \(pass.balanceFen) fen")
            }
            if user.verified, let passport = user.passport, passport.expires < now.date {
                problems.append("\(user.name) counts as verified on a passport that expired on \(passport.expires)")
            }
            if user.receivedUnverifiedFen > user.receiveCapFen {
                problems.append("\(user.name) received \(user.receivedUnverifiedFen) fen unverified, above the cap \(user.receiveCapFen)")
            }
            if pass.state == .active, let end = pass.expiresAt, now >= end {
                problems.append("\(user.name)'s pass is active at \(now), past its expiry \(end)")
            }
        }
        if let next = schedule.next, next.due < now {
            problems.append("an event due at \(next.due) has not fired at \(now)")
        }
        return problems
    }
}
