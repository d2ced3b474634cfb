import WalletCore

/// `pay AMOUNT (qr:… | to:MERCHANT) [password:…]`: pay a merchant.
struct PayCommand: Command {
    let amount: Money
    let target: PayTarget
    let password: String?

    static let spec = CommandSpec(
        rank: 80, name: "pay", usage: "pay AMOUNT (qr:cross|qr:domestic | to:MERCHANT) [password:NNNNNN]",
        summary: "pay a merchant; qr: pays an anonymous merchant with that kind of code",
        examples: ["pay 38.50 qr:cross", "pay 12 to:cafe", "pay 15 to:\"Li's Noodles\"", "pay 100 to:cafe password:000000  # fails: pay.wrong_password"], exampleSetup: ["user alice", "verify", "card visa", "topup 500", "merchant \"Li's Noodles\""],
        options: [OptionSpec("qr", Choices.qrKinds.map(\.0), excludes: ["to"]), OptionSpec("to", dynamic: .merchants, excludes: ["qr"]),
                  OptionSpec("password")])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> PayCommand {
        let amount = try r.amount(r.positional("an AMOUNT"))
        let qr = try r.option("qr")
        let to = try r.option("to")
        let target: PayTarget
        switch (qr, to) {
        case (let qr?, nil): target = .qr(try r.choice(qr, Choices.qrKinds))
        case (nil, let to?): target = .merchant(try r.name(to, of: "merchant"))
        case (_?, let to?): throw r.error("pay takes `qr:` or `to:`, not both", at: to.offset)
        case (nil, nil): throw r.error("pay needs `qr:cross`, `qr:domestic` or `to:MERCHANT`")
        }
        // Not `.map { r.password($0) }`: a closure capturing the reader copies it.
        var password: String? = nil
        if let typed = try r.option("password") { password = try r.password(typed) }
        return PayCommand(amount: amount, target: target, password: password)
    }

    var merchantName: String {
        switch target {
        case .qr(let kind): return Merchant.anonymousName(for: kind)
        case .merchant(let name): return name
        }
    }

    var isAttempt: Bool { true }
    var statementText: String? { PayCommand.statementText(amount, target) }
    var attemptCommand: AttemptCommand {
        switch target {
        case .qr(let kind): .pay(amount, .qr(kind))
        case .merchant: .payToNamed(amount)
        }
    }

    static func statementText(_ amount: Money, _ target: PayTarget) -> String {
        switch target {
        case .qr(let kind): return "pay \(Attempt.typed(amount)) qr:\(kind == .cross ? "cross" : "domestic")"
        case .merchant(let name): return "pay \(Attempt.typed(amount)) to:\(Names.written(name))"
        }
    }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        let list = session.world[id].version == .international ? PayRules.international : PayRules.domestic
        let name = merchantName
        let input = PayInput(user: id, amount: amount, merchant: session.world.merchant(named: name), merchantName: name, password: password)
        return list.explanation(session.world, input, failedRule: failedRule)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        let name = merchantName
        // A merchant named lately is found without hashing its name (`MerchantMemo`); an
        // unknown one goes by name, for the rules to refuse as before.
        let receipt = if let merchant = session.merchantMemo.merchant(named: name, in: session.world) {
            try PayCommand.pay(&session.world, user: id, amount: amount, merchant: merchant, password: password)
        } else {
            try session.world.pay(user: id, amount: amount, merchantNamed: name, password: password)
        }
        switch receipt.source {
        case .pass: return .inline(.paid(Paid(amount: amount, merchant: name, from: nil, balance: receipt.passBalance)))
        case .card(let card): return .inline(.paid(Paid(amount: amount, merchant: name, from: CardLabel(card, in: session.world), balance: nil)))
        }
    }

    /// Out of line: inlined here, the password's copy into the payment's input went through
    /// `String?`'s generic value witness (90 instructions a payment).
    @inline(never)
    private static func pay(_ world: inout World, user: UserID, amount: Money, merchant: MerchantID, password: String?) throws(WalletError) -> PaymentReceipt {
        try world.pay(user: user, amount: amount, merchant: merchant, password: password)
    }

    struct Paid: InfoLine {
        let amount: Money
        let merchant: String
        let from: CardLabel?
        let balance: Money?
        var text: String {
            if let from { return "paid \(amount) to \(merchant) from \(from)" }
            return "paid \(amount) to \(merchant) from TourPass; balance \(balance ?? .zero)"
        }
    }
}

public enum PayTarget: Sendable, Equatable {
    case qr(QRKind)
    case merchant(String)
}

extension PayCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "pay",
        effects: [Effect(writes: [.passBalance, .payments, .cardMoney, .dailyPaid, .merchants, .password],
                         reads: [.registration, .verification, .merchants, .passPeriod, .passBalance, .password, .cards, .dailyPaid, .clock])],
        answers: MoveSource.signUpNeeded.union([.merchantUnknown, .payDomesticQR, .payNoPaymentMethod, .verifyLapsed, .tourpassExpired, .payWrongPassword,
                                     .payPasswordLocked, .payInsufficientBalance, .payDailyLimit, .topupCardDeclined, .cardExpired,
                                     .moneyOverflow]),
        offer: { c, moves in
            guard let (id, user) = c.active else {
                if c.current == nil { moves.append("pay 0.01 qr:cross") }
                return
            }
            let world = c.world
            let wrong = "password:" + MoveText.wrongPassword(for: id, in: world)
            if user.version == .international {
                if user.pass.state == .active && world.now < (user.pass.expiresAt ?? world.now) {
                    let balance = user.pass.balanceFen
                    if balance > 0 { moves.append("pay \(MoveText.amount(balance)) qr:cross") }
                    if balance > 1 { moves.append("pay 0.01 qr:cross") }
                    moves.append("pay \(MoveText.amount(balance + 1)) qr:cross")
                    moves.append("pay 0.01 qr:cross " + wrong)
                } else {
                    moves.append("pay 0.01 qr:cross")
                }
                if user.cards.isEmpty {
                    moves.append("pay 0.01 qr:domestic")
                    moves.append("pay 0.01 to:supplier")
                    moves.append("pay 0.01 to:nowhere")
                }
            } else if !user.cards.isEmpty {
                if user.verified {
                    moves.append("pay 0.01 qr:cross")
                } else {
                    let room = world.policy.payUnverifiedDaily.fen - world.paidToday(user: id).fen
                    if room > 0 { moves.append("pay \(MoveText.amount(room)) qr:cross") }
                    moves.append("pay \(MoveText.amount(room + 1)) qr:cross")
                }
                moves.append("pay 0.01 qr:cross " + wrong)
            } else {
                moves.append("pay 0.01 qr:cross")
                moves.append("pay 0.01 to:nowhere")
            }
        })
}
