import WalletCore

/// What a search knows about the state a move is offered in.
public struct MoveContext {
    public let world: World
    public let current: UserID?
    /// How many users the search may sign up (1 unless the target reads another user).
    public let maxUsers: Int
    /// Working sandbox card words, in the order to offer them (a target naming a card puts
    /// its word first).
    public let cardWords: [String]

    public var user: User? { current.map { world[$0] } }

    /// The current user, signed up; nil before `user` or while the SMS code is pending.
    var active: (id: UserID, user: User)? {
        guard let id = current, world[id].signedUp else { return nil }
        return (id, world[id])
    }
}

/// One command's part in exploration: the candidate moves it offers in a state (command
/// lines, in the order that breaks ties between equally short sequences), what it reads
/// and writes (for the cone of a target) and the codes it can answer.
public struct MoveSource: Sendable {
    public let command: String
    public let effects: [Effect]
    /// Parts read by checks that can only refuse, and never decide what is written: another
    /// user holding a phone or a card. Removing other users' commands never turns such a
    /// success into a refusal, so they count for a target answered by that check only.
    public let guardReads: Set<StatePart>
    public let answers: Set<ErrorCode>
    let offer: @Sendable (MoveContext, inout [String]) -> Void

    init(command: String, effects: [Effect], guardReads: Set<StatePart> = [], answers: Set<ErrorCode>,
         offer: @escaping @Sendable (MoveContext, inout [String]) -> Void) {
        self.command = command
        self.effects = effects
        self.guardReads = guardReads
        self.answers = answers
        self.offer = offer
    }

    /// Everything this command reads: for a target it answers.
    public var reads: Set<StatePart> { effects.reduce(guardReads) { $0.union($1.reads) } }
}

/// Helpers the move lists share.
enum MoveText {
    /// `100`, `99.99`: whole yuan without decimals, as people type them.
    static func amount(_ fen: Int64) -> String {
        fen % 100 == 0 ? String(fen / 100) : Money(fen: fen).plain
    }

    /// A name as a command argument: bare when the lexer reads it back unchanged.
    static func name(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".") && $0 != ":" && $0 != "#"
        }
        return bare ? name : "\"\(name)\""
    }

    /// `90d`, `89d23h59m`: how far the clock must move to reach `instant`.
    static func duration(from now: Instant, to instant: Instant) -> String {
        SimDuration(minutes: instant.minutes - now.minutes).description
    }

    static let newUserNames = ["alice", "bob", "carol", "dave", "erin", "frank"]

    /// The next name the search signs up: the first of the list nobody has.
    static func freshName(in world: World) -> String? {
        newUserNames.first { world.user(named: $0) == nil }
    }

    /// Wrong on purpose: a 6-digit payment password that is not the user's.
    static func wrongPassword(for id: UserID, in world: World) -> String {
        world.isPaymentPassword("000000", user: id) ? "111111" : "000000"
    }
}
