import WalletCore

/// A seeded, deterministic mix of wallet operations for the benchmark: the same list can be
/// typed as command lines or called on the core directly, so the two can be compared.
public enum WorkloadOp: Sendable {
    case signUp(String)
    case verify
    case card(String)
    case topup(Int64)
    case pay(Int64, merchant: String)
    case advance(Int64)
    case balance
    case status

    /// The command line for this operation.
    public var line: String {
        switch self {
        case .signUp(let name): return "user " + Names.written(name)
        case .verify: return "verify"
        case .card(let number): return "card " + number
        case .topup(let fen): return "topup " + Money(fen: fen).plain
        case .pay(let fen, let merchant): return "pay " + Money(fen: fen).plain + " to:" + Names.written(merchant)
        case .advance(let minutes): return "advance " + SimDuration(minutes: minutes).description
        case .balance: return "balance"
        case .status: return "status"
        }
    }
}

public enum Workload {
    /// `count` operations: users that sign up, verify, link a card, top up, then pay, query
    /// and let time pass (passes expire along the way).
    public static func generate(count: Int, seed: UInt64 = 42) -> [WorkloadOp] {
        var random = SplitMix64(seed: seed)
        var ops: [WorkloadOp] = []
        ops.reserveCapacity(count)
        var userIndex = 0
        let merchants = ["cafe", "cross-qr"]
        while ops.count < count {
            userIndex += 1
            ops += [.signUp("u\(userIndex)"), .verify, .card(visaNumber(userIndex)), .topup(200_000)]
            for _ in 0..<(40 + Int(random.next() % 20)) {
                switch random.next() % 10 {
                case 0...5: ops.append(.pay(Int64(100 + random.next() % 900), merchant: merchants[Int(random.next() % 2)]))
                case 6: ops.append(.balance)
                case 7: ops.append(.status)
                case 8: ops.append(.advance(Int64(1 + random.next() % 180)))
                default: ops.append(.topup(10_000))
                }
            }
        }
        return Array(ops.prefix(count))
    }

    /// A Luhn-valid 16-digit Visa number unique to `index`.
    static func visaNumber(_ index: Int) -> String {
        let body = "4" + String(repeating: "0", count: 14 - String(index).count) + String(index)
        var digits = body.utf8.map { Int($0 - 48) }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 0 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        digits.append((10 - sum % 10) % 10)
        return digits.map(String.init).joined()
    }

    /// The same operations straight on the core, as an API user would call them.
    /// Returns how many failed (a pass may be empty or expired; that is part of the mix).
    public static func runDirect(_ ops: [WorkloadOp]) -> Int {
        var world = World()
        var user: UserID? = nil
        var failures = 0
        var sink = 0
        let merchantIDs = ["cafe": world.merchant(named: "cafe"), "cross-qr": world.merchant(named: "cross-qr")]
        for op in ops {
            do throws(WalletError) {
                switch op {
                case .signUp(let name): user = try world.signUp(SignUpRequest(name: name)).user
                case .verify: if let user { _ = try world.verify(user: user, VerifyRequest()) }
                case .card(let number): if let user { _ = try world.linkCard(user: user, CardRequest(number: number)) }
                case .topup(let fen): if let user { _ = try world.topUp(user: user, amount: Money(fen: fen)) }
                case .pay(let fen, let merchant):
                    if let user, let id = merchantIDs[merchant] ?? nil { _ = try world.pay(user: user, amount: Money(fen: fen), merchant: id) }
                case .advance(let minutes): sink &+= try world.advance(by: SimDuration(minutes: minutes)).count
                case .balance: if let user { sink &+= Int(world.balance(user: user).fen) }
                case .status: if let user { sink &+= world.passState(user: user) == .active ? 1 : 0 }
                }
            } catch {
                failures += 1
            }
        }
        return failures + (sink == Int.min ? 1 : 0)
    }

    /// The same operations as text through the interpreter. Returns how many failed.
    /// With `render`, every output value is also turned into text, as a REPL or a
    /// scenario with recorded output does.
    public static func runInterpreted(_ lines: [String], render: Bool = false) -> Int {
        var session = Session()
        var failures = 0
        var renderedBytes = 0
        for line in lines {
            switch session.run(line: line) {
            case .success(let outcome?):
                if outcome.error != nil { failures += 1 }
                if render { for output in outcome.lines { renderedBytes &+= output.text.utf8.count } }
            case .success(nil): break
            case .failure: failures += 1
            }
        }
        return failures + (renderedBytes < 0 ? 1 : 0)
    }
}

/// A small seeded generator (SplitMix64): the same seed, the same numbers, everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
