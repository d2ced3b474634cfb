import WalletCore

extension CommandTable {
    static let money: [CommandSpec] = [
        CommandSpec(
            name: "topup", aliases: ["top-up"], usage: "topup AMOUNT [card:BRAND|LAST4]",
            summary: "top up the TourPass from a linked card (opens it on first use); 5% fee on top",
            examples: ["topup 500", "topup 2000 card:mastercard", "topup 100 card:1111"],
            options: [OptionSpec("card", dynamic: .cards)], positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                let amount = try r.amount(r.positional("an AMOUNT"))
                return .topup(amount, card: try r.option("card").map { String($0.text) })
            }),
        CommandSpec(
            name: "pay", aliases: [], usage: "pay AMOUNT (qr:cross|qr:domestic | to:MERCHANT) [password:NNNNNN]",
            summary: "pay a merchant; qr: pays an anonymous merchant with that kind of code",
            examples: ["pay 38.50 qr:cross", "pay 12 to:cafe", "pay 15 to:\"Li's Noodles\"", "pay 100 to:supplier password:000000"],
            options: [OptionSpec("qr", ["cross", "domestic"]), OptionSpec("to", dynamic: .merchants), OptionSpec("password")],
            positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                let amount = try r.amount(r.positional("an AMOUNT"))
                let qr = try r.option("qr")
                let to = try r.option("to")
                let target: PayTarget
                switch (qr, to) {
                case (let qr?, nil): target = .qr(try r.choice(qr, CommandTable.qrKinds))
                case (nil, let to?): target = .merchant(try r.name(to, of: "merchant"))
                case (_?, let to?): throw r.error("pay takes qr: or to:, not both", at: to.offset)
                case (nil, nil): throw r.error("pay needs qr:cross, qr:domestic or to:MERCHANT")
                }
                let password = try r.option("password").map { (t) throws(Diagnostic) in try r.password(t) }
                return .pay(amount, to: target, password: password)
            }),
        CommandSpec(
            name: "refund", aliases: [], usage: "refund AMOUNT from:MERCHANT",
            summary: "the merchant refunds part or all of what the current user paid it",
            examples: ["refund 20 from:cafe"], options: [OptionSpec("from", dynamic: .merchants)],
            positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                let amount = try r.amount(r.positional("an AMOUNT"))
                guard let from = try r.option("from") else { throw r.error("refund needs from:MERCHANT") }
                return .refund(amount, from: try r.name(from, of: "merchant"))
            }),
        CommandSpec(
            name: "transfer", aliases: ["send"], usage: "transfer AMOUNT to:USER",
            summary: "send money to another user's wallet (domestic version only; not a payment: no password)",
            examples: ["transfer 200 to:alice", "transfer 10 to:\"Mary Ann\""], options: [OptionSpec("to", dynamic: .users)],
            positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                let amount = try r.amount(r.positional("an AMOUNT"))
                guard let to = try r.option("to") else { throw r.error("transfer needs to:USER") }
                return .transfer(amount, to: try r.name(to, of: "user"))
            }),
        CommandSpec(
            name: "reactivate", aliases: [], usage: "reactivate",
            summary: "reactivate an expired TourPass: its next top-up opens a new period",
            examples: ["reactivate"], options: [], positionalValues: [], positionalDynamic: nil,
            parse: { (_) throws(Diagnostic) in .reactivate }),
        CommandSpec(
            name: "policy", aliases: [], usage: "policy [KEY VALUE]",
            summary: "show the policy, or change one value",
            examples: ["policy", "policy topup.fee 3%", "policy pass.days 30", "policy topup.count 3"],
            options: [], positionalValues: [], positionalDynamic: .policyKeys,
            parse: { (r) throws(Diagnostic) in
                guard let key = r.optionalPositional() else { return .policy(key: nil, value: nil) }
                // An unknown key is checked when it runs: `policy.unknown_key`.
                let name = String(key.text)
                guard let value = r.optionalPositional() else { return .policy(key: name, value: nil) }
                return .policy(key: name, value: String(value.text))
            }),
    ]

    static let clockAndQueries: [CommandSpec] = [
        CommandSpec(
            name: "advance", aliases: ["wait"], usage: "advance DURATION | advance to:DATE",
            summary: "move the simulated clock, firing every event due on the way",
            examples: ["advance 91d", "advance 1d12h", "advance to:2026-04-01", "advance to:\"2026-04-01 09:30\""],
            options: [OptionSpec("to")], positionalValues: ["1d", "90d", "91d", "1h", "30m", "2w"], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                if let to = try r.option("to") {
                    // `advance to:2026-04-01 09:30` works unquoted too: the time is the next word.
                    if !to.text.contains(" "), let time = r.optionalPositional() {
                        let combined = Token(key: "to", text: to.textString + " " + time.textString, offset: to.offset, valueOffset: to.valueOffset)
                        return .advance(.to(try r.instant(combined)))
                    }
                    return .advance(.to(try r.instant(to)))
                }
                return .advance(.by(try r.duration(r.positional("a DURATION (91d, 12h, 30m, 2w, 1d12h) or to:DATE"))))
            }),
    ] + Query.allCases.map { query in
        CommandSpec(
            name: query.rawValue, aliases: [], usage: query.rawValue, summary: query.summary,
            examples: [query.rawValue], options: [], positionalValues: [], positionalDynamic: nil,
            parse: { (_) throws(Diagnostic) in .query(query) })
    } + [
        CommandSpec(
            name: "history", aliases: ["statement"], usage: "history [card:BRAND|LAST4] [since:DATE]",
            summary: "the current user's statement: every attempt (failed ones with their code), every event, running balances",
            examples: ["history", "history card:visa", "history since:2026-03-01", "history card:1111 since:\"2026-03-01 09:30\""],
            options: [OptionSpec("card", dynamic: .cards), OptionSpec("since")], positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                let card = try r.option("card").map { String($0.text) }
                let since = try r.option("since").map { (t) throws(Diagnostic) in try r.instant(t) }
                return .history(card: card, since: since)
            }),
        CommandSpec(
            name: "help", aliases: [], usage: "help [COMMAND]", summary: "list the commands, or explain one",
            examples: ["help", "help pay"], options: [], positionalValues: [], positionalDynamic: .commands,
            parse: { (r) throws(Diagnostic) in
                guard let token = r.optionalPositional() else { return .help(nil) }
                let name = String(token.text)
                guard CommandTable.spec(named: name) != nil || MetaCommand.names.contains(name) else {
                    let hint = didYouMean(name, in: CommandTable.namesAndAliases)
                    throw r.error("no command '\(name)'\(hint)", at: token.offset)
                }
                return .help(name)
            }),
    ]
}

extension Query {
    var summary: String {
        switch self {
        case .balance: return "the current user's TourPass and wallet balances"
        case .status: return "the current user's sign-up, verification, cards and TourPass state"
        case .users: return "every user"
        case .now: return "the simulated clock"
        case .merchants: return "every merchant"
        case .cards: return "the current user's linked cards"
        }
    }
}
