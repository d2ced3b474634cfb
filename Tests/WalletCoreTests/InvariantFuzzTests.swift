import Testing
@testable import WalletCore

/// SplitMix64: a tiny seeded generator, so every run (and every failure) replays exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func percent(_ p: Int) -> Bool { below(100) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Random operation sequences over a few users, cards and merchants (replay one failure with
/// `var f = try Fuzzer(seed: S); f.run(steps: 60)`). After every step the
/// ledger's invariants must hold, and a failed operation must not have moved money.
struct Fuzzer {
    let seed: UInt64
    var rng: SplitMix64
    var world = World()
    var users: [UserID] = []
    var serial = 0
    /// The last few operations, to report with a failure.
    var history: [String] = []
    var worldCalls = 0
    var failure: String?
    /// New users stop being added past this many (the soak raises it).
    var maxUsers = 12
    /// What the operations did, so the test can show it explores (successes by verb, codes).
    var successes: [Substring: Int] = [:]
    var codes: [ErrorCode: Int] = [:]

    static let policyChanges: [(String, String)] = [
        ("topup.fee", "3%"), ("topup.fee", "5%"), ("topup.fee", "0%"), ("topup.fee", "100%"), ("topup.fee", "101%"),
        ("topup.fee", "2.5%"), ("topup.min", "50"), ("topup.min", "100"), ("topup.min", "0"), ("topup.max", "2000"),
        ("topup.max", "5000"), ("topup.total", "10000"), ("topup.total", "3000"), ("topup.total", "20000"),
        ("topup.count", "3"), ("topup.count", "none"), ("topup.count", "-1"), ("pass.days", "90"), ("pass.days", "1"),
        ("pass.days", "30"), ("pass.days", "0"), ("pay.unverified_daily", "1000"), ("pay.unverified_daily", "50"),
        ("pay.attempts", "5"), ("pay.attempts", "2"), ("pay.lock", "3h"), ("pay.lock", "0m"), ("register.lock", "1h"),
        ("register.attempts", "2"), ("verify.unsupported", "PH,AL,MA"), ("verify.unsupported", "none"),
        ("cards.international", "visa,mastercard,jcb,diners"), ("cards.international", "visa,amex,unionpay"),
        ("cards.international", "foo"), ("cards.domestic", "unionpay"), ("cards.domestic", "unionpay,visa"),
        ("fx.USD", "abc"), ("no.such.key", "1"), ("transfer.unverified_receive", "0"),
        ("transfer.unverified_receive", "300"), ("transfer.unverified_receive", "50"), ("topup.min", "3000"),
    ]
    static let oddAmounts = ["99.99", "100", "2000", "2000.01", "0.01", "10000", "1000", "1000.01", "0.10", "100.10",
                             "1.234", "0", "-5", "abc", "", "100000000.01", "99999999999999999999999"]
    static let merchantNames = ["cross-qr", "domestic-qr", "cafe", "noodles", "supplier", "pop-up", "market"]

    init(seed: UInt64) throws {
        self.seed = seed
        rng = SplitMix64(seed: seed)
        // Three international users and two domestic ones, most of them ready to pay.
        for (index, name) in ["ann", "ben", "cat", "dan", "eve"].enumerated() {
            let domestic = index >= 3
            let manual = rng.percent(8)
            let phone = domestic ? Phone.parse(Substring("+86-13900000\(100 + index)")) : nil
            let up = try world.signUp(SignUpRequest(name: name, phone: phone, nationality: rng.percent(5) ? "PH" : nil, manualSMS: manual))
            users.append(up.user)
            if manual { continue }
            prepare(up.user, domestic: domestic)
        }
    }

    /// Verifies most users and links a card for most, as someone getting ready to pay would.
    mutating func prepare(_ id: UserID, domestic: Bool) {
        if rng.percent(75) { _ = try? world.verify(user: id, VerifyRequest()) }
        if rng.percent(85) { _ = try? world.linkCard(user: id, CardRequest(number: cardNumber(domestic: domestic))) }
    }

