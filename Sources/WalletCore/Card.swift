public enum CardBrand: String, CaseIterable, Sendable, Comparable {
    case visa, mastercard, jcb, diners, unionpay, amex, discover

    public static func < (a: CardBrand, b: CardBrand) -> Bool { a.rawValue < b.rawValue }

    /// Lengths a number of this brand may have.
    var lengths: ClosedRange<Int> {
        switch self {
        case .visa: return 13...19
        case .mastercard: return 16...16
        case .jcb: return 16...19
        case .diners: return 14...19
        case .unionpay: return 16...19
        case .amex: return 15...15
        case .discover: return 16...19
        }
    }

    /// The brand a number's first digits name, or nil.
    static func detect(_ digits: [UInt8]) -> CardBrand? {
        func prefix(_ n: Int) -> Int {
            digits.prefix(n).reduce(0) { $0 * 10 + Int($1) }
        }
        guard digits.count >= 6 else { return nil }
        let p2 = prefix(2), p3 = prefix(3), p4 = prefix(4)
        if digits[0] == 4 { return .visa }
        if (51...55).contains(p2) || (2_221...2_720).contains(p4) { return .mastercard }
        if p2 == 34 || p2 == 37 { return .amex }
        if (3_528...3_589).contains(p4) { return .jcb }
        if (300...305).contains(p3) || p3 == 309 || p2 == 36 || p2 == 38 || p2 == 39 { return .diners }
        if p2 == 62 { return .unionpay }
        if p4 == 6_011 || p2 == 65 || (644...649).contains(p3) { return .discover }
        return nil
    }
}

/// The sandbox cards of RULES.md, each with a fixed behaviour, as payment sandboxes have.
public struct TestCard: Sendable {
    public let word: String
    public let number: String
    public let brand: CardBrand

    public static let all: [TestCard] = [
        TestCard(word: "visa", number: "4111111111111111", brand: .visa),
        TestCard(word: "mastercard", number: "5555555555554444", brand: .mastercard),
        TestCard(word: "jcb", number: "3530111333300000", brand: .jcb),
        TestCard(word: "diners", number: "30569309025904", brand: .diners),
        TestCard(word: "unionpay", number: "6217000000000000004", brand: .unionpay),
        TestCard(word: "declined", number: "4000000000000002", brand: .visa),
        TestCard(word: "unavailable", number: "4000000000000101", brand: .visa),
        TestCard(word: "amex", number: "378282246310005", brand: .amex),
    ]

    public static func named(_ word: String) -> TestCard? { all.first { $0.word == word } }
}

public struct CardID: Hashable, Comparable, Sendable {
    public let index: Int
    public static func < (a: CardID, b: CardID) -> Bool { a.index < b.index }
}

/// A linked card. The full number stays inside the core (to notice a card linked twice);
/// everything shown is `brand ••last4`.
public struct Card: Sendable {
    let number: String
    public let brand: CardBrand
    public let last4: String
    public let holderName: String
    public let expiry: CardExpiry
    public let owner: UserID
    let declinesCharges: Bool
    /// The sandbox word it was linked with (`visa`), or nil for a typed number.
    let sandboxWord: String?
    /// Money that left the card: top-ups, fees, domestic payments and transfers.
    public internal(set) var chargedFen: Int64 = 0
    /// The part of chargedFen that may come back (top-up amounts and payments; fees never do).
    public internal(set) var refundableInFen: Int64 = 0
    public internal(set) var refundedFen: Int64 = 0

    /// `visa ••1111`
    public var masked: String { "\(brand.rawValue) ••\(last4)" }

    /// What may still be refunded to this card.
    var refundRoomFen: Int64 { refundableInFen - refundedFen }
}

/// `MM/YY`: the card is valid through the last day of that month.
public struct CardExpiry: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let year: Int

    public init?(month: Int, year: Int) {
        guard (1...12).contains(month), (2000...9999).contains(year) else { return nil }
        self.init(checked: month, year)
    }

    private init(checked month: Int, _ year: Int) {
        self.month = month
        self.year = year
    }

    /// The default for a card linked without `exp:`: five years on, at most 12/9999.
    static func fiveYears(after now: Instant) -> CardExpiry {
        let date = now.date
        return date.year + 5 > 9999 ? CardExpiry(checked: 12, 9999) : CardExpiry(checked: date.month, date.year + 5)
    }

    /// Parses `12/29` (20YY) or `12/2029`.
    public static func parse(_ text: Substring) -> CardExpiry? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2 || parts[1].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let m = Int(parts[0]), let y = Int(parts[1]) else { return nil }
        return CardExpiry(month: m, year: parts[1].count == 2 ? 2000 + y : y)
    }

    /// The first minute the card is no longer valid.
    var firstInvalidInstant: Instant {
        let next = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
        return Instant(civil: next)
    }

    func hasExpired(at now: Instant) -> Bool { now >= firstInvalidInstant }

    public var description: String { CivilDate.pad(month, 2) + "/" + CivilDate.pad(year % 100, 2) }
}

enum CardNumber {
    /// Digits of a number typed with spaces or dashes, or nil if anything else is in it.
    static func digits(_ text: String) -> [UInt8]? {
        var digits: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits.count < 32 else { return nil }
                digits.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: " "), UInt8(ascii: "-"): continue
            default: return nil
            }
        }
        return digits
    }

    static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }
}
