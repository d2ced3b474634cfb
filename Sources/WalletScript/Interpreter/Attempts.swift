import WalletCore

/// One command a user tried, kept for the statement: the command as parsed (rendered only
/// when a statement is asked for, and never with its password), when, its error code if it
/// failed, and the stretch of the user's journal it wrote (its postings and events).
struct Attempt: Sendable {
    let command: Command
    let at: Instant
    let code: ErrorCode?
    let journalStart: Int
    let journalEnd: Int
}

extension Command {
    /// Commands a user tries on their own account; queries, the clock, policy and merchants
    /// are not theirs.
    var isAttempt: Bool {
        switch self {
        case .user, .sms, .verify, .card, .topup, .pay, .refund, .transfer, .password, .reactivate: return true
        case .merchant, .advance, .policy, .query, .history, .help, .expect: return false
        }
    }

    /// The command as a statement shows it: amounts as typed, cards masked, no password.
    var statementText: String {
        switch self {
        case .user(let request, _, _): return "user \(request.name)"
        case .sms: return "sms"
        case .verify: return "verify"
        case .card(let request):
            let digits = request.number.filter(\.isASCIIDigitCharacter)
            return "card ••" + String(digits.suffix(4))
        case .topup(let amount, let card): return "topup \(Attempt.typed(amount))" + (card.map { " card:\(Attempt.masked($0))" } ?? "")
        case .pay(let amount, .qr(let kind), _): return "pay \(Attempt.typed(amount)) qr:\(kind == .cross ? "cross" : "domestic")"
        case .pay(let amount, .merchant(let name), _): return "pay \(Attempt.typed(amount)) to:\(name)"
        case .refund(let amount, let from): return "refund \(Attempt.typed(amount)) from:\(from)"
        case .transfer(let amount, let to): return "transfer \(Attempt.typed(amount)) to:\(to)"
        case .password: return "password ••••••"
        case .reactivate: return "reactivate"
        case .merchant, .advance, .policy, .query, .history, .help, .expect: return ""
        }
    }
}

extension Attempt {
    /// An amount as a person types it: `500`, `38.50`.
    static func typed(_ amount: Money) -> String {
        amount.fen % 100 == 0 ? String(amount.fen / 100) : amount.plain
    }

    /// A card selector as a statement shows it: a full number typed there keeps its last four.
    static func masked(_ selector: String) -> String {
        selector.count > 4 && selector.allSatisfy(\.isASCIIDigitCharacter) ? "••" + selector.suffix(4) : selector
    }
}

/// Each user's attempts, latest `CappedLog.keep` kept (indexed by user).
struct AttemptLog: Sendable {
    private(set) var byUser: [CappedLog<Attempt>] = []

    subscript(user: UserID) -> CappedLog<Attempt> {
        user.index < byUser.count ? byUser[user.index] : CappedLog()
    }

    mutating func record(_ attempt: Attempt, for user: UserID) {
        while byUser.count <= user.index { byUser.append(CappedLog()) }
        byUser[user.index].append(attempt)
    }
}