    mutating func cardNumber(domestic: Bool) -> String {
        serial += 1
        switch rng.below(10) {
        case 0: return rng.pick([Cards.declined, Cards.unavailable, Cards.amex, "4111 1111 1111 1112", "1234"])
        case 1: return rng.pick([Cards.visa, Cards.mastercard, Cards.jcb, Cards.diners, Cards.unionpay])
        default:
            return domestic ? luhnNumber(prefix: "62", length: 16 + rng.below(4), serial: serial)
                            : luhnNumber(prefix: rng.pick(["45", "51", "3530"]), length: 16, serial: serial)
        }
    }

    mutating func amountText() -> String {
        switch rng.below(10) {
        case 0, 1: return rng.pick(Self.oddAmounts)
        case 2, 3, 4: return String(100 + rng.below(1_901))
        case 5, 6: return Money(fen: Int64(1 + rng.below(300_000))).plain
        default: return String(1 + rng.below(500))
        }
    }

    mutating func user() -> UserID { rng.pick(users) }

    mutating func merchant() -> MerchantID {
        world.merchant(named: rng.pick(Self.merchantNames)) ?? MerchantID(index: rng.below(world.merchants.count))
    }

    /// One random operation: its description and what it did (nil: succeeded).
    mutating func step() -> (String, ErrorCode?, parsed: Bool) {
        let who = user()
        let name = world[who].name
        func amount(_ text: String) -> Money? { if case .success(let m) = Money.parse(text) { m } else { nil } }
        switch rng.below(100) {
        case 0..<18:
            let text = amountText()
            let card: String? = rng.percent(25) ? rng.pick(["visa", "mastercard", "declined", "1111", "jcb"]) : nil
            guard let m = amount(text) else { return ("topup \(name) \(text) (rejected at parse)", nil, false) }
            return ("topup \(name) \(text) card:\(card ?? "-")", attempt { _ = try $0.topUp(user: who, amount: m, card: card) }, true)
        case 18..<40:
            let text = amountText()
            let shop = merchant()
            let password: String? = rng.percent(15) ? "000000" : (rng.percent(10) ? "123456" : nil)
            guard let m = amount(text) else { return ("pay \(name) \(text) (rejected at parse)", nil, false) }
            return ("pay \(name) \(text) \(world[shop].name) password:\(password ?? "-")",
                    attempt { _ = try $0.pay(user: who, amount: m, merchant: shop, password: password) }, true)
        case 40..<48:
            let paid = world[who].payments
            var shop = merchant()
            var text = amountText()
            if !paid.isEmpty && rng.percent(70) {
                let payment = rng.pick(paid)
                shop = payment.merchant
                let left = payment.amountFen - payment.refundedFen
                text = left > 0 && rng.percent(70) ? Money(fen: Int64(1 + rng.below(Int(left)))).plain : text
            }
            guard let m = amount(text) else { return ("refund \(name) \(text) (rejected at parse)", nil, false) }
            return ("refund \(name) \(text) \(world[shop].name)", attempt { _ = try $0.refund(user: who, amount: m, merchant: shop) }, true)
        case 48..<54:
            let to = user()
            let text = amountText()
            guard let m = amount(text) else { return ("transfer \(name) \(text) (rejected at parse)", nil, false) }
            return ("transfer \(name) \(text) to \(world[to].name)", attempt { _ = try $0.transfer(user: who, amount: m, to: to) }, true)
        case 54..<64:
            var target = world.now
            switch rng.below(7) {
            case 0: target = Instant(minutes: target.minutes + Int64(1 + rng.below(59)))
            case 1: target = Instant(minutes: target.minutes + Int64(60 * (1 + rng.below(24))))
            case 2, 3: target = Instant(minutes: target.minutes + Int64(1_440 * (1 + rng.below(100))))
            case 4: target = world.pendingEvents.first?.due ?? target                                     // exactly at an event
            case 5: target = Instant(minutes: max(target.minutes, (world.pendingEvents.first?.due.minutes ?? 0) - 1))
            default: if rng.percent(5) { target = Instant(minutes: Instant.latest.minutes + 1) }           // past the end
            }
            return ("advance to \(target)", attempt { _ = try $0.advance(to: target) }, true)
        case 64..<70:
            let domestic = world[who].version == .domestic
            let number = cardNumber(domestic: domestic)
            let expiry: CardExpiry? = rng.percent(15) ? CardExpiry(month: 1 + rng.below(12), year: 2026 + rng.below(2)) : nil
            let holder: String? = rng.percent(10) ? rng.pick(["WRONG NAME", String(repeating: "N", count: 33), name.lowercased()]) : nil
            let password: String? = rng.percent(20) ? "654321" : nil
            if rng.percent(30), let test = TestCard.named(rng.pick(TestCard.all.map(\.word))) {
                // a sandbox word: the user's own card of that kind
                return ("card \(name) \(test.word)", attempt { _ = try $0.linkCard(user: who, CardRequest(sandbox: test, expiry: expiry)) }, true)
            }
            return ("card \(name) \(number) exp:\(expiry?.description ?? "-") name:\(holder ?? "-")",
                    attempt { _ = try $0.linkCard(user: who, CardRequest(number: number, expiry: expiry, holderName: holder, password: password)) }, true)
        case 70..<74:
            let request = VerifyRequest(passport: rng.percent(10) ? "X1" : nil,
                                        expires: rng.percent(20) ? CivilDate(year: 2026, month: 1 + rng.below(4), day: 5) : nil,
                                        nationality: rng.percent(10) ? "MA" : nil, facePasses: !rng.percent(10))
            return ("verify \(name)", attempt { _ = try $0.verify(user: who, request) }, true)
        case 74..<78:
            return ("reactivate \(name)", attempt { try $0.reactivate(user: who) }, true)
        case 78..<84:
            let (key, value) = rng.pick(Self.policyChanges)
            return ("policy \(key) \(value)", attempt { try $0.setPolicy(key, to: Substring(value)) }, true)
        case 84..<87:
            let password = rng.pick(["123456", "654321", "000000"])
            return ("password \(name) \(password)", attempt { try $0.changePassword(user: who, to: password) }, true)
        case 87..<93:
            let right = world[who].smsCodeSent
            let entered = rng.percent(60) ? String(right) : String(1_000 + (right - 999) % 9_000)
            return ("sms \(name) \(entered)", attempt { _ = try $0.enterSMS(user: who, code: entered) }, true)
        case 93..<96:
            let shop = rng.pick(Self.merchantNames)
            let qr: QRKind = rng.percent(50) ? .cross : .domestic
            let credit = rng.percent(60)
            return ("merchant \(shop) \(qr) credit:\(credit)", attempt { _ = try $0.defineMerchant(name: shop, qr: qr, acceptsCredit: credit) }, true)
        default:
            let extra = "u\(users.count)"
            let domestic = rng.percent(40)
            let phone = domestic ? Phone.parse(Substring("+86-13700000\(100 + users.count)")) : nil
            let manual = rng.percent(30)
            let chosen = rng.percent(10) ? "ann" : extra   // sometimes a name that exists
            var id: UserID?
            let outcome = attempt { id = try $0.signUp(SignUpRequest(name: chosen, phone: phone, manualSMS: manual)).user }
            if let id, users.count < maxUsers { users.append(id) }
            return ("user \(extra) \(domestic ? "+86" : "intl")", outcome, true)
        }
    }

