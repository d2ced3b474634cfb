/// Characters a terminal would act on instead of showing: C0 controls, DEL, C1 controls,
/// format characters (bidirectional overrides, zero-width spaces, the byte order mark) and
/// line/paragraph separators. The lexer refuses them; paths and echoed input show them escaped.
public enum Printable {
    /// Whether a scalar must never reach a terminal as it is. U+200C and U+200D (zero-width
    /// non-joiner and joiner) are allowed: scripts and emoji need them and they move nothing.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) { return true }
        if value < 0xA0 { return false }
        if value == 0x200C || value == 0x200D { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The text with every unsafe scalar written as `\u{1B}`; the text itself when it has none.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `U+1B`, for messages naming a refused character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
