import WalletCore

/// Plans a random walk may pick as one move: a few lines run one by one (each a step, the
/// invariants checked after each), reaching what single random moves almost never chain
/// together in 40 steps: a pass that expires and is refunded (`tourpass.expired` after),
/// top-ups up to the cumulative cap (`topup.cumulative_limit`), and wrong passwords after a
/// `password` change up to the lock (`pay.password_locked`). Each plan starts with what the
/// current user lacks (a fresh international user, `verify`, `card visa`, a first top-up).
/// The breadth-first search never uses them: its moves stay one command each.
enum WalkBursts {
    /// A plan holds at most this many lines (a policy with a tiny `topup.max` and a huge
    /// `topup.total` offers no cap plan rather than a long one).
    static let maxLines = 16

    /// The plans the state allows, in a fixed order: expiry, cumulative cap, lock.
    static func offers(in session: Session) -> [[String]] {
        let world = session.world
        let policy = world.policy
        let now = world.now
        var ready: [String] = []
        var user: User? = session.currentUser.map { world[$0] }
        if let current = user, !current.signedUp || current.version != .international || current.pass.state == .expired {
            user = nil
        }
        if user == nil {
            guard let name = MoveText.freshName(in: world) else { return [] }
            ready.append("user " + name)
        }
        if !(user?.verified ?? false) { ready.append("verify") }
        if user?.cards.isEmpty ?? true { ready.append("card visa") }
        let min = policy.topupMin.fen, max = policy.topupMax.fen
        guard min <= max, max > 0 else { return [] }
        let pass = user?.pass
        let usable = pass.map { $0.state == .active && now < ($0.expiresAt ?? now) } ?? false
        let opened = usable ? ready : ready + ["topup " + MoveText.amount(min)]

        var plans: [[String]] = []
        // Expiry: the clock to the pass's end (exact when it is known, else a day past the
        // validity), then a payment the expired pass refuses.
        let untilEnd = usable ? pass.flatMap(\.expiresAt).map { MoveText.duration(from: now, to: $0) } : nil
        let advance = untilEnd ?? SimDuration.days(policy.passDays + 1).description
        plans.append(opened + ["advance " + advance, "pay 0.01 qr:cross"])

        // The cumulative cap: the largest top-ups while they fit, then one past the room.
        var room = policy.topupTotal.fen - (usable ? pass?.periodTopupFen ?? 0 : 0)
        var topups: [String] = usable ? [] : ["topup " + MoveText.amount(min)]
        if !usable { room -= min }
        while room >= max, topups.count < maxLines {
            topups.append("topup " + MoveText.amount(max))
            room -= max
        }
        let last = Swift.max(min, room + 1)
        if room >= 0, last <= max, ready.count + topups.count < maxLines {
            plans.append(ready + topups + ["topup " + MoveText.amount(last)])
        }

        // The lock: a new password, then wrong ones until payments lock, and the password
        // change the lock refuses.
        let attempts = policy.payAttempts
        if attempts >= 1, opened.count + attempts + 2 <= maxLines {
            let wrong = Array(repeating: "pay 0.01 qr:cross password:000000", count: attempts)
            plans.append(opened + ["password 135790"] + wrong + ["password 246810"])
        }
        return plans
    }
}
