/// What can fall due on the simulated clock.
public enum EventKind: Sendable, Equatable {
    case passExpiry(UserID, period: Int)
    case paymentUnlock(UserID)
    case signupUnlock(UserID)
    /// The passport of the user's `serial`-th successful verification expires.
    case passportLapse(UserID, serial: Int)
}

struct ScheduledEvent: Sendable {
    let due: Instant
    /// Scheduling order: events due at the same instant fire in the order they were scheduled.
    let sequence: UInt64
    let kind: EventKind

    func firesBefore(_ other: ScheduledEvent) -> Bool {
        due != other.due ? due < other.due : sequence < other.sequence
    }
}

/// A binary min-heap of future events, so advancing a century costs only the events due.
struct EventQueue: Sendable {
    private var heap: [ScheduledEvent] = []
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    var next: ScheduledEvent? { heap.first }

    mutating func schedule(_ kind: EventKind, at due: Instant) {
        heap.append(ScheduledEvent(due: due, sequence: nextSequence, kind: kind))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].firesBefore(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popNext() -> ScheduledEvent? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].firesBefore(heap[smallest]) { smallest = left }
            if right < heap.count && heap[right].firesBefore(heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }

    var all: [ScheduledEvent] { heap }
}
