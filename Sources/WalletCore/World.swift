/// The whole simulated world as one value. Copying it is cheap (its arrays are shared
/// until written), which is what the REPL's `:undo` relies on.
public struct World: Sendable {
    public internal(set) var policy = Policy()
    public internal(set) var now = Instant.start
    public internal(set) var users: [User] = []
    public internal(set) var cards: [Card] = []
    public internal(set) var merchants: [Merchant] = Merchant.builtIn
    public internal(set) var ledger = Ledger()
    var schedule = EventQueue()
    var userByName = NameIndex<UserID>()
    var userByPhone: [Phone: UserID] = [:]
    var cardByNumber: [String: CardID] = [:]
    var merchantByName = NameIndex<MerchantID>()

    public static let maxUsers = 99_999
    public static let maxMerchants = 10_000
    public static let maxCardsPerUser = 10

    /// The default world: default policy, 2026-01-01 00:00, no users, the built-in merchants.
    public init() {
        for (index, merchant) in merchants.enumerated() { merchantByName.insert(merchant.name, MerchantID(index: index)) }
    }

    public func user(named name: String) -> UserID? { userByName[name] }
    public func merchant(named name: String) -> MerchantID? { merchantByName[name] }
    public subscript(user: UserID) -> User { users[user.index] }
    public subscript(card: CardID) -> Card { cards[card.index] }
    public subscript(merchant: MerchantID) -> Merchant { merchants[merchant.index] }
    /// How many journal entries the user has ever had (`world[user].journal.total` without
    /// copying the user: this runs twice for every attempt).
    public func journalTotal(of user: UserID) -> Int { users[user.index].journal.total }

    /// Events waiting on the clock, soonest first (for `status` and tests).
    public var pendingEvents: [(due: Instant, kind: EventKind)] {
        schedule.all.sorted { $0.firesBefore($1) }.map { ($0.due, $0.kind) }
    }

    /// Changes one policy value. The checks are `PolicyRules.list`, in order; the first
    /// failure is the answer and nothing changes.
    public mutating func setPolicy(_ key: String, to value: Substring) throws(WalletError) {
        let input = PolicyInput(key: key, value: String(value))
        try PolicyRules.list.check(self, input)
        guard let policyKey = Policy.key(named: key) else { throw PolicyRules.list.error(at: 0, self, input) }
        var changed = policy
        if let problem = policyKey.write(&changed, value) { throw WalletError(.policyBadValue, "\(key): \(problem)", rule: "policy.value") }
        policy = changed
    }

    /// One policy value as text (`policy KEY`); the key is checked by `PolicyRules.list`.
    public func policyValue(_ key: String) throws(WalletError) -> String {
        try PolicyRules.list.check(self, PolicyInput(key: key, value: nil))
        guard let policyKey = Policy.key(named: key) else { throw PolicyRules.list.error(at: 0, self, PolicyInput(key: key, value: nil)) }
        return policyKey.read(policy)
    }

    /// A user that has finished sign-up, or the error that says why not.
    func activeUser(_ id: UserID) throws(WalletError) -> User {
        try ensureSignedUp(id)
        return users[id.index]
    }

    /// The same check without copying the user (hot paths read fields in place). Inlined:
    /// a call from a mutating method copied the whole `World` (240 bytes) to pass `self`.
    @inline(__always) func ensureSignedUp(_ id: UserID) throws(WalletError) {
        guard users[id.index].signedUp else { throw signUpPending(id) }
    }

    @inline(never) private func signUpPending(_ id: UserID) -> WalletError {
        WalletError(.registerPending, "\(users[id.index].name) has not finished sign-up: enter the SMS code with `sms CODE`")
    }

    public func lookUpUser(_ name: String) throws(WalletError) -> UserID {
        guard let id = userByName[name] else { throw WalletError(.userUnknown, "no user named \(name)") }
        return id
    }

    public func lookUpMerchant(_ name: String) throws(WalletError) -> MerchantID {
        guard let id = merchantByName[name] else { throw WalletError(.merchantUnknown, "no merchant named \(name)") }
        return id
    }
}
