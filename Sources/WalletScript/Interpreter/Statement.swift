import WalletCore

/// A user's statement as values: each attempt (with the postings and events it caused),
/// each event, and each movement someone else caused, in the order they happened, with the
/// running TourPass and wallet balances. `history` prints it; the HTML report charts it.
public struct Statement: Sendable {
    /// What a row stands for, for marks on a chart.
    public enum Mark: String, Sendable, CaseIterable {
        case topup, fee, payment, refund, expiry, expiryRefund, transfer, lock, unlock, lapse, failed
    }

    public struct Row: Sendable {
        public let at: Instant
        public let text: String
        /// Attempts only: `ok` or `failed CODE`.
        public let result: String?
        /// Balances after this row, where a posting of the row moved money (else nil).
        public let passFen: Int64?
        public let walletFen: Int64?
        public let mark: Mark?
        /// The cards the row's posting touches (for `card:`).
        let cards: [CardID]
    }

    /// A head row (an attempt, an event, or a movement of its own) and what it caused.
    public struct Group: Sendable {
        public let head: Row
        public let effects: [Row]
        /// The card the attempt named, if any (a failed `topup … card:visa` moves nothing).
        let namedCard: CardID?
    }

    public let userName: String
    public let version: AppVersion
    public let groups: [Group]
    /// Earlier entries were dropped: only the latest `CappedLog.keep` attempts and journal entries are kept.
    public let truncated: Bool
    public let openingPassFen: Int64
    public let openingWalletFen: Int64
    public let passFen: Int64
    public let walletFen: Int64

    /// Whether the wallet balance belongs on the statement: a domestic user's only balance,
    /// or an international user's when it ever held money in the window.
    public var showsWallet: Bool {
        version == .domestic || walletFen != 0 || openingWalletFen != 0 || groups.contains { g in
            g.head.walletFen != nil || g.effects.contains { $0.walletFen != nil }
        }
    }
    public var showsPass: Bool { version == .international }

    init(user id: UserID, world: World, attempts log: AttemptList) {
        let user = world[id]
        let (journalFirst, entries) = user.journal.recent
        let (attemptsFirst, keptAttempts) = log.recent
        // Start where both logs are whole: no attempt without its effects, no effects without their attempt.
        var windowStart = journalFirst
        if attemptsFirst > 0, let first = keptAttempts.first { windowStart = max(windowStart, first.journalStart) }
        for attempt in keptAttempts where attempt.journalStart < windowStart { windowStart = max(windowStart, attempt.journalEnd) }
        let attempts = keptAttempts.filter { $0.journalStart >= windowStart }
        let total = user.journal.total
        func entry(_ position: Int) -> JournalEntry { entries[entries.startIndex + position - journalFirst] }

        // Opening balances: today's minus every movement in the window.
        var pass = user.pass.balanceFen, wallet = user.walletFen
        for position in windowStart..<total {
            guard case .posting(let index) = entry(position) else { continue }
            let delta = Statement.deltas(world.ledger.postings[index], user: id)
            pass -= delta.pass
            wallet -= delta.wallet
        }
        (openingPassFen, openingWalletFen) = (pass, wallet)

        func row(_ position: Int, result: String? = nil) -> Row {
            switch entry(position) {
            case .event(let event, let at):
                return Row(at: at, text: Statement.text(event), result: result, passFen: nil, walletFen: nil,
                           mark: Statement.mark(event), cards: [])
            case .posting(let index):
                let posting = world.ledger.postings[index]
                let delta = Statement.deltas(posting, user: id)
                pass += delta.pass
                wallet += delta.wallet
                let cards = [posting.from, posting.to].compactMap { account -> CardID? in
                    if case .card(let card) = account { return card } else { return nil }
                }
                return Row(at: posting.at, text: Statement.text(posting, world: world, user: id), result: result,
                           passFen: delta.pass != 0 || user.version == .international ? pass : nil,
                           walletFen: delta.wallet != 0 || user.version == .domestic ? wallet : nil,
                           mark: Statement.mark(posting), cards: cards)
            }
        }

        var groups: [Group] = []
        var position = windowStart, next = 0
        while position < total || next < attempts.count {
            if next < attempts.count, attempts[next].journalStart <= position || position >= total {
                let attempt = attempts[next]
                next += 1
                let result = attempt.code.map { "failed \($0.rawValue)" } ?? "ok"
                let named = log.namedCard(attempt, user: id, world: world)
                var text = log.statementText(attempt, world: world) ?? ""
                // A linked card is shown by brand too; a refused one only by what was typed.
                if log.isCard(attempt), attempt.code == nil, let named { text = "card \(world[named].masked)" }
                let head = Row(at: attempt.at, text: text, result: result, passFen: nil,
                               walletFen: nil, mark: attempt.code == nil ? nil : .failed, cards: [])
                let effects = (max(position, attempt.journalStart)..<max(position, attempt.journalEnd)).map { row($0) }
                position = max(position, attempt.journalEnd)
                groups.append(Group(head: head, effects: effects, namedCard: named))
                continue
            }
            // A transfer someone else sent: a head naming the sender, the money indented under
            // it like every other movement, so its balances line up with theirs.
            if case .posting(let index) = entry(position), let sender = Statement.sender(of: world.ledger.postings[index], world: world) {
                let head = Row(at: world.ledger.postings[index].at, text: "transfer from \(Names.written(sender))", result: nil,
                               passFen: nil, walletFen: nil, mark: nil, cards: [])
                groups.append(Group(head: head, effects: [row(position)], namedCard: nil))
                position += 1
                continue
            }
            // An event or someone else's movement: its own head. An expiry takes its refunds along.
            let head = row(position)
            position += 1
            var effects: [Row] = []
            if head.mark == .expiry {
                let limit = next < attempts.count ? attempts[next].journalStart : total
                while position < limit, case .posting(let index) = entry(position), world.ledger.postings[index].kind == .expiryRefund {
                    effects.append(row(position))
                    position += 1
                }
            }
            groups.append(Group(head: head, effects: effects, namedCard: nil))
        }
        self.groups = groups
        userName = user.name
        version = user.version
        truncated = journalFirst > 0 || attemptsFirst > 0
        passFen = user.pass.balanceFen
        walletFen = user.walletFen
    }

