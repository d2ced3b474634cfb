import WalletCore

/// The interpreter: a world, the current user, and the last command's result for `expect`.
/// A value, so the REPL can keep copies for `:undo`.
public struct Session: Sendable {
    public private(set) var world = World()
    public private(set) var currentUser: UserID? = nil
    /// The result of the last command that was not an assertion (nil before any).
    private(set) var lastResult: Result<Void, WalletError>? = nil

    public init() {}

    public var currentUserName: String? { currentUser.map { world[$0].name } }

    /// Runs one parsed command.
    public mutating func run(_ command: Command) -> Outcome {
        if case .expect(let assertion) = command { return check(assertion) }
        do throws(WalletError) {
            let outcome = try execute(command)
            lastResult = .success(())
            return outcome
        } catch {
            lastResult = .failure(error)
            return .failure(error)
        }
    }

    /// Parses and runs one line; a line that does not parse gives its diagnostic.
    public mutating func run(line: String) -> Result<Outcome?, Diagnostic> {
        CommandTable.parse(line).map { command in command.map { run($0) } }
    }

    private func requireUser() throws(WalletError) -> UserID {
        guard let id = currentUser else { throw WalletError(.userNone, "no current user: start with `user NAME`") }
        return id
    }

    private mutating func execute(_ command: Command) throws(WalletError) -> Outcome {
        switch command {
        case .user(var request, let phone, let hasOptions):
            if let existing = world.user(named: request.name), !hasOptions {
                currentUser = existing
                return .info("current user: \(request.name)")
            }
            if let phone {
                guard let parsed = Phone.parse(Substring(phone)) else {
                    throw WalletError(.registerPhoneInvalid, "a phone is +CC-NUMBER with 1 to 3 digits of country code and 4 to 14 of number, e.g. +44-7700900123")
                }
                request.phone = parsed
            }
            let signUp = try world.signUp(request)
            currentUser = signUp.user
            let user = world[signUp.user]
            let code = signUp.codeEntered
                ? "SMS code \(signUp.smsCode) sent to \(user.phone) and entered"
                : "SMS code \(signUp.smsCode) sent to \(user.phone); enter it with: sms CODE"
            return .info("\(user.name) signed up with \(user.phone) (\(user.version.label) version)", code)
        case .sms(let code):
            let id = try requireUser()
            _ = try world.enterSMS(user: id, code: code)
            return .info("SMS code accepted: \(world[id].name) is signed up")
        case .verify(let request):
            let id = try requireUser()
            let passport = try world.verify(user: id, request)
            return .info("\(world[id].name) verified: passport \(passport.number) (\(passport.nationality), expires \(passport.expires)), name \(passport.holderName)")
        case .card(let request):
            let id = try requireUser()
            let link = try world.linkCard(user: id, request)
            let card = world[link.card]
            var outcome = Outcome.info("linked \(card.masked) (\(card.holderName), expires \(card.expiry))")
            if link.passwordSet { outcome.lines.append(OutputLine(.info, "payment password set")) }
            if link.passwordIgnored {
                outcome.lines.append(OutputLine(.info, "payment password unchanged: it was set with the first card (change it with `password`)"))
            }
            return outcome
        case .topup(let amount, let selector):
            let id = try requireUser()
            let receipt = try world.topUp(user: id, amount: amount, card: selector)
            let charged = Money(fen: receipt.amount.fen + receipt.fee.fen)
            var outcome = Outcome.info("topped up \(receipt.amount) from \(world[receipt.card].masked): charged \(charged) (about \(world.policy.usd(charged))) including a \(receipt.fee) fee")
            if receipt.opened { outcome.lines.append(OutputLine(.info, "TourPass opened, valid until \(receipt.expiresAt)")) }
            outcome.lines.append(OutputLine(.info, "TourPass balance \(receipt.balance)"))
            return outcome
        case .merchant(let name, let qr, let credit):
            let (_, created) = try world.defineMerchant(name: name, qr: qr, acceptsCredit: credit)
            return .info("merchant \(name) \(created ? "defined" : "updated"): \(Render.merchantTerms(qr: qr, credit: credit))")
        case .pay(let amount, let target, let password):
            let id = try requireUser()
            let name = switch target {
            case .qr(let kind): Merchant.anonymousName(for: kind)
            case .merchant(let name): name
            }
            let receipt = try world.pay(user: id, amount: amount, merchant: world.lookUpMerchant(name), password: password)
            switch receipt.source {
            case .pass: return .info("paid \(amount) to \(name) from TourPass; balance \(receipt.passBalance ?? .zero)")
            case .card(let card): return .info("paid \(amount) to \(name) from \(world[card].masked)")
            }
        case .refund(let amount, let from):
            let id = try requireUser()
            let receipt = try world.refund(user: id, amount: amount, merchant: world.lookUpMerchant(from))
            var parts: [String] = []
            if receipt.toPass.fen > 0 { parts.append("\(receipt.toPass) to TourPass (balance \(world.balance(user: id)))") }
            parts += receipt.toCards.map { "\($0.amount) to \(world[$0.card].masked)" }
            return .info("\(from) refunded \(amount): " + parts.joined(separator: ", "))
        case .transfer(let amount, let to):
            let id = try requireUser()
            let receiver = try world.lookUpUser(to)
            let receipt = try world.transfer(user: id, amount: amount, to: receiver)
            return .info("sent \(amount) to \(to) (\(world[receiver].phone)) from \(world[receipt.card].masked)")
        case .password(let password):
            try world.changePassword(user: try requireUser(), to: password)
            return .info("payment password changed")
        case .reactivate:
            let id = try requireUser()
            try world.reactivate(user: id)
            return .info("TourPass reactivated: the next top-up opens a new \(world.policy.passDays)-day period")
        case .advance(let target):
            let fired = switch target {
            case .by(let span): try world.advance(by: span)
            case .to(let instant): try world.advance(to: instant)
            }
            var outcome = Outcome(lines: fired.map { OutputLine(.event, Render.event($0, in: world)) })
            outcome.lines.append(OutputLine(.info, "now \(world.now)"))
            return outcome
        case .policy(let key, let value):
            guard let key else { return Outcome(lines: Render.policy(world.policy).map { OutputLine(.info, $0) }) }
            guard Policy.key(named: key) != nil else {
                let hint = nearest(to: key, in: Policy.keys.map(\.name)).map { "; did you mean '\($0)'?" } ?? "; type policy for the list"
                throw WalletError(.policyUnknownKey, "no policy key '\(key)'\(hint)")
            }
            guard let value else { return .info("\(key) = \(world.policy.value(of: key) ?? "?")") }
            let before = world.policy.value(of: key) ?? "?"
            try world.setPolicy(key, to: Substring(value))
            return .info("\(key) = \(world.policy.value(of: key) ?? "?") (was \(before))")
        case .query(let query):
            return Outcome(lines: try Render.query(query, world: world, user: query.needsUser ? requireUser() : currentUser).map { OutputLine(.info, $0) })
        case .help(let name):
            return Outcome(lines: Help.lines(for: name).map { OutputLine(.info, $0) })
        case .expect:
            return Outcome()
        }
    }

