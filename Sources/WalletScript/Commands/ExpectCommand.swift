import WalletCore

/// `expect …`: an assertion about the previous command or the world.
struct ExpectCommand: Command {
    let assertion: Assertion
    var role: CommandRole { .assertion }

    /// Each kind of assertion once: its word, its usage, what completion offers after it,
    /// and its parser. The usage line and completion are built from this list.
    static let kinds: [AssertionKind] = [
        AssertionKind("ok", "ok") { (_) throws(Diagnostic) in .ok },
        AssertionKind("error", "error CODE", values: ErrorCode.allCases.map(\.rawValue)) { (r) throws(Diagnostic) in
            let token = try r.positional("an error CODE")
            let typed = r.text(token)
            guard let code = ErrorCode(rawValue: typed) else {
                let hint = didYouMean(typed, in: ErrorCode.allCases.map(\.rawValue))
                throw r.error("unknown error code '\(typed)'\(hint)", at: token.offset)
            }
            return .error(code)
        },
        AssertionKind("balance", "balance AMOUNT") { (r) throws(Diagnostic) in .balance(try r.amount(r.positional("an AMOUNT"), allowZero: true)) },
        AssertionKind("status", "status none|active|expired", values: states.map(\.0)) { (r) throws(Diagnostic) in
            .status(try r.choice(r.positional("none, active or expired"), states))
        },
        AssertionKind("charged", "charged AMOUNT [card:C]") { (r) throws(Diagnostic) in
            .charged(try r.amount(r.positional("an AMOUNT"), allowZero: true), card: try r.option("card").map { r.text($0) })
        },
        AssertionKind("refunded", "refunded AMOUNT [card:C]") { (r) throws(Diagnostic) in
            .refunded(try r.amount(r.positional("an AMOUNT"), allowZero: true), card: try r.option("card").map { r.text($0) })
        },
        AssertionKind("fees", "fees AMOUNT") { (r) throws(Diagnostic) in .fees(try r.amount(r.positional("an AMOUNT"), allowZero: true)) },
        AssertionKind("verified", "verified yes|no", values: Choices.yesNo.map(\.0)) { (r) throws(Diagnostic) in
            .verified(try r.choice(r.positional("yes or no"), Choices.yesNo))
        },
        AssertionKind("now", "now DATE [HH:MM]") { (r) throws(Diagnostic) in
            let date = try r.positional("a DATE")
            var text = r.text(date)
            if let time = r.optionalPositional() { text += " " + r.text(time) }
            guard let instant = Instant.parse(Substring(text)) else {
                throw r.error("not a date or time (expected YYYY-MM-DD [HH:MM]): \(text)", at: date.offset)
            }
            return .now(instant)
        },
        AssertionKind("wallet", "wallet AMOUNT") { (r) throws(Diagnostic) in .wallet(try r.amount(r.positional("an AMOUNT"), allowZero: true)) },
    ]

    static let states: [(String, PassState)] = [("none", .none), ("active", .active), ("expired", .expired)]

    static let spec = CommandSpec(
        rank: 230, name: "expect", usage: "expect " + kinds.map(\.usage).joined(separator: " | "),
        summary: "assert an outcome; a failed assertion fails the scenario",
        // In context: each assertion looks at the line before it.
        examples: ["pay 38.50 qr:cross", "expect ok", "expect balance 461.50", "expect charged 525 card:visa", "expect fees 25",
                   "pay 20 qr:domestic", "expect error pay.domestic_qr", "advance 91d", "expect status expired",
                   "expect refunded 461.50 card:visa", "expect now 2026-04-02 00:00", "expect verified yes", "expect wallet 0"],
        exampleSetup: ["user alice", "verify", "card visa", "topup 500"],
        options: [OptionSpec("card", dynamic: .cards)], positionalValues: kinds.map(\.word),
        laterPositionals: { typed, _ in
            guard typed.count == 1 else { return [] }
            return kinds.first { $0.word == typed[0] }?.values ?? []
        },
        moreHelp: { codesByCommand })

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> ExpectCommand {
        let words = kinds.map(\.word)
        let token = try r.positional("what to check (\(words.joined(separator: ", ")))")
        let typed = r.text(token)
        guard let kind = kinds.first(where: { $0.word == typed }) else {
            let hint = didYouMean(typed, in: words)
            throw r.error("expect cannot check '\(typed)'\(hint)", at: token.offset)
        }
        return ExpectCommand(assertion: try kind.parse(&r))
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        guard let problem = ExpectCommand.failure(of: assertion, in: session) else { return .empty }
        return .one(ExpectFailed(problem: problem))
    }

