import WalletCore

/// Card numbers inside words with letters (`"Bob 4111111111111111"`), and digits on any line
/// that look like a payment password (6 digits) or a card number where the parser placed
/// nothing. Used by names' checks, echoes, diagnostics and the history, never on the path
/// of a line that runs.
extension Secrets {
    /// Digits a card number can be: 12 to 19 (the bound of `looksLikeCardNumber`).
    static let cardDigitCounts = 12...19

    /// Digits of one password: a run of exactly this many looks like one.
    static let passwordDigits = 6

    /// UTF-8 ranges (from `base`) of the digits of each group of digits joined by spaces and
    /// dashes (`4111 1111-1111 1111`: four ranges, the separators shown) with as many digits
    /// as a card number has. Any decimal digit counts (full-width too).
    static func cardGroups(in text: Substring, base: Int = 0) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var chunks: [Range<Int>] = []
        var start = -1, digits = 0, offset = base
        func endChunk() {
            if start >= 0 { chunks.append(start..<offset) }
            start = -1
        }
        func endGroup() {
            endChunk()
            if cardDigitCounts ~= digits { groups += chunks }
            chunks = []; digits = 0
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                if start < 0 { start = offset }
                digits += 1
            } else if scalar == " " || scalar == "-" {
                endChunk()
            } else {
                endGroup()
            }
            offset += scalar.utf8.count
        }
        endGroup()
        return groups
    }

    /// Whether a name holds a card number: made of one (`looksLikeCardNumber`) or holding a
    /// group of 12 to 19 digits among other characters (`Bob 4111111111111111`).
    static func holdsCardNumber(_ name: String) -> Bool {
        looksLikeCardNumber(name) || !cardGroups(in: Substring(name)).isEmpty
    }

    /// Whether plain ASCII bytes (an unquoted name) hold 12 or more digits in a row, dashes
    /// between them allowed: only then does the careful check look at the name.
    static func mayHoldCardNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 { digits += 1; if digits >= cardDigitCounts.lowerBound { return true } }
            else if byte != UInt8(ascii: "-") { digits = 0 }
        }
        return false
    }

    /// Card groups inside the value of a word that also holds a letter: `to:Bob4111111111111111`.
    /// (A word of only digits, spaces and dashes is `secretSpans`' own digit run.)
    static func cardGroupsAmongLetters(_ line: String, _ token: Token) -> [Range<Int>] {
        let bytes = line.utf8
        guard token.valueOffset < token.endOffset, token.endOffset <= bytes.count else { return [] }
        let from = bytes.index(bytes.startIndex, offsetBy: token.valueOffset)
        let to = bytes.index(bytes.startIndex, offsetBy: token.endOffset)
        let value = Substring(line[from..<to])
        guard value.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return [] }
        return cardGroups(in: value, base: token.valueOffset)
    }

    /// Digits an echo of a line that is not a password line hides: where the parser placed
    /// nothing (the whole line when it did not parse, else its comment), every run of exactly
    /// 6 digits (a payment password typed by mistake) and every card group. `topup 100
    /// 246810` shows as `topup 100 ••••••`; a line that parsed keeps its amounts and names.
    static func strayDigits(_ line: String, tokens: [Token], parsed: Bool) -> [(range: Range<Int>, isCard: Bool)] {
        // An SMS code has 4 digits: 6 typed as one (`sms 246810`) are more likely a payment
        // password typed in the wrong place, so on an `sms` line the whole line is looked at.
        let start = parsed && !isSMSLine(tokens) ? commentStart(line, after: tokens.last?.endOffset ?? 0) : 0
        guard let start else { return [] }
        let bytes = line.utf8
        guard start < bytes.count else { return [] }
        let rest = Substring(line[bytes.index(bytes.startIndex, offsetBy: start)...])
        let runs = digitRuns(String(rest))
        // The word after a command that takes an amount first is read as that amount
        // (`topup 100 200`: an amount and a stray word, no password split in two).
        var argument: Range<Int>? = nil
        if tokens.count > 1, !tokens[0].isOption, !tokens[1].isOption, tokens[1].offset >= start,
           let spec = CommandTable.spec(named: String(tokens[0].text)), spec.usage.hasPrefix(spec.name + " AMOUNT") {
            argument = (tokens[1].offset - start)..<(tokens[1].endOffset - start)
        }
        let passwords = (runs.filter { $0.count == passwordDigits }.map(\.range) + splitPasswords(Array(rest.utf8), runs, besides: argument))
            .map { (range: ($0.lowerBound + start)..<($0.upperBound + start), isCard: false) }
        return passwords + cardGroups(in: rest, base: start).map { (range: $0, isCard: true) }
    }

    /// Runs of digits that together spell 6 digits split by spaces (`2468 10`, `24 68 10`,
    /// `"2468 10"`): consecutive runs apart only by spaces, tabs or quotes, each a word of its
    /// own (no letter, point, dash or colon touching it, so `2026-04-01 09:30`, `99.99 10` and
    /// `1d 12h` are no pieces), whose digits add up to exactly 6. `100 2468 10` hides `2468 10`.
    /// Runs inside `besides` (a command's amount) are no pieces.
    static func splitPasswords(_ bytes: [UInt8], _ runs: [(range: Range<Int>, count: Int)], besides: Range<Int>? = nil) -> [Range<Int>] {
        func isGap(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\"") }
        func standsAlone(_ range: Range<Int>) -> Bool {
            (range.lowerBound == 0 || isGap(bytes[range.lowerBound - 1])) && (range.upperBound == bytes.count || isGap(bytes[range.upperBound]))
        }
        var hidden: [Range<Int>] = []
        var chain: [(range: Range<Int>, count: Int)] = []
        func endChain() {
            // Every stretch of the chain with exactly 6 digits (a chain is a few words).
            for first in chain.indices {
                var digits = 0
                for last in first..<chain.count {
                    digits += chain[last].count
                    if digits == passwordDigits, last > first { hidden += chain[first...last].map(\.range) }
                    if digits >= passwordDigits { break }
                }
            }
            chain = []
        }
        for run in runs {
            guard standsAlone(run.range), !(besides?.overlaps(run.range) ?? false) else { endChain(); continue }
            if let previous = chain.last, !bytes[previous.range.upperBound..<run.range.lowerBound].allSatisfy(isGap) { endChain() }
            chain.append(run)
        }
        endChain()
        return hidden
    }

    /// Whether the line's command is `sms`.
    static func isSMSLine(_ tokens: [Token]) -> Bool {
        guard let first = tokens.first, !first.isOption else { return false }
        return CommandTable.spec(named: String(first.text))?.name == SMSCommand.spec.name
    }
}
