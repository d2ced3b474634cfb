import WalletCore

/// Turns core values into the lines people read. Stable wording: scenarios record it.
enum Render {
    static func merchantTerms(qr: QRKind, credit: Bool) -> String {
        (qr == .cross ? "cross-border code" : "domestic-only code") + (credit ? ", accepts credit" : ", no credit")
    }

    static func event(_ event: FiredEvent, in world: World) -> String {
        let at = event.at.description
        switch event.kind {
        case .passExpired(let id, let refunds, let left):
            var text = "\(at)  TourPass of \(world[id].name) expired"
            if refunds.isEmpty { text += "; nothing to refund" }
            else { text += "; refunded " + refunds.map { "\($0.amount) to \(world[$0.card].masked)" }.joined(separator: ", ") }
            if left.fen > 0 { text += "; \(left) could not be refunded" }
            return text
        case .paymentUnlocked(let id): return "\(at)  payments unlocked for \(world[id].name)"
        case .signupUnlocked(let id): return "\(at)  sign-up unlocked for \(world[id].name)"
        }
    }

    static func policy(_ policy: Policy) -> [String] {
        let width = Policy.keys.map(\.name.count).max() ?? 0
        let values = Policy.keys.map { $0.read(policy) }
        let valueWidth = values.map(\.count).max() ?? 0
        return zip(Policy.keys, values).map { key, value in
            pad(key.name, width) + "  " + pad(value, valueWidth) + "  " + key.summary
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func account(_ account: Account, in world: World, for user: UserID) -> String {
        switch account {
        case .card(let id): return world[id].masked
        case .pass(let id): return id == user ? "TourPass" : "TourPass of \(world[id].name)"
        case .wallet(let id): return id == user ? "wallet" : "wallet of \(world[id].name)"
        case .merchant(let id): return world[id].name
        case .fees: return "fees"
        }
    }

    static func query(_ query: Query, world: World, user: UserID?) -> [String] {
        switch query {
        case .now:
            return ["\(world.now) (China Standard Time)"]
        case .users:
            guard !world.users.isEmpty else { return ["no users yet"] }
            return world.users.map { user in
                let state = !user.signedUp ? "pending SMS" : (user.verified ? "verified" : "unverified")
                let pass = user.version == .international ? ", TourPass \(user.pass.state.rawValue)" : ""
                return "\(user.name)  \(user.phone)  \(user.version.label)  \(state)\(pass)"
            }
        case .merchants:
            return world.merchants.map { "\($0.name)  \(merchantTerms(qr: $0.qr, credit: $0.acceptsCredit))" }
        case .balance:
            guard let id = user else { return [] }
            let u = world[id]
            if u.version == .domestic { return ["wallet \(Money(fen: u.walletFen))"] }
            var lines = ["TourPass \(Money(fen: u.pass.balanceFen)) (\(passSummary(u.pass)))"]
            if u.walletFen != 0 { lines.append("wallet \(Money(fen: u.walletFen)) (withdraws only to a Chinese bank account)") }
            return lines
        case .cards:
            guard let id = user else { return [] }
            let cards = world[id].cards.map { world[$0] }
            guard !cards.isEmpty else { return ["no cards linked"] }
            return cards.map { "\($0.masked)  \($0.holderName)  expires \($0.expiry)  charged \(Money(fen: $0.chargedFen))  refunded \(Money(fen: $0.refundedFen))" }
        case .status:
            guard let id = user else { return [] }
            return status(world[id], in: world)
        case .history:
            guard let id = user else { return [] }
            let postings = world.statement(user: id)
            guard !postings.isEmpty else { return ["no movements yet"] }
            return postings.map { posting in
                let kind = pad(posting.kind.rawValue, 13)
                let route = account(posting.from, in: world, for: id) + " → " + account(posting.to, in: world, for: id)
                return "\(posting.at)  \(kind)  \(pad(route, 30))  \(Money(fen: posting.amountFen))"
            }
        }
    }

    static func passSummary(_ pass: TourPass) -> String {
        switch pass.state {
        case .none: return "none"
        case .active: return "active until \(pass.expiresAt.map(\.description) ?? "?")"
        case .expired: return "expired \(pass.expiresAt.map(\.description) ?? "")"
        }
    }

    static func status(_ user: User, in world: World) -> [String] {
        var lines = ["\(user.name)  \(user.phone)  \(user.version.label) version  nationality \(user.nationality)"]
        if !user.signedUp { lines.append("sign-up: waiting for the SMS code") }
        if let until = user.signupLockedUntil, world.now < until { lines.append("sign-up: locked until \(until)") }
        if let passport = user.passport {
            lines.append("verified: yes (passport \(passport.number), \(passport.nationality), expires \(passport.expires), \(passport.holderName))")
        } else {
            lines.append("verified: no")
        }
        let cards = user.cards.map { world[$0].masked }
        lines.append("cards: " + (cards.isEmpty ? "none" : cards.joined(separator: ", ")))
        if user.version == .international {
            var pass = "TourPass: \(passSummary(user.pass)), balance \(Money(fen: user.pass.balanceFen))"
            if user.pass.state == .active {
                pass += ", \(user.pass.periodTopupCount) top-up\(user.pass.periodTopupCount == 1 ? "" : "s") this period, \(Money(fen: user.pass.periodTopupFen)) of \(world.policy.topupTotal)"
            }
            lines.append(pass)
        } else {
            lines.append("wallet: \(Money(fen: user.walletFen))")
        }
        if let until = user.payLockedUntil, world.now < until { lines.append("payments: locked until \(until)") }
        return lines
    }
}
