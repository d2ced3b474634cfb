import WalletCore

/// `card BRAND|NUMBER [options]`: link a card.
struct CardCommand: Command {
    let request: CardRequest

    static let spec = CommandSpec(
        name: "card", aliases: ["link"], usage: "card BRAND|NUMBER [exp:MM/YY] [name:\"...\"] [password:NNNNNN]",
        summary: "link a card: a sandbox brand (visa, mastercard, jcb, diners, unionpay, declined, unavailable, amex) or a number",
        examples: ["card visa", "card 4111 1111 1111 1111 exp:12/29", "card mastercard name:\"ALICE SMITH\""],
        options: [OptionSpec("exp"), OptionSpec("name"), OptionSpec("password")],
        positionalValues: TestCard.all.map(\.word),
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
            return CardCommand(request: request)
        })

    var isAttempt: Bool { true }
    var statementText: String? { "card ••" + String(request.number.filter(\.isASCIIDigitCharacter).suffix(4)) }

    func namedCard(user id: UserID, world: World) -> CardID? {
        let last4 = String(request.number.filter(\.isASCIIDigitCharacter).suffix(4))
        return world[id].cards.first { world[$0].last4 == last4 }
    }

    func run(in session: inout Session) throws(WalletError) -> [any OutputValue] {
        let id = try session.requireUser()
        let link = try session.world.linkCard(user: id, request)
        let card = session.world[link.card]
        var output: [any OutputValue] = [Linked(card: CardLabel(card), holder: card.holderName, expiry: card.expiry)]
        if link.passwordSet { output.append(PasswordNote.set) }
        if link.passwordIgnored { output.append(PasswordNote.unchanged) }
        return output
    }

    struct Linked: InfoLine {
        let card: CardLabel
        let holder: String
        let expiry: CardExpiry
        var text: String { "linked \(card) (\(holder), expires \(expiry))" }
    }

    enum PasswordNote: InfoLine {
        case set, unchanged
        var text: String {
            switch self {
            case .set: return "payment password set"
            case .unchanged: return "payment password unchanged: it was set with the first card (change it with `password`)"
            }
        }
    }
}
