import WalletCore

/// Turns output values into the lines people read. Stable wording: scenarios record it.
enum Render {
    static func lines(_ output: Output) -> [OutputLine] {
        switch output {
        case .passExpired, .paymentsUnlocked, .signupUnlocked, .passportLapsed: return [OutputLine(.event, text(output))]
        case .error, .expectFailed: return [OutputLine(.error, text(output))]
        case .text(let lines): return lines.map { OutputLine(.info, $0) }
        case .status(let snapshot): return status(snapshot).map { OutputLine(.info, $0) }
        case .balances(let version, let pass, let walletFen):
            let wallet = Money(fen: walletFen)
            if version == .domestic { return [OutputLine(.info, "wallet \(wallet)")] }
            var lines = [OutputLine(.info, "TourPass \(pass.balance) (\(passSummary(pass)))")]
            if walletFen != 0 { lines.append(OutputLine(.info, "wallet \(wallet) (withdraws only to a Chinese bank account)")) }
            return lines
        default: return [OutputLine(.info, text(output))]
        }
    }

    /// The one line of a single-line output.
    static func text(_ output: Output) -> String {
        switch output {
        case .currentUser(let name): return "current user: \(name)"
        case .signedUp(let name, let phone, let version): return "\(name) signed up with \(phone) (\(version.label) version)"
        case .smsSent(let code, let phone, let entered):
            return entered ? "SMS code \(code) sent to \(phone) and entered" : "SMS code \(code) sent to \(phone); enter it with: sms CODE"
        case .smsAccepted(let name): return "SMS code accepted: \(name) is signed up"
        case .verified(let name, let p):
            return "\(name) verified: passport \(p.number) (\(p.nationality), expires \(p.expires)), name \(p.holderName)"
        case .cardLinked(let card, let holder, let expiry): return "linked \(card) (\(holder), expires \(expiry))"
        case .passwordSet: return "payment password set"
        case .passwordUnchanged: return "payment password unchanged: it was set with the first card (change it with `password`)"
        case .passwordChanged: return "payment password changed"
        case .toppedUp(let amount, let fee, let card, let rate):
            let charged = Money(fen: amount.fen + fee.fen)
            return "topped up \(amount) from \(card): charged \(charged) (about \(Policy.usd(charged, ratePer10k: rate))) including a \(fee) fee"
        case .passOpened(let until): return "TourPass opened, valid until \(until)"
        case .passBalance(let balance): return "TourPass balance \(balance)"
        case .merchantDefined(let name, let qr, let credit, let created):
            return "merchant \(name) \(created ? "defined" : "updated"): \(merchantTerms(qr: qr, credit: credit))"
        case .paid(let amount, let merchant, let card?, _): return "paid \(amount) to \(merchant) from \(card)"
        case .paid(let amount, let merchant, nil, let balance): return "paid \(amount) to \(merchant) from TourPass; balance \(balance ?? .zero)"
        case .refunded(let merchant, let amount, let toPass, let passBalance, let toCards):
            var parts: [String] = []
            if toPass.fen > 0 { parts.append("\(toPass) to TourPass (balance \(passBalance))") }
            parts += toCards.map { "\($0.amount) to \($0.card)" }
            return "\(merchant) refunded \(amount): " + parts.joined(separator: ", ")
        case .transferred(let amount, let to, let card): return "sent \(amount) to \(to) from \(card)"
        case .reactivated(let days): return "TourPass reactivated: the next top-up opens a new \(days)-day period"
        case .passExpired(let at, let user, let refunds, let left):
            var text = "\(at)  TourPass of \(user) expired"
            text += refunds.isEmpty ? "; nothing to refund" : "; refunded " + refunds.map { "\($0.amount) to \($0.card)" }.joined(separator: ", ")
            if left.fen > 0 { text += "; \(left) could not be refunded" }
            return text
        case .paymentsUnlocked(let at, let user): return "\(at)  payments unlocked for \(user)"
        case .signupUnlocked(let at, let user): return "\(at)  sign-up unlocked for \(user)"
        case .passportLapsed(let at, let user): return "\(at)  passport of \(user) expired: verification lapsed"
        case .now(let instant): return "now \(instant)"
        case .clock(let instant): return "\(instant) (China Standard Time)"
        case .policyValue(let key, let value, let was): return "\(key) = \(value)" + (was.map { " (was \($0))" } ?? "")
        case .error(let error): return "error \(error.code.rawValue): \(error.message)"
        case .expectFailed(let problem): return "expect failed: \(problem)"
        case .text, .status, .balances: return lines(output).map(\.text).joined(separator: "\n")
        }
    }