    /// What is wrong, or nil when the assertion holds. Every kind is named: a new one does
    /// not compile until it is checked here.
    static func failure(of assertion: Assertion, in session: Session) -> String? {
        func compare<T: Equatable & CustomStringConvertible>(_ what: String, _ actual: T, _ expected: T) -> String? {
            actual == expected ? nil : "\(what) is \(actual), expected \(expected)"
        }
        let world = session.world
        switch assertion {
        case .ok:
            switch session.lastResult {
            case nil: return "no command ran before `expect ok`"
            case .success: return nil
            case .failure(let error): return "the previous command failed with \(error.code.rawValue): \(error.message)"
            }
        case .error(let code):
            switch session.lastResult {
            case nil: return "no command ran before `expect error`"
            case .success: return "expected error \(code.rawValue), but the previous command succeeded"
            case .failure(let error): return error.code == code ? nil : "expected error \(code.rawValue), got \(error.code.rawValue): \(error.message)"
            }
        case .now(let instant):
            return compare("the clock", world.now, instant)
        case .balance(let amount):
            guard let id = session.currentUser else { return noUser }
            return compare("the balance", world.balance(user: id), amount)
        case .status(let state):
            guard let id = session.currentUser else { return noUser }
            return compare("the TourPass status", world.passState(user: id).rawValue, state.rawValue)
        case .wallet(let amount):
            guard let id = session.currentUser else { return noUser }
            return compare("the wallet balance", Money(fen: world[id].walletFen), amount)
        case .fees(let amount):
            guard let id = session.currentUser else { return noUser }
            return compare("fees paid", world.fees(user: id), amount)
        case .verified(let yes):
            guard let id = session.currentUser else { return noUser }
            return compare("verified", world[id].verified ? "yes" : "no", yes ? "yes" : "no")
        case .charged(let amount, let selector), .refunded(let amount, let selector):
            guard let id = session.currentUser else { return noUser }
            var card: CardID? = nil
            if let selector {
                do throws(WalletError) { card = try world.selectCard(of: id, selector) } catch { return error.message }
            }
            if case .charged = assertion { return compare("charged", world.charged(user: id, card: card), amount) }
            return compare("refunded", world.refunded(user: id, card: card), amount)
        }
    }

    static let noUser = "no current user to check"

    /// `help expect`: the codes grouped by the command (or family) that answers them.
    static var codesByCommand: [String] {
        var groups: [(String, [String])] = []
        for code in ErrorCode.allCases {
            let owner = RuleBook.rules(answering: code).first?.command ?? String(code.rawValue.prefix { $0 != "." })
            if let index = groups.firstIndex(where: { $0.0 == owner }) { groups[index].1.append(code.rawValue) }
            else { groups.append((owner, [code.rawValue])) }
        }
        let width = groups.map(\.0.count).max() ?? 0
        return ["error codes (help CODE for one):"] + groups.map { "  " + Layout.pad($0.0, width) + "  " + $0.1.joined(separator: " ") }
    }
}

public enum Assertion: Sendable, Equatable {
    case ok
    case error(ErrorCode)
    case balance(Money)
    case status(PassState)
    case charged(Money, card: String?)
    case refunded(Money, card: String?)
    case fees(Money)
    case verified(Bool)
    case now(Instant)
    case wallet(Money)
}

extension Assertion {
    /// The parts of the state it reads: the cone `explore` searches for a state target.
    var reads: Set<StatePart> {
        switch self {
        case .balance: return [.passBalance, .wallet]
        case .wallet: return [.wallet]
        case .status: return [.passPeriod]
        case .charged, .refunded, .fees: return [.cardMoney, .cards]
        case .verified: return [.verification]
        case .now: return [.clock]
        case .ok, .error: return []
        }
    }
}

struct AssertionKind: Sendable {
    let word: String
    let usage: String
    /// What completion offers after the word.
    let values: [String]
    let parse: @Sendable (inout ArgReader) throws(Diagnostic) -> Assertion

    init(_ word: String, _ usage: String, values: [String] = [], parse: @escaping @Sendable (inout ArgReader) throws(Diagnostic) -> Assertion) {
        self.word = word
        self.usage = usage
        self.values = values
        self.parse = parse
    }
}

/// A failed assertion, shown as `expect failed: …`.
struct ExpectFailed: OutputValue {
    let problem: String
    var lines: [OutputLine] { [OutputLine(.error, "expect failed: \(problem)")] }
}
