import WalletCore

/// `card BRAND|NUMBER [options]`: link a card.
struct CardCommand: BoxedCommand {
    let request: CardRequest

    static let spec = CommandSpec(
        rank: 40, name: "card", aliases: ["link"], usage: "card BRAND|NUMBER [exp:MM/YY] [name:\"...\"] [password:NNNNNN]",
        summary: "link a card: a sandbox brand (visa, mastercard, jcb, diners, unionpay, declined, unavailable, amex) or a number",
        examples: ["card visa", "card 3530 1113 3330 0000 exp:12/29", "card mastercard name:\"ALICE SMITH\""], exampleSetup: ["user alice name:\"ALICE SMITH\""],
        options: [OptionSpec("exp"), OptionSpec("name"), OptionSpec("password")],
        positionalValues: TestCard.all.map(\.word))

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> CardCommand {
        let first = try r.positional("a BRAND or a card NUMBER")
        var request: CardRequest
        let typed = r.text(first)
        // A number (the usual line in a long run) opens with a digit, as no brand word
        // does: it skips the brand look-up and the Unicode digit test.
        let digitFirst = typed.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        if !digitFirst, let test = TestCard.named(typed.lowercased()) {
            // The user's own sandbox card of that kind.
            request = CardRequest(sandbox: test)
        } else if digitFirst || typed.first?.isNumber == true {
            var number = typed
            // Groups as printed; the core judges the digits (`card.invalid_number`).
            for group in r.remainingPositionals() { number += " " + r.text(group) }
            request = CardRequest(number: number)
        } else {
            let hint = didYouMean(r.text(first), in: TestCard.all.map(\.word))
            throw r.error("unknown card brand '\(r.text(first))'\(hint)", at: first.offset)
        }
        if let token = try r.option("exp") {
            guard let expiry = CardExpiry.parse(Substring(r.text(token))) else {
                throw r.error("a card expiry is MM/YY, e.g. 12/29: \(r.text(token))", at: token.valueOffset)
            }
            request.expiry = expiry
        }
        if let token = try r.option("name") { request.holderName = try r.holderName(token) }
        if let token = try r.option("password") { request.password = try r.password(token) }
        return CardCommand(request: request)
    }

    var isAttempt: Bool { true }
    /// A sandbox word as typed (`card amex`), a number by its last four only.
    var statementText: String? { request.sandbox.map { "card \($0.word)" } ?? "card ••" + String(request.number.filter(\.isASCIIDigitCharacter).suffix(4)) }

    func namedCard(user id: UserID, world: World) -> CardID? {
        let last4 = String(request.number.filter(\.isASCIIDigitCharacter).suffix(4))
        return world[id].cards.first { world[$0].last4 == last4 }
    }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        return CardRules.list.explanation(session.world, session.world.cardLinkInput(user: id, request), failedRule: failedRule)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        let link = try session.world.linkCard(user: id, request)
        let card = session.world[link.card]
        // One value, the password's note inside: an array of values was an allocation and a free a card.
        let note: PasswordNote? = link.passwordSet ? .set : link.passwordIgnored ? .unchanged : nil
        return .one(Linked(card: CardLabel(card), holder: card.holderName, expiry: card.expiry, note: note))
    }

    /// The card linked, and what became of the payment password.
    struct Linked: OutputValue {
        let card: CardLabel
        let holder: String  // as typed; shown with its spacing folded, as the name check reads it
        let expiry: CardExpiry
        let note: PasswordNote?
        var text: String { "linked \(card) (\(World.foldSpaces(holder)), expires \(expiry))" }
        var lines: [OutputLine] { note.map { [OutputLine(.info, text), OutputLine(.info, $0.text)] } ?? [OutputLine(.info, text)] }
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

extension CardCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "card",
        effects: [Effect(writes: [.cards], reads: [.registration, .verification, .cards, .clock]),
                  Effect(writes: [.password], reads: [.registration, .cards])],
        guardReads: [.otherUsers],
        answers: MoveSource.signUpNeeded.union([.cardInvalidNumber, .cardUnsupportedBrand, .cardNameMismatch, .cardNameTooLong,
                                     .cardAlreadyUsed, .cardAlreadyLinked, .cardExpired, .cardLinkUnavailable, .cardTooMany]),
        offer: { c, moves in
            guard let (id, user) = c.active else {
                if c.current == nil { moves.append("card visa") }
                return
            }
            let world = c.world
            let linked = user.cards.compactMap { world.sandboxWord(of: $0) }
            let international = user.version == .international
            let accepted = international ? world.policy.internationalBrands : world.policy.domesticBrands
            let working = c.cardWords.filter { word in
                TestCard.named(word).map { accepted.contains($0.brand) } ?? false
            }
            let next = working.first { !linked.contains($0) }
            if let next { moves.append("card " + next) }
            // A domestic user gets it too when cards.domestic takes Visa: `pay.issuer`, `transfer.issuer`.
            if !linked.contains("declined"), accepted.contains(.visa) { moves.append("card declined") }
            let today = world.now.date
            if user.cards.isEmpty, let next {
                // A card that expires at the end of this month.
                moves.append("card \(next) exp:\(MoveSource.pad2(today.month))/\(MoveSource.pad2(today.year % 100))")
                moves.append("card amex")
                moves.append("card unavailable")
                moves.append("card 4111 1111 1111 1112")
                moves.append("card \(next) name:\"SOMEONE ELSE\"")
                moves.append("card \(next) name:\"\(String(repeating: "X", count: World.maxHolderNameLength + 1))\"")
                let lastMonth = today.month == 1 ? (12, today.year - 1) : (today.month - 1, today.year)
                moves.append("card \(next) exp:\(MoveSource.pad2(lastMonth.0))/\(MoveSource.pad2(lastMonth.1 % 100))")
                if !international { moves.append("card visa") }
                // The number's form, each failing one rule: too few digits (`card.digits`), no
                // brand (`card.brand`), a length Visa never has (`card.brand_length`).
                moves.append("card 1234")
                moves.append("card 9000 0000 0000 0001")
                moves.append("card 4111 1111 1117")
            }
            if let first = linked.first { moves.append("card " + first) }
            // Another user's table number, typed: `card.already_used`.
            for index in world.cards.indices where world.cards[index].owner != id {
                guard let word = world.tableWord(ofCardAt: index), !linked.contains(word),
                      let test = TestCard.named(word) else { continue }
                moves.append("card " + MoveSource.grouped(test.number))
                break
            }
        })
}
