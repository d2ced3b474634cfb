import WalletCore

/// What must never be echoed or kept in the history: payment passwords and card numbers.
/// Found on the lexer's tokens, so spacing, quoting or splitting a secret changes nothing.
/// One place, so the console's echoes, the history filter, reports and diagnostics agree.
enum Secrets {
    /// Cheap first look: a line that cannot hold a secret skips the lexer.
    static func mentionsPassword(_ line: String) -> Bool { line.lowercased().contains("password") }

    /// `password`, and every word the tool would correct to it (`pasword`, `passwd`, `pass`).
    /// A word the language knows (`passport`, `pay`) is itself, never a misspelt password.
    static func isPasswordWord(_ word: Substring) -> Bool {
        guard !word.isEmpty else { return false }
        let lower = word.lowercased()
        if lower == "password" { return true }
        if knownWords.contains(lower) { return false }
        return nearest(to: lower, in: ["password"]) != nil
    }

    private static let knownWords: Set<String> = Set(
        CommandTable.all.flatMap { spec in [spec.name] + spec.aliases + spec.options.map(\.key) + spec.positionalValues }
    )

    /// UTF-8 ranges of the line that hold a secret; nil when the line does not lex (then
    /// every digit counts as secret).
    static func secretRanges(_ line: String) -> [Range<Int>]? {
        secretSpans(line).map { $0.map(\.range) }
    }

