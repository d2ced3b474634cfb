public struct CardRequest: Sendable {
    /// Digits, possibly grouped with spaces or dashes; for a sandbox word, the table number.
    public var number: String
    /// Set for a sandbox word (`card visa`): the user gets a card of their own of that kind.
    public var sandbox: TestCard?
    public var expiry: CardExpiry?
    public var holderName: String?
    public var password: String?

    public init(number: String, expiry: CardExpiry? = nil, holderName: String? = nil, password: String? = nil) {
        self.number = number
        self.expiry = expiry
        self.holderName = holderName
        self.password = password
    }

    /// A sandbox card of the user's own (`card visa`).
    public init(sandbox: TestCard, expiry: CardExpiry? = nil, holderName: String? = nil, password: String? = nil) {
        self.init(number: sandbox.number, expiry: expiry, holderName: holderName, password: password)
        self.sandbox = sandbox
    }
}

public struct CardLink: Sendable {
    public let card: CardID
    public let passwordSet: Bool
    public let passwordIgnored: Bool
}

extension World {
    public static let maxHolderNameLength = 32

    /// Links a card. The checks are `CardRules.list`, in order (the number's form, the brand,
    /// the expiry, the name's length, the name's match, whether another user has it, then the
    /// issuer); the first failure is the answer and nothing changes.
    public mutating func linkCard(user id: UserID, _ request: CardRequest) throws(WalletError) -> CardLink {
        let user = try activeUser(id)
        let input = cardLinkInput(user: id, request)
        try CardRules.list.check(self, input)
        // The rules found the number and its brand.
        guard let number = input.number, let brand = input.brand else {
            throw WalletError(.cardInvalidNumber, "a card number has 12 to 19 digits (spaces and dashes allowed)")
        }
        let (expiry, holder, kind) = (input.expiry, input.holder, input.kind)
        let card = CardID(index: cards.count)
        cards.append(Card(number: number, brand: brand, last4: String(number.suffix(4)), holderName: holder,
                          expiry: expiry, owner: id, declinesCharges: kind == "declined", sandboxWord: request.sandbox?.word))
        cardByNumber[number] = card
        users[id.index].cards.append(card)
        let setsPassword = user.paymentPassword == nil
        if setsPassword { users[id.index].paymentPassword = request.password ?? "123456" }
        return CardLink(card: card, passwordSet: setsPassword, passwordIgnored: !setsPassword && request.password != nil)
    }

    /// The user's own number for a sandbox word: the table number when nobody else holds it
    /// (or the user holds it: `card.already_linked` follows), else the same first six and
    /// last four digits, length, brand and behaviour, with middle digits from the user's
    /// sign-up order, Luhn-valid and never a number another user holds.
    func sandboxNumber(_ test: TestCard, for id: UserID) throws(WalletError) -> String {
        if let own = users[id.index].cards.first(where: { cards[$0.index].sandboxWord == test.word }) {
            return cards[own.index].number
        }
        let table = Array(test.number.utf8).map { $0 - UInt8(ascii: "0") }
        let held = cardByNumber[test.number].map { cards[$0.index].owner }
        guard let holder = held, holder != id else { return test.number }
        // Middle digits: the sign-up order in all but the last, which makes the check sum right.
        let middle = table.count - 10
        var limit = 1
        for _ in 0..<(middle - 1) { limit *= 10 }
        let order = id.index + 1
        for attempt in 0..<limit {
            var serial = (order + attempt) % limit
            var digits = table
            for position in stride(from: 6 + middle - 2, through: 6, by: -1) {
                digits[position] = UInt8(serial % 10)
                serial /= 10
            }
            let adjust = 6 + middle - 1
            for digit in UInt8(0)...9 {
                digits[adjust] = digit
                if CardNumber.passesLuhn(digits) { break }
            }
            let number = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
            if let other = cardByNumber[number], cards[other.index].owner != id { continue }
            return number
        }
        throw WalletError(.cardAlreadyUsed, "every sandbox \(test.word) number is held by another user")
    }

    /// Resolves `card:visa`, `card:1111` or a sandbox word among the user's cards.
    public func selectCard(of id: UserID, _ selector: String) throws(WalletError) -> CardID {
        let owned = users[id.index].cards
        let match: CardID?
        let digits = selector.filter { $0 != " " && $0 != "-" }
        if selector.count == 4, selector.allSatisfy(\.isASCIIDigit) {
            match = owned.first { cards[$0.index].last4 == selector }
        } else if digits.count > 4, digits.allSatisfy(\.isASCIIDigit) {
            // A full number, as `cards` would never show it but a user may type it.
            match = owned.first { cards[$0.index].number == digits }
        } else {
            // A brand names the earliest-linked card of that brand (a declined Visa is a Visa);
            // a sandbox word that is no brand (`declined`) names the user's card of that kind.
            if let brand = CardBrand(rawValue: selector) {
                match = owned.first { cards[$0.index].brand == brand }
            } else if let test = TestCard.named(selector) {
                match = owned.first { cards[$0.index].sandboxWord == test.word || cards[$0.index].number == test.number }
            } else {
                match = nil
            }
        }
        guard let card = match else {
            // A full number typed as a selector is shown masked like any card.
            let shown = digits.count > 4 && digits.allSatisfy(\.isASCIIDigit) ? "••" + digits.suffix(4) : selector
            throw WalletError(.cardNotFound, "\(users[id.index].name) has no linked card matching \(shown)")
        }
        return card
    }

    /// How holder names compare: trimmed, each run of spaces folded to one, case-folded
    /// (full Unicode mappings, locale-independent: lower-casing the upper-case form, so
    /// `ß` matches `SS`).
    static func foldName(_ name: String) -> String {
        foldSpaces(name.uppercased().lowercased())
    }

    /// A holder name trimmed, each run of whitespace one space, its letters as typed: the
    /// spacing the name check ignores (the card link's echo shows this).
    public static func foldSpaces(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `foldName(a) == foldName(b)`, without building either when both are ASCII (the
    /// usual case): the card link's name check runs on every link.
    static func holderNamesMatch(_ a: String, _ b: String) -> Bool {
        guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else { return foldName(a) == foldName(b) }
        var left = FoldedASCII(a.utf8.makeIterator()), right = FoldedASCII(b.utf8.makeIterator())
        while true {
            let x = left.next(), y = right.next()
            if x != y { return false }
            if x == nil { return true }
        }
    }
}

/// ASCII bytes as `World.foldName` folds them: lower case, each run of whitespace between
/// words one space, none at either end.
struct FoldedASCII: IteratorProtocol {
    var bytes: String.UTF8View.Iterator
    var pending: UInt8? = nil
    var started = false

    init(_ bytes: String.UTF8View.Iterator) { self.bytes = bytes }

    mutating func next() -> UInt8? {
        if let byte = pending {
            pending = nil
            return byte
        }
        var space = false
        while let byte = bytes.next() {
            // Character.isWhitespace in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = true
                continue
            }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if space && started {
                pending = lower
                return 0x20
            }
            started = true
            return lower
        }
        return nil
    }
}