    /// The groups a `card:` and `since:` narrowing keeps; under `card:`, only the rows touching that card.
    func narrowed(card: CardID?, since: Instant?) -> [Group] {
        groups.compactMap { group in
            if let since, group.head.at < since { return nil }
            guard let card else { return group }
            let effects = group.effects.filter { $0.cards.contains(card) }
            guard group.head.cards.contains(card) || group.namedCard == card || !effects.isEmpty else { return nil }
            return Group(head: group.head, effects: effects, namedCard: group.namedCard)
        }
    }

    // MARK: pieces

    static func deltas(_ posting: Posting, user id: UserID) -> (pass: Int64, wallet: Int64) {
        var pass: Int64 = 0, wallet: Int64 = 0
        if posting.from == .pass(id) { pass -= posting.amountFen }
        if posting.to == .pass(id) { pass += posting.amountFen }
        if posting.from == .wallet(id) { wallet -= posting.amountFen }
        if posting.to == .wallet(id) { wallet += posting.amountFen }
        return (pass, wallet)
    }

    static func text(_ event: JournalEvent) -> String {
        switch event {
        case .passExpired: return "TourPass expired"
        case .paymentsLocked(let until): return "payments locked until \(until)"
        case .paymentsUnlocked: return "payments unlocked"
        case .signupLocked(let until): return "sign-up locked until \(until)"
        case .signupUnlocked: return "sign-up unlocked"
        case .verificationLapsed: return "verification lapsed: the passport expired"
        }
    }

    static func mark(_ event: JournalEvent) -> Mark {
        switch event {
        case .passExpired: return .expiry
        case .paymentsLocked, .signupLocked: return .lock
        case .paymentsUnlocked, .signupUnlocked: return .unlock
        case .verificationLapsed: return .lapse
        }
    }

    static func mark(_ posting: Posting) -> Mark {
        switch posting.kind {
        case .topup: return .topup
        case .fee: return .fee
        case .payment: return .payment
        case .merchantRefund: return .refund
        case .expiryRefund: return .expiryRefund
        case .transfer: return .transfer
        }
    }

    /// Who sent a transfer: the owner of the account it left.
    static func sender(of posting: Posting, world: World) -> String? {
        guard posting.kind == .transfer else { return nil }
        switch posting.from {
        case .card(let card): return world[world[card].owner].name
        case .wallet(let owner), .pass(let owner): return world[owner].name
        case .merchant, .fees: return nil
        }
    }

    static func text(_ posting: Posting, world: World, user id: UserID) -> String {
        let amount = Money(fen: posting.amountFen)
        func name(_ account: Account) -> String {
            switch account {
            case .card(let card):
                let owner = world[card].owner
                return owner == id ? world[card].masked : "\(world[owner].name)'s card"
            case .pass(let owner): return owner == id ? "TourPass" : "\(world[owner].name)'s TourPass"
            case .wallet(let owner): return owner == id ? "wallet" : world[owner].name
            case .merchant(let merchant): return world[merchant].name
            case .fees: return "fees"
            }
        }
        switch posting.kind {
        case .topup: return "top-up \(amount) from \(name(posting.from))"
        case .fee: return "fee \(amount) charged to \(name(posting.from))"
        case .payment:
            let from = posting.from == .pass(id) ? "" : " from \(name(posting.from))"
            return "paid \(amount) to \(name(posting.to))\(from)"
        case .merchantRefund: return "refund \(amount) from \(name(posting.from)) to \(name(posting.to))"
        case .expiryRefund: return "refunded \(amount) to \(name(posting.to))"
        case .transfer:
            if posting.to == .wallet(id) {
                if case .card(let card) = posting.from, world[card].owner != id { return "received \(amount) from \(world[world[card].owner].name)" }
                return "received \(amount) from \(name(posting.from))"
            }
            return "sent \(amount) to \(name(posting.to)) from \(name(posting.from))"
        }
    }
}
