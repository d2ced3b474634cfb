/// An amount of CNY in integer fen (1 yuan = 100 fen). Never a floating point number.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fen: Int64

    /// The largest amount a user may type: CNY 100,000,000.00.
    public static let maxInputFen: Int64 = 10_000_000_000
    public static let zero = Money(fen: 0)

    public init(fen: Int64) { self.fen = fen }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// `CNY 1,234.50`, the same in every locale.
    public var description: String { Money.format(fen, grouping: true, prefix: "CNY ") }

    /// `1234.50`: the form a scenario types.
    public var plain: String { Money.format(fen, grouping: false) }

    static func grouped(_ fen: Int64) -> String { format(fen, grouping: true) }

    /// Digits written backwards into a small buffer: formatting is on every output line.
    static func format(_ fen: Int64, grouping: Bool, prefix: StaticString = "") -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var magnitude = fen.magnitude
            var index = 48
            func put(_ byte: UInt8) { index -= 1; buffer[index] = byte }
            put(UInt8(ascii: "0") + UInt8(magnitude % 10)); magnitude /= 10
            put(UInt8(ascii: "0") + UInt8(magnitude % 10)); magnitude /= 10
            put(UInt8(ascii: "."))
            var digits = 0
            repeat {
                if grouping && digits > 0 && digits % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                digits += 1
            } while magnitude > 0
            if fen < 0 { put(UInt8(ascii: "-")) }
            for i in stride(from: prefix.utf8CodeUnitCount - 1, through: 0, by: -1) { put(prefix.utf8Start[i]) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<48]), as: UTF8.self)
        }
    }


    /// `basisPoints` hundredths of a percent of this amount, rounded half away from zero.
    /// Inputs are bounded (amount ≤ maxInputFen, rate ≤ 100%), so the product fits.
    public func percentage(basisPoints: Int64) -> Money {
        Money(fen: Money.divideRounded(fen * basisPoints, by: 10_000))
    }

    /// Division rounding half away from zero.
    static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        guard remainder.magnitude * 2 >= denominator.magnitude else { return quotient }
        return quotient + ((numerator < 0) != (denominator < 0) ? -1 : 1)
    }
}

public enum AmountProblem: Error, Equatable, Sendable {
    case notANumber, tooManyDecimals, zero, negative, tooLarge
    /// `38,50`: a decimal comma; holds the amount written with a dot (`38.50`).
    case decimalComma(String)
    /// `10,00.5`, `1,0000`: a comma that is not a thousands separator.
    case misplacedComma
    /// `.5`, `150.`, `+100`, `0100`: loose forms LANGUAGE.md does not allow ("digits with at
    /// most two decimals"); each holds the amount as it should be written.
    case noDigitBeforePoint(String), noDigitAfterPoint(String), plusSign(String), leadingZero(String)

    public var message: String {
        switch self {
        case .notANumber: return "not an amount (expected e.g. 500 or 38.50)"
        case .tooManyDecimals: return "amount has more than two decimals"
        case .zero: return "amount must be more than zero"
        case .negative: return "amount must not be negative"
        case .tooLarge: return "amount is too large (at most \(Money(fen: Money.maxInputFen)))"
        case .decimalComma(let dotted): return "use a dot for decimals: \(dotted)"
        case .misplacedComma: return "a comma only separates thousands, in groups of three (1,000 or 12,345.67)"
        case .noDigitBeforePoint(let written): return "an amount starts with a digit: write \(written)"
        case .noDigitAfterPoint(let written): return "a decimal point needs one or two digits after it: write \(written) or \(written).00"
        case .plusSign(let written): return "an amount takes no plus sign: write \(written)"
        case .leadingZero(let written): return "an amount has no leading zeros: write \(written)"
        }
    }

    /// The message with what was typed: `use a dot for decimals: 38.50 (not 38,50)`.
    public func message(typed text: some StringProtocol) -> String {
        switch self {
        case .decimalComma, .noDigitBeforePoint, .noDigitAfterPoint, .plusSign, .leadingZero: return "\(message) (not \(text))"
        case .notANumber, .tooManyDecimals, .zero, .negative, .tooLarge, .misplacedComma: return "\(message): \(text)"
        }
    }
}

