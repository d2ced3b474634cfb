public struct CardRequest: Sendable {
    /// A brand word of the sandbox (`visa`) is resolved by the caller; this is digits,
    /// possibly grouped with spaces or dashes.
    public var number: String
    public var expiry: CardExpiry?
    public var holderName: String?
    public var password: String?

    public init(number: String, expiry: CardExpiry? = nil, holderName: String? = nil, password: String? = nil) {
        self.number = number
        self.expiry = expiry
        self.holderName = holderName
        self.password = password
    }
}

public struct CardLink: Sendable {
    public let card: CardID
    public let passwordSet: Bool
    public let passwordIgnored: Bool
}

extension World {
    public static let maxHolderNameLength = 32

    /// Links a card. Checks, in order: the number's form, the brand, the expiry, the name's
    /// length, the name's match, whether another user has it, then the issuer.
    public mutating func linkCard(user id: UserID, _ request: CardRequest) throws(WalletError) -> CardLink {
        let user = try activeUser(id)
        guard user.cards.count < World.maxCardsPerUser else {
            throw WalletError(.cardTooMany, "at most \(World.maxCardsPerUser) cards can be linked")
        }
        guard let digits = CardNumber.digits(request.number), (12...19).contains(digits.count) else {
            throw WalletError(.cardInvalidNumber, "a card number has 12 to 19 digits (spaces and dashes allowed)")
        }
        // The number's form (check digit, then the brand's lengths) comes before the brand.
        guard CardNumber.passesLuhn(digits) else {
            throw WalletError(.cardInvalidNumber, "the card number is not valid (check digit)")
        }
        guard let brand = CardBrand.detect(digits) else {
            throw WalletError(.cardUnsupportedBrand, "this card's brand is not supported")
        }
        guard brand.lengths.contains(digits.count) else {
            throw WalletError(.cardInvalidNumber, "a \(brand.rawValue) number cannot have \(digits.count) digits")
        }
        let accepted = user.version == .international ? policy.internationalBrands : policy.domesticBrands
        guard accepted.contains(brand) else {
            let list = accepted.isEmpty ? "no brands" : accepted.map(\.rawValue).joined(separator: ", ")
            throw WalletError(.cardUnsupportedBrand, "\(brand.rawValue) cards are not supported by the \(user.version.label) version (it accepts \(list))")
        }
        let expiry = request.expiry ?? CardExpiry.fiveYears(after: now)
        if expiry.hasExpired(at: now) {
            throw WalletError(.cardExpired, "the card expired at the end of \(expiry)")
        }
        let holder = request.holderName ?? user.nameOnRecord
        if holder.count > World.maxHolderNameLength {
            throw WalletError(.cardNameTooLong, "the holder name has \(holder.count) characters; at most \(World.maxHolderNameLength) are allowed")
        }
        if World.foldName(holder) != World.foldName(user.nameOnRecord) {
            throw WalletError(.cardNameMismatch, "the holder name does not match the name on record (\(user.nameOnRecord))")
        }
        let number = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        if let existing = cardByNumber[number] {
            if cards[existing.index].owner == id {
                throw WalletError(.cardAlreadyLinked, "\(cards[existing.index].masked) is linked already")
            }
            throw WalletError(.cardAlreadyUsed, "this card number is already used")
        }
        if number == TestCard.unavailableNumber {
            throw WalletError(.cardLinkUnavailable, "The linking of this card is temporarily unavailable. Please try another bank card")
        }
        let card = CardID(index: cards.count)
        cards.append(Card(number: number, brand: brand, last4: String(number.suffix(4)), holderName: holder,
                          expiry: expiry, owner: id, declinesCharges: number == TestCard.declinedNumber))
        cardByNumber[number] = card
        users[id.index].cards.append(card)
        let setsPassword = user.paymentPassword == nil
        if setsPassword { users[id.index].paymentPassword = request.password ?? "123456" }
        return CardLink(card: card, passwordSet: setsPassword, passwordIgnored: !setsPassword && request.password != nil)
    }

    /// Resolves `card:visa`, `card:1111` or a sandbox word among the user's cards.
    public func selectCard(of id: UserID, _ selector: String) throws(WalletError) -> CardID {
        let owned = users[id.index].cards
        let match: CardID?
        if selector.count == 4, selector.allSatisfy(\.isASCIIDigit) {
            match = owned.first { cards[$0.index].last4 == selector }
        } else {
            // A sandbox word names its own card first (`card:visa` is 4111…), then the brand.
            let test = TestCard.named(selector)
            let brand = CardBrand(rawValue: selector)
            match = owned.first { cards[$0.index].number == test?.number }
                ?? owned.first { cards[$0.index].brand == brand }
        }
        guard let card = match else {
            // A full number typed as a selector is shown masked like any card.
            let shown = selector.count > 4 && selector.allSatisfy(\.isASCIIDigit) ? "••" + selector.suffix(4) : selector
            throw WalletError(.cardNotFound, "\(users[id.index].name) has no linked card matching \(shown)")
        }
        return card
    }

    /// Upper-cased with runs of spaces folded: how holder names are compared.
    static func foldName(_ name: String) -> String {
        name.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Charging a card: its expiry, then its issuer.
    func ensureChargeable(_ card: CardID, declineCode: ErrorCode = .topupCardDeclined) throws(WalletError) {
        let card = cards[card.index]
        if card.expiry.hasExpired(at: now) {
            throw WalletError(.cardExpired, "\(card.masked) expired at the end of \(card.expiry)")
        }
        if card.declinesCharges {
            throw WalletError(declineCode, "\(card.masked): the card issuer declined the charge (fund loading failed)")
        }
    }
}
