import WalletCore

/// One command a user tried, kept for the statement: the command as parsed (rendered only
/// when a statement is asked for, and never with its password), when, its error code if it
/// failed, and the stretch of the user's journal it wrote (its postings and events).
struct Attempt: Sendable {
    let command: any Command
    let at: Instant
    let code: ErrorCode?
    let journalStart: Int
    let journalEnd: Int
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