extension Money {
    /// Parses `500`, `38.5`, `38.50`, `1,234.50`, `CNY 12` straight to fen, with no floating point.
    /// Digits with at most two decimals (LANGUAGE.md): `.5`, `150.`, `+100` and `0100` are
    /// refused with the form to write instead.
    public static func parse(_ text: Substring, allowZero: Bool = false) -> Result<Money, AmountProblem> {
        // Amounts are on most lines: read the bytes in place when they are contiguous.
        text.utf8.withContiguousStorageIfAvailable { parse(bytes: $0, allowZero: allowZero) }
            ?? parse(bytes: Array(text.utf8)[...], allowZero: allowZero)
    }

    /// The same on the amount's bytes (the parser reads them from the line in place).
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, allowZero: Bool = false) -> Result<Money, AmountProblem> {
        if let fen = plainFen(bytes), fen != 0 || allowZero { return .success(Money(fen: fen)) }
        return parse(bytes: bytes, allowZero: allowZero)
    }

    /// The usual amount, `500`, `38.5` or `38.50` (1 to 8 digits, no leading zero, at most two
    /// decimals: never over `maxInputFen`), in fen, read in one pass; nil for anything else,
    /// which the full parser reads (and refuses or accepts as it always did).
    /// Inlinable: the parser reads the amount of most lines with it, in place.
    @inlinable @inline(__always)
    public static func plainFen(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let count = bytes.count
        guard count > 0, count <= 11 else { return nil }
        var whole: Int64 = 0
        var index = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            whole = whole &* 10 &+ Int64(digit)
            index += 1
        }
        guard index >= 1, index <= 8, index == 1 || bytes[0] != UInt8(ascii: "0") else { return nil }
        if index == count { return whole &* 100 }
        let decimals = count - index - 1
        guard bytes[index] == UInt8(ascii: "."), decimals == 1 || decimals == 2 else { return nil }
        let tenths = bytes[index + 1] &- UInt8(ascii: "0")
        guard tenths < 10 else { return nil }
        var cents = Int64(tenths) &* 10
        if decimals == 2 {
            let hundredths = bytes[index + 2] &- UInt8(ascii: "0")
            guard hundredths < 10 else { return nil }
            cents &+= Int64(hundredths)
        }
        return whole &* 100 &+ cents
    }

    public static func parse(_ text: String, allowZero: Bool = false) -> Result<Money, AmountProblem> {
        parse(Substring(text), allowZero: allowZero)
    }

    private static func parse<Bytes: Collection<UInt8>>(bytes text: Bytes, allowZero: Bool) -> Result<Money, AmountProblem> where Bytes.SubSequence: Collection<UInt8> {
        var bytes = text[...]
        if bytes.first == UInt8(ascii: "C"), bytes.starts(with: "CNY".utf8) { bytes = bytes.dropFirst(3).drop(while: { $0 == 0x20 }) }
        var negative = false, plus = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { plus = true; bytes = bytes.dropFirst() }
        var whole: Int64 = 0
        var wholeDigits = 0
        var cents: Int64 = 0
        var decimals = 0
        var sawDot = false
        var sawDigit = false
        var tooLarge = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                let digit = Int64(byte - UInt8(ascii: "0"))
                if sawDot {
                    decimals += 1
                    if decimals <= 2 { cents = cents * 10 + digit }
                } else if whole > maxInputFen {
                    tooLarge = true
                } else {
                    whole = whole * 10 + digit
                    wholeDigits += 1
                }
            case UInt8(ascii: "."):
                if sawDot { return .failure(.notANumber) }
                sawDot = true
            case UInt8(ascii: ","):
                // Rare: checked off this loop, which stays the no-comma path.
                return parseGrouped(bytes: text, allowZero: allowZero)
            default:
                return .failure(.notANumber)
            }
        }
        guard sawDigit else { return .failure(.notANumber) }
        if decimals > 2 { return .failure(.tooManyDecimals) }
        // Loose forms: one test on the usual path (a digit first, no sign, no bare point).
        if plus || wholeDigits == 0 || (sawDot && decimals == 0) || (wholeDigits > 1 && bytes.first == UInt8(ascii: "0")) {
            if let loose = looseForm(bytes, negative: negative, plus: plus, wholeDigits: wholeDigits, bareDot: sawDot && decimals == 0) {
                return .failure(loose)
            }
        }
        if decimals == 1 { cents *= 10 }
        if tooLarge || whole > maxInputFen / 100 { return .failure(negative ? .negative : .tooLarge) }
        let fen = whole * 100 + cents
        if negative && fen != 0 { return .failure(.negative) }
        if fen > maxInputFen { return .failure(.tooLarge) }
        if fen == 0 && !allowZero { return .failure(.zero) }
        return .success(Money(fen: fen))
    }

    /// What is loose about an amount that parsed as digits and one point, with the form to
    /// write: `+100` → `100`, `.5` → `0.5`, `150.` → `150`, `0100` → `100` (`00.50` → `0.50`).
    private static func looseForm<Bytes: Collection<UInt8>>(_ body: Bytes, negative: Bool, plus: Bool, wholeDigits: Int, bareDot: Bool) -> AmountProblem? {
        var wholePart = Array(body.prefix { $0 != UInt8(ascii: ".") })
        let fraction = Array(body.drop { $0 != UInt8(ascii: ".") }.dropFirst())
        let zeros = wholePart.prefix { $0 == UInt8(ascii: "0") }.count
        wholePart.removeFirst(min(zeros, max(0, wholePart.count - 1)))
        if wholePart.isEmpty { wholePart = [UInt8(ascii: "0")] }
        var written = (negative ? "-" : "") + String(decoding: wholePart, as: UTF8.self)
        if !fraction.isEmpty { written += "." + String(decoding: fraction, as: UTF8.self) }
        if plus { return .plusSign(written) }
        if wholeDigits == 0 { return .noDigitBeforePoint(written) }
        if bareDot { return .noDigitAfterPoint(written) }
        if wholeDigits > 1 && zeros > 0 { return .leadingZero(written) }
        return nil
    }

    /// An amount with commas: accepted only as thousands separators in groups of three
    /// before the decimal point (`1,000`, `12,345.67`, `CNY 3,850.00`), the form this tool
    /// prints; otherwise an error that says how to write it.
    private static func parseGrouped<Bytes: Collection<UInt8>>(bytes text: Bytes, allowZero: Bool) -> Result<Money, AmountProblem> where Bytes.SubSequence: Collection<UInt8> {
        var bytes = text[...]
        if bytes.starts(with: "CNY".utf8) { bytes = bytes.dropFirst(3).drop(while: { $0 == 0x20 }) }
        var sign = ""
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? "-" : ""
            bytes = bytes.dropFirst()
        }
        let body = Array(bytes)
        let whole = body.firstIndex(of: UInt8(ascii: ".")).map { body[..<$0] } ?? body[...]
        let groups = whole.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let grouped = groups.count > 1
            && (1...3).contains(groups[0].count)
            && groups.dropFirst().allSatisfy { $0.count == 3 }
            && groups.allSatisfy { $0.allSatisfy(isDigit) }
            && !body[whole.endIndex...].contains(UInt8(ascii: ","))
        if grouped {
            return parse(bytes: Array(text.lazy.filter { $0 != UInt8(ascii: ",") }), allowZero: allowZero)
        }
        return .failure(decimalCommaHint(sign: sign, body) ?? .misplacedComma)
    }

    /// `38,50` or `1.000,5` (one comma, one or two digits after it, digits before, in
    /// groups of three between dots):
    /// the European way of writing decimals, so say how to write it with a dot.
    private static func decimalCommaHint(sign: String, _ body: [UInt8]) -> AmountProblem? {
        guard let comma = body.firstIndex(of: UInt8(ascii: ",")), body.lastIndex(of: UInt8(ascii: ",")) == comma else { return nil }
        let before = body[..<comma], after = body[(comma + 1)...]
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard (1...2).contains(after.count), after.allSatisfy(digits.contains),
              before.contains(where: digits.contains),
              before.allSatisfy({ digits.contains($0) || $0 == UInt8(ascii: ".") }) else { return nil }
        let dotGroups = before.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard dotGroups.count == 1 || ((1...3).contains(dotGroups[0].count) && dotGroups.dropFirst().allSatisfy({ $0.count == 3 })) else { return nil }
        let whole = before.filter { $0 != UInt8(ascii: ".") }
        return .decimalComma(sign + String(decoding: whole, as: UTF8.self) + "." + String(decoding: after, as: UTF8.self))
    }
}
