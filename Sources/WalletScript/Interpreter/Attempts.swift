import WalletCore

/// One command a user tried, kept for the statement: the command as parsed (rendered only
/// when a statement is asked for, and never with its password), when, its error code if it
/// failed, and the stretch of the user's journal it wrote (its postings and events).
/// Trivially copyable (a test holds it): appending one is a copy of its bytes and freeing a
/// user's list frees one block, with no value witness called for each attempt (they cost
/// about 90 instructions an attempt when a `pay` kept its merchant as a String and the
/// rarer commands a boxed reference; docs/BENCHMARKS.md, round 7).
struct Attempt: Sendable {
    let at: Instant
    let journalStart: Int
    let journalEnd: Int
    let command: AttemptCommand
    let code: ErrorCode?
}

/// The command an attempt keeps. `pay` and `topup` are most attempts of a long run: kept as
/// their fields (a `pay … to:` that went through as its merchant's id: the merchant has the
/// typed name, byte for byte, and keeps it); any other command, and a `pay` or `topup` with no
/// such form, is kept whole in its user's `AttemptList`, and the attempt holds its position
/// there. Public only because `Command.attemptCommand` returns it.
public enum AttemptCommand: Sendable {
    case pay(Money, PaidTo)
    /// A top-up from the first linked card (no `card:` typed).
    case topup(Money)
    /// The command kept whole: its absolute position in the user's `AttemptList`.
    case kept(Int)
    /// What `pay … to:MERCHANT` answers: the session makes it `.pay(_, .merchant(id))` once
    /// the payment went through (its merchant is the user's latest payment's), else `.whole`.
    case payToNamed(Money)
    /// What a command with no compact form answers: the log keeps it whole (`.kept`).
    case whole

    /// Where a `pay` went, as the attempt keeps it.
    public enum PaidTo: Sendable, Equatable {
        case qr(QRKind)
        case merchant(MerchantID)
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

/// Each user's attempts, latest `AttemptList.keep` kept (indexed by user).
struct AttemptLog: Sendable {
    private(set) var byUser: [AttemptList] = []

    subscript(user: UserID) -> AttemptList {
        user.index < byUser.count ? byUser[user.index] : AttemptList()
    }

    /// Keeps `command`'s attempt as `compact` (the command's `attemptCommand`, resolved), or
    /// the command whole when that is `.whole`.
    mutating func record(_ command: borrowing AnyCommand, _ compact: AttemptCommand, at: Instant, journalStart: Int, journalEnd: Int,
                         code: ErrorCode?, for user: UserID) {
        while byUser.count <= user.index { byUser.append(AttemptList()) }
        byUser[user.index].append(command, compact, at: at, journalStart: journalStart, journalEnd: journalEnd, code: code)
    }
}

/// One user's attempts, kept as `CappedLog` keeps entries (the latest `keep` shown, up to
/// twice that stored so trimming is amortised), with two differences for the hot path: an
/// attempt is a plain value (see `Attempt`), and the first append makes room for 64, not 1
/// (a user's list no longer grows 1, 2, 4, … 64: growing from 16 was about 37 instructions a
/// line of a long run, where a user tries 40 to 60 things; 64 attempts are 3 KB). Commands
/// kept whole sit in `kept`, trimmed with the attempts that point at them.
struct AttemptList: Sendable {
    static var keep: Int { CappedLog<Attempt>.keep }
    static let firstRoom = 64
    /// A user's first commands kept whole: `user`, `verify`, `card` and one more.
    static let firstKeptRoom = 4

    private(set) var stored: [Attempt] = []
    /// Attempts dropped from the front.
    private(set) var dropped = 0
    /// The commands kept whole, in order; `keptDropped` were dropped from the front.
    private var keptCommands: [AnyCommand] = []
    private var keptDropped = 0

    var total: Int { dropped + stored.count }

    /// The latest `keep` attempts, and the absolute position of the first of them.
    var recent: (first: Int, entries: ArraySlice<Attempt>) {
        let slice = stored.suffix(Self.keep)
        return (total - slice.count, slice)
    }

    /// How many commands are kept whole (at most one an attempt stored).
    var keptCount: Int { keptCommands.count }

    /// The command an attempt kept whole (`.kept`).
    func kept(_ position: Int) -> AnyCommand { keptCommands[position - keptDropped] }

    mutating func append(_ command: borrowing AnyCommand, _ compact: AttemptCommand, at: Instant, journalStart: Int, journalEnd: Int,
                         code: ErrorCode?) {
        var compact = compact
        switch compact {
        case .pay, .topup, .kept: break
        case .payToNamed, .whole:
            compact = .kept(keptDropped + keptCommands.count)
            if keptCommands.capacity == 0 { keptCommands.reserveCapacity(Self.firstKeptRoom) }
            keptCommands.append(copy command)
        }
        if stored.capacity == 0 { stored.reserveCapacity(Self.firstRoom) }
        stored.append(Attempt(at: at, journalStart: journalStart, journalEnd: journalEnd, command: compact, code: code))
        if stored.count >= 2 * Self.keep {
            let extra = stored.count - Self.keep
            stored.removeFirst(extra)
            dropped += extra
            // The commands only dropped attempts pointed at go too.
            var firstKept = keptDropped + keptCommands.count
            for attempt in stored { if case .kept(let position) = attempt.command { firstKept = position; break } }
            keptCommands.removeFirst(firstKept - keptDropped)
            keptDropped = firstKept
        }
    }

    /// An attempt as the statement shows it: amounts as typed, cards masked, no password.
    func statementText(_ attempt: Attempt, world: World) -> String? {
        switch attempt.command {
        case .pay(let amount, .qr(let kind)): PayCommand.statementText(amount, .qr(kind))
        case .pay(let amount, .merchant(let id)): PayCommand.statementText(amount, .merchant(world[id].name))
        case .topup(let amount): TopUpCommand.statementText(amount, nil)
        case .kept(let position): kept(position).statementText
        case .payToNamed, .whole: nil
        }
    }

    /// The card the attempt named, resolved against the user's cards now.
    func namedCard(_ attempt: Attempt, user id: UserID, world: World) -> CardID? {
        switch attempt.command {
        case .pay, .topup, .payToNamed, .whole: nil
        case .kept(let position): kept(position).namedCard(user: id, world: world)
        }
    }

    /// A `card` line: a linked card shows by brand in the statement.
    func isCard(_ attempt: Attempt) -> Bool {
        switch attempt.command {
        case .pay, .topup, .payToNamed, .whole: false
        case .kept(let position): if case .cardCommand = kept(position).value { true } else { false }
        }
    }
}
