/// User and merchant names: 1 to 32 code points, compared exactly (no normalisation).
public enum Names {
    public static let maxLength = 32

    /// Why `name` cannot be a name, or nil when it can. Unquoted, a name is letters, digits,
    /// `-`, `_` and `.`; quoted, anything but the refused characters, with no space at
    /// either end.
    public static func problem(_ name: String, quoted: Bool) -> String? {
        if isPlainASCII(name) { return nil }
        let scalars = name.unicodeScalars
        if scalars.isEmpty { return "a name cannot be empty" }
        if scalars.count > maxLength { return "a name is at most \(maxLength) characters; this one has \(scalars.count)" }
        if let bad = scalars.first(where: isRefused) {
            return "a name cannot hold U+\(hex(bad)) (control, format, private-use, unassigned or separator characters)"
        }
        if quoted {
            // Any space separator (Zs: U+00A0, U+3000, …) counts as a space here.
            if let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) {
                let space = isSpace(first) ? first : last
                return "a name cannot start or end with a space" + (space == " " ? "" : " (U+\(hex(space)))")
            }
            return nil
        }
        guard scalars.allSatisfy(isPlain) else {
            return "an unquoted name is letters, digits, '-', '_' or '.'; put other names in quotes"
        }
        return nil
    }

    /// Code point equality: the names' UTF-8 bytes are the same. Not `String ==`, which is
    /// canonical equivalence (`é` precomposed equals `e` + U+0301, the Kelvin sign `K`).
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        return x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.elementsEqual(q) } ?? p.elementsEqual(y)
        } ?? x.elementsEqual(y)
    }

    /// True when `name` starts with `prefix`, code point by code point (completion).
    public static func starts(_ name: some StringProtocol, with prefix: some StringProtocol) -> Bool {
        name.utf8.starts(with: prefix.utf8)
    }

    /// Most names are short ASCII words, valid quoted or not: checked byte by byte, with no
    /// Unicode tables.
    public static func isPlainASCII(_ name: String) -> Bool {
        let utf8 = name.utf8
        return utf8.withContiguousStorageIfAvailable { (1...maxLength).contains($0.count) && $0.allSatisfy(isPlainASCII) }
            ?? ((1...maxLength).contains(utf8.count) && utf8.allSatisfy(isPlainASCII))
    }

    /// The same on a name's bytes (the parser reads them from the line in place).
    public static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (1...maxLength).contains(bytes.count) && bytes.allSatisfy(isPlainASCII)
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// True when the name can be written without quotes.
    public static func isPlain(_ name: String) -> Bool {
        name.utf8.allSatisfy(isPlainASCII) || name.unicodeScalars.allSatisfy(isPlain)
    }

    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "_" || scalar == "." || isLetterOrDigit(scalar.properties.generalCategory)
    }

    /// Letters, numbers and the marks that combine with them (`Zoë` written decomposed).
    private static func isLetterOrDigit(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        case .enclosingMark, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
             .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .control, .format, .surrogate, .privateUse, .unassigned:
            return false
        @unknown default:
            return false
        }
    }

    /// Cc, Cf, Cs, Co, Cn, Zl and Zp.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return true
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
             .modifierSymbol, .otherSymbol, .spaceSeparator:
            return false
        @unknown default:
            return true
        }
    }

    /// A space separator (general category Zs): U+0020, U+00A0, U+3000, ….
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar.properties.generalCategory == .spaceSeparator
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The name as a command word: quoted when it is not plain.
    public static func written(_ name: String) -> String {
        isPlain(name) && !name.isEmpty ? name : "\"" + name + "\""
    }
}