    /// Runs one operation on the world; nil when it succeeded.
    mutating func attempt(_ body: (inout World) throws -> Void) -> ErrorCode? {
        do { try body(&world); return nil } catch let error as WalletError { return error.code } catch {
            return ErrorCode.userNone   // never thrown by the core: reported as a failure by `run`
        }
    }

    /// Runs `count` steps, checking the invariants after each (unless `checked` is false, for
    /// a cheap replay); stops at the first failure. `observe` sees every step and its result.
    mutating func run(steps count: Int, checked: Bool = true, observe: (String, ErrorCode?) -> Void = { _, _ in }) {
        for stepIndex in 0..<count {
            let postingsBefore = world.ledger.postings.count
            let nowBefore = world.now
            let (description, failed, parsed) = step()
            observe(description, failed)
            if parsed { worldCalls += 1 }
            if let failed { codes[failed, default: 0] += 1 } else if parsed {
                successes[description.prefix { $0 != " " }, default: 0] += 1
            }
            history.append(description)
            if history.count > 8 { history.removeFirst() }
            guard checked else { continue }
            var problems = world.invariantViolations()
            if failed == .userNone { problems.append("an error that is not a WalletError") }
            if failed != nil && world.ledger.postings.count != postingsBefore {
                problems.append("\(failed!.rawValue) answered, but \(world.ledger.postings.count - postingsBefore) postings were made")
            }
            if world.ledger.postings.count < postingsBefore { problems.append("postings disappeared") }
            if world.now < nowBefore { problems.append("the clock went back") }
            for id in users where world[id].pass.state == .expired && world[id].pass.balanceFen != 0 {
                problems.append("\(world[id].name)'s expired pass holds money")
            }
            if !problems.isEmpty {
                failure = "seed \(seed) (0x\(String(seed, radix: 16))) step \(stepIndex): \(description) [\(failed?.rawValue ?? "ok")]\n"
                    + "  broken: \(problems.joined(separator: "; "))\n  last steps: \(history.joined(separator: " | "))"
                return
            }
        }
    }
}

