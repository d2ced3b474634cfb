/// A log that keeps only its latest entries, so a long session's memory stays bounded.
/// Absolute positions (`total`) keep counting past what was dropped, so a reader can tell
/// where a kept entry stands among all that ever were appended.
public struct CappedLog<Element: Sendable>: Sendable {
    /// How many of the latest entries `recent` gives. Storage holds up to twice this, so
    /// trimming is amortised; what readers see does not depend on when it happened.
    public static var keep: Int { 1_000 }
    public private(set) var stored: [Element] = []
    /// Entries dropped from the front.
    public private(set) var dropped = 0

    public init() {}

    public var total: Int { dropped + stored.count }
    public var last: Element? { stored.last }

    /// The latest `keep` entries, and the absolute position of the first of them.
    public var recent: (first: Int, entries: ArraySlice<Element>) {
        let slice = stored.suffix(Self.keep)
        return (total - slice.count, slice)
    }

    public mutating func append(_ element: Element) {
        stored.append(element)
        if stored.count >= 2 * Self.keep {
            let extra = stored.count - Self.keep
            stored.removeFirst(extra)
            dropped += extra
        }
    }
}

/// What happened to a user that is not a money movement, at the instant it happened.
public enum JournalEvent: Sendable, Equatable {
    /// The pass expired; its refunds follow as postings.
    case passExpired
    case paymentsLocked(until: Instant)
    case paymentsUnlocked
    case signupLocked(until: Instant)
    case signupUnlocked
    /// The verified passport expired: top-ups and payments wait for a renewed one.
    case verificationLapsed
}

/// One entry of a user's journal: a posting that touched them, or an event.
public enum JournalEntry: Sendable {
    /// An index into the ledger's postings.
    case posting(Int)
    case event(JournalEvent, at: Instant)
}

extension World {
    mutating func note(_ event: JournalEvent, for user: UserID) {
        users[user.index].journal.append(.event(event, at: now))
    }
}
