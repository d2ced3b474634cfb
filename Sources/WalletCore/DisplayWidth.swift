/// Terminal columns a string takes: East Asian wide and full-width characters (and emoji
/// shown as pictures) take two, combining marks none, others one. Tables (`users`,
/// `history`, `help`) and the line editor's Tab lists line up by it: one function for both,
/// here because the line editor and the command language each depend on this module.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        // ASCII, most text: one column a byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` followed by spaces up to `width` columns (never cut).
    public static func padded(_ text: String, to width: Int) -> String {
        let used = of(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }
}