@Suite struct InvariantFuzzTests {
    static let baseSeed: UInt64 = 0x7001_2026_0000_0000
    static let sequences = 2_000
    static let stepsPerSequence = 60

    @Test func invariantsHoldAfterEveryStep() throws {
        var operations = 0
        var failures: [String] = []
        var successes: [Substring: Int] = [:]
        var codes: [ErrorCode: Int] = [:]
        var expiryRefunds = 0, multiCardExpiries = 0
        for index in 0..<Self.sequences {
            var fuzzer = try Fuzzer(seed: Self.baseSeed &+ UInt64(index))
            fuzzer.run(steps: Self.stepsPerSequence)
            operations += fuzzer.worldCalls
            successes.merge(fuzzer.successes, uniquingKeysWith: +)
            codes.merge(fuzzer.codes, uniquingKeysWith: +)
            let refunds = fuzzer.world.ledger.postings.filter { $0.kind == .expiryRefund }
            expiryRefunds += refunds.count
            // Expiries that paid back more than one card (the order and the cap matter there).
            multiCardExpiries += Dictionary(grouping: refunds, by: \.at).values.filter { $0.count > 1 }.count
            if let failure = fuzzer.failure {
                failures.append(failure)
                if failures.count >= 3 { break }
            }
        }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        print("fuzz: \(operations) operations; successes \(successes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); "
              + "\(codes.count) distinct codes; \(expiryRefunds) expiry refunds, \(multiCardExpiries) over several cards")
        // The sequences really explore: money moves every way and most codes come up.
        // (Only meaningful for a full run: a failure stops early.)
        guard failures.isEmpty else { return }
        #expect(operations >= 100_000, "only \(operations) operations reached the world")
        for verb in ["topup", "pay", "refund", "transfer", "reactivate", "card", "verify", "advance", "policy", "sms", "user"] {
            #expect(successes[Substring(verb), default: 0] >= 100, "few successful \(verb)")
        }
        #expect(codes.count >= 40, "codes seen: \(codes.keys.map(\.rawValue).sorted())")
        for code in [ErrorCode.verifyLapsed, .transferReceiverLimit, .policyConflict, .cardAlreadyLinked] {
            #expect(codes[code, default: 0] >= 10, "few \(code.rawValue): the rules v2 paths are explored")
        }
        #expect(expiryRefunds >= 500 && multiCardExpiries >= 20)
    }

    /// The same seed replays the same world, byte for byte in what it reports.
    @Test func aSeedReplaysExactly() throws {
        func trace(_ seed: UInt64) throws -> [String] {
            var fuzzer = try Fuzzer(seed: seed)
            var lines: [String] = []
            for _ in 0..<200 {
                let (description, failed, _) = fuzzer.step()
                lines.append("\(description) \(failed?.rawValue ?? "ok") \(fuzzer.world.now) \(fuzzer.world.ledger.postings.count)")
            }
            return lines
        }
        let first = try trace(99), second = try trace(99), other = try trace(100)
        #expect(first == second)
        #expect(first != other)
    }
}
