import WalletCore
import WalletScript

/// The language's words for libFuzzer's `-dict`, taken from the tables themselves so new
/// commands, options and codes are picked up without editing a list.
enum FuzzDictionary {
    static var entries: [String] {
        var words: [String] = []
        for spec in CommandTable.all {
            words += [spec.name + " "] + spec.aliases.map { $0 + " " } + spec.positionalValues
            for option in spec.options {
                words.append(option.key + ":")
                words += option.values + option.values.map { option.key + ":" + $0 }
            }
        }
        words += ErrorCode.allCases.map(\.rawValue)
        words += Policy.keys.map(\.name)
        words += MetaCommand.names
        // Syntax and values the tables do not list.
        words += ["\n", "\r\n", "| ", "|", "# ", "\"", "\\\"", ":", " ", "\t", "\u{FEFF}",
                  "expect error ", "expect ok", "user alice", "user bob", "card visa", "topup 500", "pay 38.50 qr:cross",
                  "0", "0.01", "1.234", "-1", "100", "2000.01", "99999999999999999999", "4503599627370496", "%",
                  "91d", "1d12h", "59m", "3h", "2w", "2026-04-01", "2026-04-01 09:30", "9999-12-31 23:59", "0000-01-01", "02/29",
                  "12/29", "01/20", "+86-13800138000", "+44-7700900001", "4111 1111 1111 1111", "4111111111111111",
                  "5555555555554444", "6200000000000005", "123456", "000000", "P1234567", "ALICE SMITH", "é", "王", "Zoë",
                  "\u{202E}", "\u{0301}", "yes", "no", "none", "active", "expired", "intl", "domestic", "cross"]
        var seen = Set<String>()
        return words.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// One dictionary line: `"word"` with quotes, backslashes and non-printing bytes escaped.
    static func escaped(_ word: String) -> String {
        var line = "\""
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): line += "\\" + String(UnicodeScalar(byte))
            case 0x20..<0x7f: line += String(UnicodeScalar(byte))
            default: line += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return line + "\""
    }
}
