import WalletCore

/// The interpreter: a world, the current user, and the last command's result for `expect`.
/// A value, so the REPL can keep copies for `:undo`.
public struct Session: Sendable {
    public private(set) var world = World()
    public private(set) var currentUser: UserID? = nil
    /// The result of the last command that was not an assertion (nil before any).
    private(set) var lastResult: Result<Void, WalletError>? = nil
    /// Scratch space for the lexer, reused line after line.
    private var tokens: [Token] = []
    /// What each user tried, for `history`.
    private(set) var attempts = AttemptLog()

    public init() {}

    public var currentUserName: String? { currentUser.map { world[$0].name } }

    /// Runs one parsed command.
    public mutating func run(_ command: Command) -> Outcome {
        if case .expect(let assertion) = command { return check(assertion) }
        let actor = command.isAttempt ? currentUser : nil
        let journalStart = actor.map { world[$0].journal.total } ?? 0
        do throws(WalletError) {
            let outcome = try execute(command)
            lastResult = .success(())
            if command.isAttempt { recordAttempt(command, by: actor, from: journalStart, code: nil, outcome: outcome) }
            return outcome
        } catch {
            lastResult = .failure(error)
            if command.isAttempt { recordAttempt(command, by: actor, from: journalStart, code: error.code, outcome: nil) }
            return .failure(error)
        }
    }

    /// Keeps an attempt for the statement. A sign-up belongs to the user it created; a
    /// `user` line that only switched users, or failed before there was a user, is none.
    private mutating func recordAttempt(_ command: Command, by actor: UserID?, from start: Int, code: ErrorCode?, outcome: Outcome?) {
        var user = actor, start = start
        if case .user = command {
            guard case .signedUp? = outcome?.output.first, let created = currentUser else { return }
            (user, start) = (created, 0)
        }
        guard let user else { return }
        attempts.record(Attempt(command: command, at: world.now, code: code, journalStart: start,
                                journalEnd: world[user].journal.total), for: user)
    }

    /// Parses and runs one line; a line that does not parse gives its diagnostic.
    public mutating func run(line: String) -> Result<Outcome?, Diagnostic> {
        let parsed = CommandTable.parse(line, tokens: &tokens)
        tokens.removeAll(keepingCapacity: true)
        return parsed.map { command in command.map { run($0) } }
    }

    private func requireUser() throws(WalletError) -> UserID {
        guard let id = currentUser else { throw WalletError(.userNone, "no current user: start with `user NAME`") }
        return id
    }

    private mutating func execute(_ command: Command) throws(WalletError) -> Outcome {
        Outcome(output: try outputs(of: command))
    }

