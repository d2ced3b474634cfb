import WalletCore

/// One command a user tried, kept for the statement: the command as parsed (rendered only
/// when a statement is asked for, and never with its password), when, its error code if it
/// failed, and the stretch of the user's journal it wrote (its postings and events).
struct Attempt: Sendable {
    // In this order the 25-byte command and the 1-byte code share the last word: 56 bytes
    // a kept attempt, not 64 (the order the initialiser takes is the same).
    let at: Instant
    let journalStart: Int
    let journalEnd: Int
    let command: AttemptCommand
    let code: ErrorCode?
}

/// The command an attempt keeps. `pay` and `topup` are most attempts of a long run: kept as
/// their fields they need no heap box (a `pay` as `any Command` was a 40-byte existential
/// plus a 64-byte box, which a million-command run kept 555,000 of); the rest keep the
/// command, boxed once. Public only because `Command.attemptCommand` returns it.
public enum AttemptCommand: Sendable {
    case pay(Money, PayTarget)
    case topup(Money, card: String?)
    case other(CommandBox)

    var statementText: String? {
        switch self {
        case .pay(let amount, let target): PayCommand.statementText(amount, target)
        case .topup(let amount, let card): TopUpCommand.statementText(amount, card)
        case .other(let box): box.command.statementText
        }
    }

    func namedCard(user id: UserID, world: World) -> CardID? {
        switch self {
        case .pay: nil
        case .topup(_, let card): TopUpCommand.namedCard(card, user: id, world: world)
        case .other(let box): box.command.namedCard(user: id, world: world)
        }
    }

    /// A `card` line: a linked card shows by brand in the statement.
    var isCard: Bool {
        switch self {
        case .pay, .topup: false
        case .other(let box):
            if case .cardCommand = box.command.value { true } else { false }
        }
    }
}

/// A command kept by reference, so an `AttemptCommand` stays three words (an `AnyCommand` is larger).
public final class CommandBox: Sendable {
    let command: AnyCommand
    init(_ command: AnyCommand) { self.command = command }
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

/// Each user's attempts, latest `AttemptList.keep` kept (indexed by user).
struct AttemptLog: Sendable {
    private(set) var byUser: [AttemptList] = []

    subscript(user: UserID) -> AttemptList {
        user.index < byUser.count ? byUser[user.index] : AttemptList()
    }

    mutating func record(_ attempt: consuming Attempt, for user: UserID) {
        while byUser.count <= user.index { byUser.append(AttemptList()) }
        byUser[user.index].append(attempt)
    }
}

/// One user's attempts, kept as `CappedLog` keeps entries (the latest `keep` shown, up to
/// twice that stored so trimming is amortised), with two differences for the hot path: an
/// attempt is moved in, not copied (its command's strings not retained and released), and
/// the first append makes room for 16, not 1 (a user's list no longer grows 1, 2, 4, 8, 16).
struct AttemptList: Sendable {
    static var keep: Int { CappedLog<Attempt>.keep }
    static let firstRoom = 16

    private(set) var stored: [Attempt] = []
    /// Attempts dropped from the front.
    private(set) var dropped = 0

    var total: Int { dropped + stored.count }

    /// The latest `keep` attempts, and the absolute position of the first of them.
    var recent: (first: Int, entries: ArraySlice<Attempt>) {
        let slice = stored.suffix(Self.keep)
        return (total - slice.count, slice)
    }

    mutating func append(_ attempt: consuming Attempt) {
        if stored.capacity == 0 { stored.reserveCapacity(Self.firstRoom) }
        stored.append(attempt)
        if stored.count >= 2 * Self.keep {
            let extra = stored.count - Self.keep
            stored.removeFirst(extra)
            dropped += extra
        }
    }
}
