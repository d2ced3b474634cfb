/// What a card link is asked, with what its rules read worked out once (as the guards did):
/// the digits, the brand they name, the expiry and holder name the card would get, the number
/// it would link and the sandbox behaviour that number has.
public struct CardLinkInput: Sendable {
    public let user: UserID
    public let request: CardRequest
    /// The digits typed, nil when anything but digits, spaces and dashes is in the number.
    let digits: [UInt8]?
    /// The brand the first digits name (12 to 19 digits only).
    let brand: CardBrand?
    let expiry: CardExpiry
    let holder: String
    /// The holder name's length as typed (RULES v2.1): `name:`'s value, else the name on
    /// record as the user typed it, before upper-casing.
    let holderLength: Int
    /// The number it would link (the user's own for a sandbox word); nil when the digits are
    /// not 12 to 19, or every sandbox number of that kind is another user's.
    let number: String?
    /// The sandbox word whose behaviour the card has (`unavailable`, `declined`), or nil.
    let kind: String?
    /// Who has linked that number already (one lookup for both rules that ask).
    let holderOfNumber: UserID?

    var digitCount: Int { digits?.count ?? 0 }
    var last4: String {
        guard let digits, digits.count >= 4 else { return "" }
        return String(decoding: digits.suffix(4).map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
    /// `visa ••1111`, or `••1234` before the brand is known.
    var shown: String { (brand.map { $0.rawValue + " " } ?? "") + "••" + last4 }
    /// The command that would link the same card with other options, for a remedy.
    var retyped: String { request.sandbox.map { "card \($0.word)" } ?? "card NUMBER" }
}

extension World {
    /// The input of `CardRules.list` for this request.
    public func cardLinkInput(user id: UserID, _ request: CardRequest) -> CardLinkInput {
        let digits = CardNumber.digits(request.number)
        let formed = digits.map { (12...19).contains($0.count) } ?? false
        let brand = formed ? digits.flatMap(CardBrand.detect) : nil
        var number: String? = nil
        if formed, let digits {
            if let test = request.sandbox {
                do throws(WalletError) { number = try sandboxNumber(test, for: id) } catch { number = nil }
            } else {
                number = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
            }
        }
        // A sandbox card behaves as its word says; a typed number as the table number it equals.
        let kind = request.sandbox?.word ?? number.flatMap { typed in TestCard.all.first { $0.number == typed }?.word }
        return CardLinkInput(user: id, request: request, digits: digits, brand: brand,
                             expiry: request.expiry ?? CardExpiry.fiveYears(after: now),
                             holder: request.holderName ?? users[id.index].nameOnRecord,
                             holderLength: request.holderName?.unicodeScalars.count ?? users[id.index].registeredNameTypedLength,
                             number: number, kind: kind,
                             holderOfNumber: number.flatMap { cardByNumber[$0] }.map { cards[$0.index].owner })
    }

    fileprivate func acceptedBrands(_ id: UserID) -> [CardBrand] {
        users[id.index].version == .international ? policy.internationalBrands : policy.domesticBrands
    }

    /// The card already linked with the number the request would link, if any.
    fileprivate func linkedCard(_ input: CardLinkInput) -> Card? {
        guard let number = input.number, let existing = cardByNumber[number] else { return nil }
        return cards[existing.index]
    }
}

extension CardNumber {
    /// The last digit that would make the number pass the Luhn check.
    static func checkDigit(completing digits: [UInt8]) -> UInt8 {
        var sum = 0
        for (offset, digit) in digits.dropLast().reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 0 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return UInt8((10 - sum % 10) % 10)
    }
}

/// RULES.md, cards, in order: the simulator's bound, the number's form, the brand, the
/// expiry, the name's length, the name's match, another user's card, the user's own card,
/// then the issuer. The number's form is three rules around the brand, as it was checked:
/// its length, its check digit, then (once the brand is known) a length that brand uses.
public enum CardRules {
    public static let list = RuleList<CardLinkInput>("card", [
        Rule("card.count", .cardTooMany, "the user has fewer than \(World.maxCardsPerUser) cards linked (a bound of the simulator)",
             holds: { w, i in w.users[i.user.index].cards.count < World.maxCardsPerUser },
             failure: { _, _ in "at most \(World.maxCardsPerUser) cards can be linked" },
             looked: { w, i in "\(w.users[i.user.index].cards.count) linked, at most \(World.maxCardsPerUser)" },
             remedy: { _, _ in "link it to another user (`user NAME`): cards are never unlinked and one user holds at most \(World.maxCardsPerUser)" }),
        Rule("card.digits", .cardInvalidNumber, "the number has 12 to 19 digits (spaces and dashes allowed)",
             holds: { _, i in (12...19).contains(i.digitCount) },
             failure: { _, _ in "a card number has 12 to 19 digits (spaces and dashes allowed)" },
             looked: { _, i in
                 guard i.digits == nil else { return "\(i.digitCount) digits" }
                 let other = i.request.number.utf8.contains { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
                 return other ? "the number holds characters other than digits, spaces and dashes" : "more than 32 digits" },
             remedy: { _, _ in "the number as printed on the card (12 to 19 digits), or a sandbox card (`card visa`)" }),
        Rule("card.check_digit", .cardInvalidNumber, "the number's check digit is right (Luhn)",
             holds: { _, i in i.digits.map(CardNumber.passesLuhn) ?? false },
             failure: { _, _ in "the card number is not valid (check digit)" },
             looked: { _, i in
                 guard let digits = i.digits, let last = digits.last else { return "" }
                 let wanted = CardNumber.checkDigit(completing: digits)
                 return wanted == last ? "••\(i.last4) passes the Luhn check" : "••\(i.last4) ends in \(last); the Luhn check wants \(wanted)" },
             remedy: { _, _ in "the number as printed on the card (a typo changes the check digit), or a sandbox card (`card visa`)" },
             missing: { _, i in CardRules.notANumber(i) }),
        Rule("card.brand", .cardUnsupportedBrand, "the number's first digits name a brand (Visa, Mastercard, JCB, Diners Club, UnionPay, …)",
             holds: { _, i in i.brand != nil },
             failure: { _, _ in "this card's brand is not supported" },
             looked: { _, i in i.brand.map { "••\(i.last4): \(CardRules.displayName($0))" } ?? "••\(i.last4): its first digits name no brand" },
             remedy: { _, _ in "a card of a supported brand (`card visa`)" },
             missing: { _, i in CardRules.notANumber(i) }),
        Rule("card.brand_length", .cardInvalidNumber, "the number has a length its brand uses",
             holds: { _, i in i.brand.map { $0.lengths.contains(i.digitCount) } ?? true },
             failure: { _, i in "a \(i.brand.map(CardRules.displayName) ?? "card") number cannot have \(i.digitCount) digits" },
             looked: { _, i in i.brand.map { "\(i.shown) has \(i.digitCount) digits; \(CardRules.displayName($0)) numbers have \(CardRules.lengths($0))" } ?? "" },
             remedy: { _, i in "the number as printed on the card (\(i.brand.map(CardRules.lengths) ?? "12 to 19") digits)" },
             missing: { _, i in CardRules.noBrand(i) }),
        Rule("card.accepted", .cardUnsupportedBrand, keys: ["cards.international", "cards.domestic"],
             "the user's version accepts the brand (cards.international, or cards.domestic)",
             holds: { w, i in i.brand.map { w.acceptedBrands(i.user).contains($0) } ?? true },
             failure: { w, i in
                 let accepted = w.acceptedBrands(i.user)
                 let list = accepted.isEmpty ? "no brand" : CardRules.brandList(accepted)
                 return "\(i.brand.map(CardRules.displayName) ?? "these") cards are not supported by the \(w.users[i.user.index].version.label) version (it accepts \(list))" },
             looked: { w, i in
                 let accepted = w.acceptedBrands(i.user)
                 let key = w.users[i.user.index].version == .international ? "cards.international" : "cards.domestic"
                 return "\(i.brand.map(CardRules.displayName) ?? "?"); the \(w.users[i.user.index].version.label) version accepts \(accepted.isEmpty ? "no brand" : CardRules.brandList(accepted)) by \(key)" },
             remedy: { w, i in
                 let accepted = w.acceptedBrands(i.user)
                 let key = w.users[i.user.index].version == .international ? "cards.international" : "cards.domestic"
                 let widened = (accepted + [i.brand].compactMap { $0 }).map(\.rawValue).joined(separator: ",")
                 let word = accepted.first.flatMap { brand in TestCard.all.first { $0.brand == brand }?.word }
                 return (word.map { "a card of an accepted brand (`card \($0)`), or " } ?? "") + "`policy \(key) \(widened)`" },
             missing: { _, i in CardRules.noBrand(i) }),
        Rule("card.expiry", .cardExpired, "the card's expiry (`exp:MM/YY`, valid through that month) has not passed",
             holds: { w, i in !i.expiry.hasExpired(at: w.now) },
             failure: { _, i in "the card expired at the end of \(i.expiry)" },
             looked: { w, i in "expires \(i.expiry)\(i.request.expiry == nil ? " (five years on)" : ""); now \(w.now)" },
             remedy: { w, i in "an expiry not passed yet: `\(i.retyped) exp:\(CardExpiry.fiveYears(after: w.now))`, or no `exp:` (five years on)" }),
        Rule("card.name_length", .cardNameTooLong, "the holder name has at most \(World.maxHolderNameLength) characters",
             holds: { _, i in i.holderLength <= World.maxHolderNameLength },
             failure: { _, i in "the holder name has \(i.holderLength) characters; at most \(World.maxHolderNameLength) are allowed" },
             looked: { _, i in "\(i.holderLength) characters, at most \(World.maxHolderNameLength)" },
             remedy: { w, i in "`\(i.retyped) name:\(Names.written(w.users[i.user.index].nameOnRecord))` (the name on record), or no `name:`" }),
        Rule("card.name_match", .cardNameMismatch, "the holder name matches the name on record (`user name:`), case and spaces aside",
             holds: { w, i in World.holderNamesMatch(i.holder, w.users[i.user.index].nameOnRecord) },
             failure: { w, i in "the holder name does not match the name on record (\(w.users[i.user.index].nameOnRecord))" },
             // What the check compares: both names trimmed and their spaces folded, as the link's echo
             // shows the holder; the letters as typed, since case is the one difference left to see.
             looked: { w, i in "holder \(World.foldSpaces(i.holder)); on record \(World.foldSpaces(w.users[i.user.index].nameOnRecord))" },
             remedy: { w, i in "`\(i.retyped) name:\(Names.written(w.users[i.user.index].nameOnRecord))`, or no `name:`" }),
        Rule("card.other_user", .cardAlreadyUsed, "no other user has linked the number",
             holds: { _, i in i.number != nil && (i.holderOfNumber.map { $0 == i.user } ?? true) },
             failure: { w, i in i.number == nil ? "every sandbox \(i.request.sandbox?.word ?? "") number is held by another user" : "this card number is already used" },
             looked: { w, i in
                 guard i.number != nil else { return "every sandbox \(i.request.sandbox?.word ?? "") number is another user's" }
                 guard let card = w.linkedCard(i) else { return "\(i.shown) is linked to no one" }
                 return "\(i.shown) is linked to \(w.users[card.owner.index].name)" },
             remedy: { w, i in
                 let word = i.request.sandbox?.word ?? i.kind
                 return "another card" + (word.map { ": `card \($0)` gives \(w.users[i.user.index].name) a \($0) number of their own" } ?? "") },
             missing: { _, i in CardRules.notANumber(i) }),
        Rule("card.not_linked", .cardAlreadyLinked, "the user has not linked the number already",
             // Not `== nil`: judged when not reached, another user's number is not linked by this one.
             holds: { _, i in i.holderOfNumber != i.user },
             failure: { w, i in "\(w.linkedCard(i)?.masked ?? i.shown) is linked already" },
             looked: { w, i in w.linkedCard(i).map {
                 // Another user as holder is seen only when not reached (card.other_user answers).
                 "\($0.masked) is linked to \(w.users[$0.owner.index].name)" + ($0.owner == i.user ? "" : ", not to \(w.users[i.user.index].name)") } ?? "\(i.shown) is not linked" },
             remedy: { _, _ in "nothing to do: the card is linked (`cards` lists them); or another card" },
             missing: { _, i in CardRules.notANumber(i) ?? (i.number == nil ? "no \(i.request.sandbox?.word ?? "") number of their own left" : nil) }),
        Rule("card.issuer", .cardLinkUnavailable, "the issuing bank can verify the card (the sandbox card `unavailable` cannot)",
             holds: { _, i in i.kind != "unavailable" },
             failure: { _, _ in "The linking of this card is temporarily unavailable. Please try another bank card" },
             looked: { _, i in i.kind == "unavailable" ? "\(i.shown): the issuer cannot verify it" : "\(i.shown): the issuer verifies it" },
             remedy: { _, _ in "another bank card (`card visa`)" },
             missing: { _, i in CardRules.notANumber(i) }),
    ])

    /// The rules after the number's length judge a card number; a number of the wrong form is none.
    static func notANumber(_ i: CardLinkInput) -> String? {
        (12...19).contains(i.digitCount) ? nil : "not a card number (12 to 19 digits)"
    }

    static func noBrand(_ i: CardLinkInput) -> String? {
        notANumber(i) ?? (i.brand == nil ? "••\(i.last4): its first digits name no brand" : nil)
    }

    static func lengths(_ brand: CardBrand) -> String {
        let range = brand.lengths
        return range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
    }
}

extension CardRules {
    /// `Visa, Mastercard, JCB or Diners Club`: brands as people write them.
    static func brandList(_ brands: [CardBrand]) -> String {
        let names = brands.map(displayName)
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    static func displayName(_ brand: CardBrand) -> String {
        switch brand {
        case .visa: return "Visa"
        case .mastercard: return "Mastercard"
        case .jcb: return "JCB"
        case .diners: return "Diners Club"
        case .unionpay: return "UnionPay"
        case .amex: return "American Express"
        case .discover: return "Discover"
        }
    }
}