    static func merchantTerms(qr: QRKind, credit: Bool) -> String {
        (qr == .cross ? "cross-border code" : "domestic-only code") + (credit ? ", accepts credit" : ", no credit")
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

    /// Listings: users, merchants, the user's statement and cards.
    static func listing(_ query: Query, world: World, user: UserID? = nil) -> [String] {
        switch query {
        case .users:
            guard !world.users.isEmpty else { return ["no users yet"] }
            return world.users.map { user in
                let state = !user.signedUp ? "pending SMS" : (user.verified ? "verified" : (user.lapsed ? "lapsed" : "unverified"))
                let pass = user.version == .international ? ", TourPass \(user.pass.state.rawValue)" : ""
                return "\(user.name)  \(user.phone)  \(user.version.label)  \(state)\(pass)"
            }
        case .merchants:
            return world.merchants.map { "\($0.name)  \(merchantTerms(qr: $0.qr, credit: $0.acceptsCredit))" }
        case .cards:
            guard let id = user else { return [] }
            let cards = world[id].cards.map { world[$0] }
            guard !cards.isEmpty else { return ["no cards linked"] }
            return cards.map { "\($0.masked)  \($0.holderName)  expires \($0.expiry)  charged \(Money(fen: $0.chargedFen))  refunded \(Money(fen: $0.refundedFen))" }
        case .balance, .status, .now:
            return []
        }
    }

    static func passSummary(_ pass: PassSummary) -> String {
        switch pass.state {
        case .none: return "none"
        case .active: return "active until \(pass.expiresAt.map(\.description) ?? "?")"
        case .expired: return "expired \(pass.expiresAt.map(\.description) ?? "")"
        }
    }

    static func status(_ s: StatusSnapshot) -> [String] {
        var lines = ["\(s.name)  \(s.phone)  \(s.version.label) version  nationality \(s.nationality)"]
        if !s.signedUp { lines.append("sign-up: waiting for the SMS code") }
        if let until = s.signupLockedUntil, s.now < until { lines.append("sign-up: locked until \(until)") }
        if let passport = s.passport {
            let born = passport.born.map { ", born \($0)" } ?? ""
            lines.append("verified: \(s.lapsed ? "no, lapsed" : "yes") (passport \(passport.number), \(passport.nationality), expires \(passport.expires), \(passport.holderName)\(born))")
        } else {
            lines.append("verified: no")
        }
        lines.append("cards: " + (s.cards.isEmpty ? "none" : s.cards.map(\.description).joined(separator: ", ")))
        if s.version == .international {
            var pass = "TourPass: \(passSummary(s.pass)), balance \(s.pass.balance)"
            if s.pass.state == .active {
                pass += ", \(s.periodTopups) top-up\(s.periodTopups == 1 ? "" : "s") this period, \(Money(fen: s.periodTopupFen)) of \(s.topupTotal)"
            }
            lines.append(pass)
        } else {
            lines.append("wallet: \(Money(fen: s.walletFen))")
        }
        if s.version == .international && s.walletFen != 0 {
            lines.append("wallet: \(Money(fen: s.walletFen)) (withdraws only to a Chinese bank account)")
        }
        if let until = s.payLockedUntil, s.now < until { lines.append("payments: locked until \(until)") }
        return lines
    }
}