    // MARK: assertions

    private func check(_ assertion: Assertion) -> Outcome {
        guard let problem = failure(of: assertion) else { return Outcome() }
        return Outcome(lines: [OutputLine(.error, "expect failed: \(problem)")], failedAssertion: problem)
    }

    private func failure(of assertion: Assertion) -> String? {
        func compare<T: Equatable & CustomStringConvertible>(_ what: String, _ actual: T, _ expected: T) -> String? {
            actual == expected ? nil : "\(what) is \(actual), expected \(expected)"
        }
        switch assertion {
        case .ok:
            switch lastResult {
            case nil: return "no command ran before `expect ok`"
            case .success: return nil
            case .failure(let error): return "the previous command failed with \(error.code.rawValue): \(error.message)"
            }
        case .error(let code):
            switch lastResult {
            case nil: return "no command ran before `expect error`"
            case .success: return "expected error \(code.rawValue), but the previous command succeeded"
            case .failure(let error): return error.code == code ? nil : "expected error \(code.rawValue), got \(error.code.rawValue): \(error.message)"
            }
        case .now(let instant):
            return compare("the clock", world.now, instant)
        default:
            guard let id = currentUser else { return "no current user to check" }
            switch assertion {
            case .balance(let amount): return compare("the balance", world.balance(user: id), amount)
            case .status(let state): return compare("the TourPass status", world.passState(user: id).rawValue, state.rawValue)
            case .fees(let amount): return compare("fees paid", world.fees(user: id), amount)
            case .verified(let yes): return compare("verified", world[id].verified ? "yes" : "no", yes ? "yes" : "no")
            case .charged(let amount, let selector), .refunded(let amount, let selector):
                var card: CardID? = nil
                if let selector {
                    do throws(WalletError) { card = try world.selectCard(of: id, selector) } catch { return error.message }
                }
                if case .charged = assertion { return compare("charged", world.charged(user: id, card: card), amount) }
                return compare("refunded", world.refunded(user: id, card: card), amount)
            default: return nil
            }
        }
    }
}

extension Query {
    var needsUser: Bool { self == .balance || self == .status || self == .history || self == .cards }
}
