/// A log that keeps only its latest entries, so a long session's memory stays bounded.
/// Absolute positions (`total`) keep counting past what was dropped, so a reader can tell
/// where a kept entry stands among all that ever were appended.
public struct CappedLog<Element: Sendable>: Sendable {
    /// How many of the latest entries `recent` gives. Storage holds up to twice this, so
    /// trimming is amortised; what readers see does not depend on when it happened.
    public static var keep: Int { 1_000 }
    // Inlinable, so a log of a type from another module (the attempt log) is specialised
    // there instead of going through generic array calls on every append.
    @usableFromInline var storage: [Element] = []
    @usableFromInline var droppedCount = 0

    public init() {}

    public var stored: [Element] { storage }
    /// Entries dropped from the front.
    public var dropped: Int { droppedCount }

    @inlinable public var total: Int { droppedCount + storage.count }
    @inlinable public var last: Element? { storage.last }

    /// The latest `keep` entries, and the absolute position of the first of them.
    public var recent: (first: Int, entries: ArraySlice<Element>) {
        let slice = storage.suffix(Self.keep)
        return (total - slice.count, slice)
    }

    @inlinable public mutating func append(_ element: Element) {
        // Room for 16 at once: growing 1, 2, 4, 8, 16 moved the entries four times for a
        // log that almost always passes 16.
        if storage.isEmpty { storage.reserveCapacity(16) }
        storage.append(element)
        if storage.count >= 2 * Self.keep {
            let extra = storage.count - Self.keep
            storage.removeFirst(extra)
            droppedCount += extra
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