    /// The secret ranges, each marked card number or not (a password).
    static func secretSpans(_ line: String) -> [(range: Range<Int>, isCard: Bool)]? {
        guard case .success(let tokens) = Lexer.tokenize(line) else { return nil }
        var spans: [(range: Range<Int>, isCard: Bool)] = []
        func value(_ token: Token) -> Range<Int> { token.valueOffset..<token.endOffset }
        // Words that follow a password word or an empty `password:` are its value, split.
        var inPassword = false
        let command = tokens.first.flatMap { $0.isOption ? nil : $0.text.lowercased() } ?? ""
        let linksCard = command == "card" || command == "link" || nearest(to: command, in: ["card", "link"]) != nil
        let namesSomeone = command == "user" || command == "merchant"
        // A path is no name: digit groups among its letters (`/tmp/run-24310-4731709E/s.scn`)
        // are shown as typed, as `echoDigits` shows them.
        let namesAPath = takesPaths(command)
        var digitRun: [Token] = []
        var digitCount = 0
        func endDigitRun() {
            // A card number typed in groups (`4111 1111 1111 1111`), or any digits after `card`.
            // One word of only digits, longer than any card number (12 to 19), is none
            // (`topup 99999999999999999999999` is shown as typed, in its error too); groups
            // adding up to more may still hold one, and stay hidden.
            let tooLongForACard = digitRun.count == 1 && digitCount > 19
                && digitRun[0].text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if (digitCount >= 12 && !tooLongForACard) || (linksCard && digitCount > 0) { spans += digitRun.map { (value($0), true) } }
            digitRun = []
            digitCount = 0
        }
        for (index, token) in tokens.enumerated() {
            if let key = token.key {
                endDigitRun()
                inPassword = false
                if isPasswordWord(key) {
                    spans.append((value(token), false))
                    inPassword = token.text.isEmpty
                } else if let digits = cardDigits(token.text), digits >= 12 || (digits > 4 && nearest(to: String(key), in: ["card"]) != nil) {
                    // A full number in a `card:` selector, or anywhere as an option value.
                    spans.append((value(token), true))
                } else {
                    // A number inside a name with letters (`to:Bob4111111111111111`).
                    if !namesAPath { spans += cardGroupsAmongLetters(line, token).map { ($0, true) } }
                }
                continue
            }
            if inPassword {
                // `password : 246810`: a word of only punctuation is no value; the value follows.
                if token.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                    spans.append((value(token), false))
                }
                continue
            }
            // Not a key to the lexer (`Password:1`, `PASSWD:1`), still a password to a reader.
            if let colon = token.text.firstIndex(of: ":"), isPasswordWord(token.text[..<colon]) {
                endDigitRun()
                let start = token.offset + token.text[...colon].utf8.count
                if start < token.endOffset { spans.append((start..<token.endOffset, false)) } else { inPassword = true }
                continue
            }
            if isPasswordWord(token.text) && (index > 0 || tokens.count > 1) {
                endDigitRun()
                inPassword = true
                continue
            }
            if index == 1, namesSomeone, token.text.utf8.count > 19, token.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                // `user 1234…` (33 digits): a name, longer than any card number (12 to 19
                // digits) and printed in full once accepted; shorter runs stay masked.
                endDigitRun()
                continue
            }
            if let digits = cardDigits(token.text) {
                digitRun.append(token)
                digitCount += digits
            } else {
                endDigitRun()
                if !namesAPath { spans += cardGroupsAmongLetters(line, token).map { ($0, true) } }
            }
        }
        endDigitRun()
        return spans
    }

    /// A word of only digits, spaces and dashes with as many digits as a card number has.
    static func looksLikeCardNumber(_ text: String) -> Bool {
        cardDigits(Substring(text)).map { 12...19 ~= $0 } ?? false
    }

    /// Digits in a word made only of digits, spaces and dashes (`4111`, `"4111 1111"`, `4111-1111`).
    private static func cardDigits(_ text: Substring) -> Int? {
        var digits = 0
        for scalar in text.unicodeScalars {
            // Any decimal digit (full-width `４` too): the number is secret however typed.
            if scalar.properties.numericType == .decimal { digits += 1 }
            else if scalar != " " && scalar != "-" { return nil }
        }
        return digits > 0 ? digits : nil
    }

    /// The line with every secret character, and every digit a password line cannot place,
    /// shown as `•` (one for one, so a caret below still points at the right column).
    static func redacted(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) || mentionsPassword(line) else { return line }
        let ranges = hiddenRanges(line)
        if ranges?.isEmpty == true { return line }
        let shownBytes = escapeDigits(line)
        var out = ""
        var offset = 0
        for character in line {
            let secret = ranges.map { ranges in ranges.contains { $0.contains(offset) } } ?? character.isNumber
            out += secret && character != "\"" && !shownBytes.contains(offset) ? "•" : String(character)
            offset += character.utf8.count
        }
        return out
    }

    /// UTF-8 offsets of the hex digits of the escapes a diagnostic shows for bytes that are
    /// not text (`\x13`, `\u{1F}`): they spell a byte, never a digit typed, so they stay.
    static func escapeDigits(_ line: String) -> Set<Int> {
        let bytes = Array(line.utf8)
        var found: Set<Int> = []
        func isHex(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
        }
        var index = 0
        while index + 3 < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else { index += 1; continue }
            if bytes[index + 1] == UInt8(ascii: "x"), isHex(bytes[index + 2]), isHex(bytes[index + 3]) {
                found.formUnion([index + 2, index + 3])
                index += 4
            } else if bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "{") {
                var end = index + 3
                while end < bytes.count, end - index - 3 < 6, isHex(bytes[end]) { end += 1 }
                if end > index + 3, end < bytes.count, bytes[end] == UInt8(ascii: "}") { found.formUnion(index + 3..<end) }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The line trimmed, each secret shortened for a header: a card number as `••` and its
    /// last four digits, a password as `••••••` (no length shown).
    static func shown(_ line: String) -> String {
        var trimmed = Substring(line)
        while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        let text = String(trimmed)
        guard text.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) || mentionsPassword(text) else { return text }
        guard case .success(let tokens) = Lexer.tokenize(text), var found = secretSpans(text) else { return redacted(text) }
        found += echoDigits(text, tokens: tokens, parsed: nil)
        guard !found.isEmpty else { return text }
        let bytes = Array(text.utf8)
        // Neighbours of one kind apart only by spaces, dashes or quotes are one secret
        // (`4111 1111 1111 1111`, `password 12 34`).
        var spans: [(range: Range<Int>, isCard: Bool)] = []
        for span in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = spans.last, last.isCard == span.isCard, last.range.upperBound <= span.range.lowerBound,
               bytes[last.range.upperBound..<span.range.lowerBound].allSatisfy({ $0 == 32 || $0 == 45 || $0 == 34 }) {
                spans[spans.count - 1].range = last.range.lowerBound..<span.range.upperBound
            } else if spans.last.map({ $0.range.upperBound <= span.range.lowerBound }) ?? true {
                spans.append(span)
            }
        }
        var out: [UInt8] = []
        var offset = 0
        for span in spans {
            out += bytes[offset..<span.range.lowerBound]
            let digits = String(decoding: bytes[span.range], as: UTF8.self).filter(\.isNumber)
            out += Array((span.isCard ? "••" + String(digits.suffix(4)) : "••••••").utf8)
            offset = span.range.upperBound
        }
        out += bytes[offset...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a line may go to the history file: it holds no secret, and a line that does
    /// not lex holds no digit.
    static func isSafeForHistory(_ line: String) -> Bool {
        guard let ranges = secretRanges(line) else { return !line.contains(where: \.isNumber) }
        return ranges.isEmpty
    }
}
