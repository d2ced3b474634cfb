import WalletCore

extension CommandTable {
    static let lifecycle: [CommandSpec] = [
        CommandSpec(
            name: "user", aliases: [], usage: "user NAME [phone:+CC-N] [nationality:CC] [name:\"FULL NAME\"] [version:intl|domestic] [sms:manual]",
            summary: "sign up NAME (or switch to NAME if it exists) and make it the current user",
            examples: ["user alice", "user wang phone:+86-13800138000", "user zoe nationality:PH sms:manual", "user \"Mary Ann\""],
            options: [OptionSpec("phone"), OptionSpec("nationality", ["GB", "US", "DE", "FR", "JP", "PH", "AL", "MA"]),
                      OptionSpec("name"), OptionSpec("version", ["intl", "domestic"]), OptionSpec("sms", ["manual", "auto"])],
            positionalValues: [], positionalDynamic: .users,
            parse: { (r) throws(Diagnostic) in
                let name = try r.name(r.positional("a NAME"), of: "user")
                var request = SignUpRequest(name: name)
                var hasOptions = false
                // Checked when it runs, so a malformed phone is `register.phone_invalid`.
                let phone = try r.option("phone").map { String($0.text) }
                if phone != nil { hasOptions = true }
                if let token = try r.option("nationality") { request.nationality = try r.nationality(token); hasOptions = true }
                if let token = try r.option("name") { request.fullName = String(token.text); hasOptions = true }
                if let token = try r.option("version") {
                    request.version = try r.choice(token, [("intl", AppVersion.international), ("international", .international), ("domestic", .domestic)])
                    hasOptions = true
                }
                if let token = try r.option("sms") {
                    request.manualSMS = try r.choice(token, [("manual", true), ("auto", false)])
                    hasOptions = true
                }
                return .user(request, phone: phone, hasOptions: hasOptions)
            }),
        CommandSpec(
            name: "sms", aliases: [], usage: "sms [CODE]", summary: "enter the SMS code sent at sign-up (after sms:manual); with no CODE, the code last sent",
            examples: ["sms 4821", "sms"], options: [], positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                guard let token = r.optionalPositional() else { return .sms(nil) }
                guard !token.text.isEmpty, token.text.count <= 8, token.text.allSatisfy(\.isASCIIDigitCharacter) else {
                    throw r.error("an SMS code is digits: \(token.text)", at: token.offset)
                }
                return .sms(String(token.text))
            }),
        CommandSpec(
            name: "verify", aliases: [], usage: "verify [passport:NO] [expires:DATE] [nationality:CC] [face:pass|fail] [born:DATE]",
            summary: "real-name verification with a passport and a face scan; defaults succeed; lapses when the passport expires",
            examples: ["verify", "verify expires:2025-12-31", "verify nationality:PH", "verify face:fail"],
            options: [OptionSpec("passport"), OptionSpec("expires"), OptionSpec("nationality", ["GB", "US", "PH", "AL", "MA"]),
                      OptionSpec("face", ["pass", "fail"]), OptionSpec("born")],
            positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                var request = VerifyRequest()
                if let token = try r.option("passport") { request.passport = String(token.text) }
                if let token = try r.option("expires") { request.expires = try r.date(token) }
                if let token = try r.option("nationality") { request.nationality = try r.nationality(token) }
                if let token = try r.option("face") { request.facePasses = try r.choice(token, [("pass", true), ("fail", false)]) }
                if let token = try r.option("born") { request.born = try r.date(token) }
                return .verify(request)
            }),
        CommandSpec(
            name: "card", aliases: ["link"], usage: "card BRAND|NUMBER [exp:MM/YY] [name:\"...\"] [password:NNNNNN]",
            summary: "link a card: a sandbox brand (visa, mastercard, jcb, diners, unionpay, declined, unavailable, amex) or a number",
            examples: ["card visa", "card 4111 1111 1111 1111 exp:12/29", "card mastercard name:\"ALICE SMITH\""],
            options: [OptionSpec("exp"), OptionSpec("name"), OptionSpec("password")],
            positionalValues: TestCard.all.map(\.word), positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in
                let first = try r.positional("a BRAND or a card NUMBER")
                var request: CardRequest
                if let test = TestCard.named(first.text.lowercased()) {
                    // The user's own sandbox card of that kind.
                    request = CardRequest(sandbox: test)
                } else if first.text.first?.isNumber == true {
                    var number = String(first.text)
                    // Groups as printed; the core judges the digits (`card.invalid_number`).
                    for group in r.remainingPositionals() { number += " " + group.text }
                    request = CardRequest(number: number)
                } else {
                    let hint = didYouMean(String(first.text), in: TestCard.all.map(\.word))
                    throw r.error("unknown card brand '\(first.text)'\(hint)", at: first.offset)
                }
                if let token = try r.option("exp") {
                    guard let expiry = CardExpiry.parse(token.text) else {
                        throw r.error("a card expiry is MM/YY, e.g. 12/29: \(token.text)", at: token.valueOffset)
                    }
                    request.expiry = expiry
                }
                if let token = try r.option("name") { request.holderName = String(token.text) }
                if let token = try r.option("password") { request.password = try r.password(token) }
                return .card(request)
            }),
        CommandSpec(
            name: "password", aliases: [], usage: "password NNNNNN", summary: "change the 6-digit payment password",
            examples: ["password 654321"], options: [], positionalValues: [], positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in .password(try r.password(r.positional("the new 6-digit password"))) }),
        CommandSpec(
            name: "merchant", aliases: [], usage: "merchant NAME [qr:cross|domestic] [credit:yes|no]",
            summary: "define a merchant, or change the options given of one (defaults: cross-border code, accepts credit)",
            examples: ["merchant teahouse", "merchant stall qr:domestic", "merchant factory credit:no", "merchant \"Li's Noodles\" qr:domestic"],
            options: [OptionSpec("qr", ["cross", "domestic"]), OptionSpec("credit", ["yes", "no"])],
            positionalValues: [], positionalDynamic: .merchants,
            parse: { (r) throws(Diagnostic) in
                let name = try r.name(r.positional("a NAME"), of: "merchant")
                let qr = try r.option("qr").map { (t) throws(Diagnostic) in try r.choice(t, CommandTable.qrKinds) }
                let credit = try r.option("credit").map { (t) throws(Diagnostic) in try r.choice(t, CommandTable.yesNo) }
                return .merchant(name: name, qr: qr, credit: credit)
            }),
    ]
}
