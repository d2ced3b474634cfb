import WalletCore

/// The parts of a world a command can read or write, coarse enough to list by hand for
/// each command and fine enough to leave out of a search the commands that cannot matter.
public enum StatePart: String, CaseIterable, Sendable, Comparable {
    /// Users, their sign-up and who is current.
    case registration
    /// Another user's state, read by a command of the current user (a transfer's receiver).
    case otherUsers
    case verification
    /// Linked cards: numbers, expiries, behaviour.
    case cards
    /// Payment password, wrong entries, lock.
    case password
    /// TourPass state, period, expiry, period totals, funding cards.
    case passPeriod
    case passBalance
    /// What cards were charged and got back.
    case cardMoney
    /// Payments to merchants and what was refunded of them.
    case payments
    case wallet
    case dailyPaid
    case merchants
    case clock

    public static func < (a: StatePart, b: StatePart) -> Bool { a.rawValue < b.rawValue }
}

/// One way a command changes the world: the parts it writes and the parts that decide
/// whether and how it writes them.
public struct Effect: Sendable {
    public let writes: Set<StatePart>
    public let reads: Set<StatePart>

    public init(writes: Set<StatePart>, reads: Set<StatePart>) {
        self.writes = writes
        self.reads = reads
    }
}

/// The commands a search needs for one target: the cone of influence (as model checkers
/// call it). Start from the parts the target reads; a command that writes one of them
/// joins, and the parts its writes depend on join too, until nothing changes. A command
/// outside the cone writes nothing the target depends on, so dropping it from a sequence
/// that reaches the target leaves a shorter one that still does: it can never be part of
/// a shortest sequence.
public struct Cone: Equatable, Sendable {
    public let commands: Set<String>
    public let parts: Set<StatePart>
    /// A second user matters only when some command in the cone reads another user.
    public var maxUsers: Int { parts.contains(.otherUsers) ? 2 : 1 }

    public static func of(reads: Set<StatePart>, answeredBy: Set<String>, sources: [MoveSource]) -> Cone {
        var parts = reads
        var commands = answeredBy
        var changed = true
        while changed {
            changed = false
            for source in sources {
                for effect in source.effects where !effect.writes.isDisjoint(with: parts) {
                    if commands.insert(source.command).inserted { changed = true }
                    if !effect.reads.isSubset(of: parts) {
                        parts.formUnion(effect.reads)
                        changed = true
                    }
                }
            }
        }
        return Cone(commands: commands, parts: parts)
    }

    /// Every command, two users: the cone of a target nothing is known about.
    public static func everything(_ sources: [MoveSource]) -> Cone {
        Cone(commands: Set(sources.map(\.command)), parts: Set(StatePart.allCases))
    }
}