    /// Runs a command and says what happened as values; nothing here builds text.
    private mutating func outputs(of command: Command) throws(WalletError) -> [Output] {
        switch command {
        case .user(var request, let phone, let hasOptions):
            if let existing = world.user(named: request.name), !hasOptions {
                currentUser = existing
                return [.currentUser(request.name)]
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
            return [.signedUp(name: user.name, phone: user.phone, version: user.version),
                    .smsSent(code: signUp.smsCode, phone: user.phone, entered: signUp.codeEntered)]
        case .sms(let code):
            let id = try requireUser()
            _ = try world.enterSMS(user: id, code: code ?? String(world[id].smsCodeSent))
            return [.smsAccepted(world[id].name)]
        case .verify(let request):
            let id = try requireUser()
            let passport = try world.verify(user: id, request)
            return [.verified(name: world[id].name, passport: passport)]
        case .card(let request):
            let id = try requireUser()
            let link = try world.linkCard(user: id, request)
            let card = world[link.card]
            var output: [Output] = [.cardLinked(CardLabel(card), holder: card.holderName, expiry: card.expiry)]
            if link.passwordSet { output.append(.passwordSet) }
            if link.passwordIgnored { output.append(.passwordUnchanged) }
            return output
        case .topup(let amount, let selector):
            let id = try requireUser()
            let receipt = try world.topUp(user: id, amount: amount, card: selector)
            var output: [Output] = [.toppedUp(amount: receipt.amount, fee: receipt.fee, card: CardLabel(world[receipt.card]),
                                              fxUSDPer10k: world.policy.fxUSDPer10k)]
            if receipt.opened { output.append(.passOpened(until: receipt.expiresAt)) }
            output.append(.passBalance(receipt.balance))
            return output
        case .merchant(let name, let qr, let credit):
            let (id, created) = try world.defineMerchant(name: name, qr: qr, acceptsCredit: credit)
            return [.merchantDefined(name: name, qr: world[id].qr, credit: world[id].acceptsCredit, created: created)]
        case .pay(let amount, let target, let password):
            let id = try requireUser()
            let name = switch target {
            case .qr(let kind): Merchant.anonymousName(for: kind)
            case .merchant(let name): name
            }
            let receipt = try world.pay(user: id, amount: amount, merchant: world.lookUpMerchant(name), password: password)
            switch receipt.source {
            case .pass: return [.paid(amount: amount, merchant: name, from: nil, balance: receipt.passBalance)]
            case .card(let card): return [.paid(amount: amount, merchant: name, from: CardLabel(world[card]), balance: nil)]
            }
        case .refund(let amount, let from):
            let id = try requireUser()
            let receipt = try world.refund(user: id, amount: amount, merchant: world.lookUpMerchant(from))
            return [.refunded(merchant: from, amount: amount, toPass: receipt.toPass, passBalance: world.balance(user: id),
                              toCards: receipt.toCards.map { CardAmount(card: CardLabel(world[$0.card]), amount: $0.amount) })]
        case .transfer(let amount, let to):
            let id = try requireUser()
            let receiver = try world.lookUpUser(to)
            let receipt = try world.transfer(user: id, amount: amount, to: receiver)
            return [.transferred(amount: amount, to: world[receiver].maskedForSender, card: CardLabel(world[receipt.card]))]
        case .password(let password):
            try world.changePassword(user: try requireUser(), to: password)
            return [.passwordChanged]
        case .reactivate:
            let id = try requireUser()
            try world.reactivate(user: id)
            return [.reactivated(days: world.policy.passDays)]
        case .advance(let target):
            let fired = switch target {
            case .by(let span): try world.advance(by: span)
            case .to(let instant): try world.advance(to: instant)
            }
            return fired.map(event) + [.now(world.now)]
        case .policy(let key, let value):
            guard let key else { return [.text(Render.policy(world.policy))] }
            let before = try Policy.requireKey(key).read(world.policy)
            guard let value else { return [.policyValue(key: key, value: before, was: nil)] }
            try world.setPolicy(key, to: Substring(value))
            return [.policyValue(key: key, value: world.policy.value(of: key) ?? "?", was: before)]
        case .query(let query):
            return [try self.query(query)]
        case .history(let card, let since):
            let id = try requireUser()
            let selected = try card.map { (selector) throws(WalletError) in try world.selectCard(of: id, selector) }
            return [.text(StatementText.lines(Statement(user: id, world: world, attempts: attempts[id]), card: selected, since: since, world: world))]
        case .help(let name):
            return [.text(Help.lines(for: name))]
        case .expect:
            return []
        }
    }

    private func event(_ fired: FiredEvent) -> Output {
        switch fired.kind {
        case .passExpired(let id, let refunds, let left):
            return .passExpired(at: fired.at, user: world[id].name,
                                refunds: refunds.map { CardAmount(card: CardLabel(world[$0.card]), amount: $0.amount) }, left: left)
        case .paymentUnlocked(let id): return .paymentsUnlocked(at: fired.at, user: world[id].name)
        case .signupUnlocked(let id): return .signupUnlocked(at: fired.at, user: world[id].name)
        case .passportLapsed(let id): return .passportLapsed(at: fired.at, user: world[id].name)
        }
    }

    private func query(_ query: Query) throws(WalletError) -> Output {
        switch query {
        case .now: return .clock(world.now)
        case .users, .merchants: return .text(Render.listing(query, world: world))
        case .balance:
            let user = world[try requireUser()]
            return .balances(version: user.version, pass: PassSummary(user.pass), walletFen: user.walletFen)
        case .status:
            let user = world[try requireUser()]
            return .status(StatusSnapshot(
                name: user.name, phone: user.phone, version: user.version, nationality: user.nationality,
                signedUp: user.signedUp, signupLockedUntil: user.signupLockedUntil, passport: user.passport, lapsed: user.lapsed,
                cards: user.cards.map { CardLabel(world[$0]) }, pass: PassSummary(user.pass),
                periodTopups: user.pass.periodTopupCount, periodTopupFen: user.pass.periodTopupFen,
                topupTotal: world.policy.topupTotal, walletFen: user.walletFen,
                payLockedUntil: user.payLockedUntil, now: world.now))
        case .cards:
            return .text(Render.listing(query, world: world, user: try requireUser()))
        }
    }

    // MARK: assertions

    private func check(_ assertion: Assertion) -> Outcome {
        guard let problem = failure(of: assertion) else { return Outcome() }
        return Outcome(output: [.expectFailed(problem)], failedAssertion: problem)
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
        case .balance, .status, .fees, .verified, .charged, .refunded, .wallet:
            guard let id = currentUser else { return "no current user to check" }
            return failure(of: assertion, user: id)
        }
    }

    /// Assertions about the current user.
    private func failure(of assertion: Assertion, user id: UserID) -> String? {
        func compare<T: Equatable & CustomStringConvertible>(_ what: String, _ actual: T, _ expected: T) -> String? {
            actual == expected ? nil : "\(what) is \(actual), expected \(expected)"
        }
        func card(_ selector: String?) -> Result<CardID?, WalletError> {
            guard let selector else { return .success(nil) }
            do throws(WalletError) { return .success(try world.selectCard(of: id, selector)) } catch { return .failure(error) }
        }
        switch assertion {
        case .ok, .error, .now: return nil
        case .balance(let amount): return compare("the balance", world.balance(user: id), amount)
        case .wallet(let amount): return compare("the wallet balance", Money(fen: world[id].walletFen), amount)
        case .status(let state): return compare("the TourPass status", world.passState(user: id).rawValue, state.rawValue)
        case .fees(let amount): return compare("fees paid", world.fees(user: id), amount)
        case .verified(let yes): return compare("verified", world[id].verified ? "yes" : "no", yes ? "yes" : "no")
        case .charged(let amount, let selector):
            switch card(selector) {
            case .success(let card): return compare("charged", world.charged(user: id, card: card), amount)
            case .failure(let error): return error.message
            }
        case .refunded(let amount, let selector):
            switch card(selector) {
            case .success(let card): return compare("refunded", world.refunded(user: id, card: card), amount)
            case .failure(let error): return error.message
            }
        }
    }
}

extension PassSummary {
    init(_ pass: TourPass) {
        self.init(state: pass.state, balance: Money(fen: pass.balanceFen), expiresAt: pass.expiresAt)
    }
}
