import WalletCore

/// Lines of a command that can carry a payment password: `pay`, `card` (`link`), `password`,
/// a near miss the parser would suggest for one (`pya`, `PAY`), and a line whose first word
/// is no command and suggests none (`246810`, `pw:246810`). A password can be typed anywhere
/// in such a line (`password=246810`, `pin:246810`, `2468 10`, `# 246810`), so rather than
/// chase spellings, what the parser cannot place is hidden. Used only by echoes, diagnostics
/// and the history, never on the path of a line that runs.
extension Secrets {
    private static let passwordCommands: Set<String> = ["pay", "card", "password"]

    enum LineCommand {
        /// A password command, typed exactly, as an alias or as a near miss.
        case known(CommandSpec)
        /// No command at all.
        case unknown
    }

    /// Whether a line's first word takes paths and targets, neither passwords nor names:
    /// `include` and the REPL's own commands (`:load runs/2024-0611.scn` is shown and kept as typed).
    static func takesPaths(_ word: some StringProtocol) -> Bool {
        word == IncludeLine.keyword || MetaCommand.names.contains(String(word))
    }

    /// What a line's first word makes of it, when it may carry a password; nil otherwise.
    static func passwordCommand(_ tokens: [Token]) -> LineCommand? {
        guard let first = tokens.first else { return nil }
        if first.isOption { return .unknown }
        let word = String(first.text)
        if takesPaths(word) { return nil }
        if let spec = CommandTable.spec(named: word) { return passwordCommands.contains(spec.name) ? .known(spec) : nil }
        guard let near = nearest(to: word, in: CommandTable.namesAndAliases) else { return .unknown }
        guard let spec = CommandTable.spec(named: near), passwordCommands.contains(spec.name) else { return nil }
        return .known(spec)
    }

    /// UTF-8 ranges of digits to hide on such a line, beyond `secretSpans`: every digit of a
    /// word the parser cannot place (an unknown option, a stray word, the words of a line
    /// with no command) and of a comment, and every run of 4 or more digits elsewhere but in
    /// `pay`'s amount. Empty for other lines, but a comment-only line's runs of 4 or more.
    static func passwordLineDigits(_ line: String, tokens: [Token]) -> [Range<Int>] {
        let runs = digitRuns(line)
        guard !runs.isEmpty else { return [] }
        let comment = commentStart(line, after: tokens.last?.endOffset ?? 0)
        guard let command = passwordCommand(tokens) else {
            // A note typed alone (`# 246810`) is never shown, but the history would keep it.
            guard tokens.isEmpty, let comment else { return [] }
            return runs.filter { $0.range.lowerBound >= comment && $0.count >= 4 }.map(\.range)
        }
        var hidden: [Range<Int>] = []
        var sawPositional = false
        let bytes = Array(line.utf8)
        // A line with no command whose digit-only words hold fewer than 4 digits in all (an
        // examples row `1 | 2 | 3`) cannot spell a password, even split (`24 68 10`).
        let fewDigits: Bool = {
            guard case .unknown = command else { return false }
            let loose = tokens.filter { $0.key == nil && cardDigitsOnly(bytes[$0.offset..<$0.endOffset]) }
            return loose.reduce(0) { sum, token in sum + runs.filter { token.offset <= $0.range.lowerBound && $0.range.lowerBound < token.endOffset }.reduce(0) { $0 + $1.count } } < 4
        }()
        // Short runs shown only because they touch a letter: a piece of a password split
        // over words (`2468 10x`) is hidden with the rest of its group below.
        var touchingLetters: [Range<Int>] = []
        for (index, token) in tokens.enumerated() {
            // Fewest digits in a run that is hidden: 1 where the parser places nothing.
            var minimum = 1
            // A near miss of `card:` (`crad:1111`) shows a last four, as every card is shown.
            var lastFourShown = false
            if case .known(let spec) = command {
                if index == 0 {
                    minimum = 4
                } else if let key = token.key {
                    if spec.options.contains(where: { $0.key == key }) { minimum = 4 }
                    else if nearest(to: String(key), in: ["card"]) != nil { lastFourShown = true }
                } else if !sawPositional {
                    // `pay`'s amount stays visible; `card`'s brand or number and `password`'s
                    // value are `secretSpans`' to judge.
                    sawPositional = true
                    minimum = spec.name == "pay" ? Int.max : 4
                }
            }
            let inToken = runs.filter { token.offset <= $0.range.lowerBound && $0.range.lowerBound < token.endOffset && $0.count >= minimum }
            hidden += inToken.filter { run in
                // Fewer than 4 digits touching a letter (`utf8`, `1a`, `v2`) or a last four after
                // a near `card:` cannot be a password (6 digits) or a card number.
                if run.count < 4, minimum == 1, touchesLetter(bytes, run.range) { touchingLetters.append(run.range); return false }
                if lastFourShown, run.count <= 4 { return false }
                if fewDigits, run.count < 4 { return false }
                if inDecimalAmount(bytes, run.range) { return false }
                return true
            }.map(\.range)
        }
        if let comment { hidden += runs.filter { $0.range.lowerBound >= comment }.map(\.range) }
        return hidden + joinedToHidden(touchingLetters, hidden: hidden, bytes)
    }

    /// The runs of `candidates` in one digit group with a hidden run (apart only by spaces,
    /// tabs, dashes or quotes, as a number is split: `2468 10x`, `2468-10`), directly or
    /// through another such run.
    static func joinedToHidden(_ candidates: [Range<Int>], hidden: [Range<Int>], _ bytes: [UInt8]) -> [Range<Int>] {
        func joined(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            let (first, second) = a.lowerBound < b.lowerBound ? (a, b) : (b, a)
            guard first.upperBound < second.lowerBound else { return false }
            return bytes[first.upperBound..<second.lowerBound].allSatisfy {
                $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "\"")
            }
        }
        var left = candidates
        var found: [Range<Int>] = []
        var grew = true
        while grew {
            grew = false
            for (index, run) in left.enumerated().reversed() where (hidden + found).contains(where: { joined($0, run) }) {
                found.append(run)
                left.remove(at: index)
                grew = true
            }
        }
        return found
    }

    /// Whether a run is part of an amount with a point (`99.99`, `2000.01`, `1,000.50`): one or
    /// two decimals, groups of three after commas, nothing but spaces, quotes or punctuation
    /// other than `.`, `,` and `-` around it, at most 9 digits before the point and no run of 6
    /// digits (a password has no point,
    /// but `246810.5` may still hold one). An examples cell or a stray amount is no secret.
    static func inDecimalAmount(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func inWord(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") }
        var start = range.lowerBound, end = range.upperBound
        while start > 0, inWord(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, inWord(bytes[end]) { end += 1 }
        func bounds(_ byte: UInt8) -> Bool { byte < 0x80 && !inWord(byte) && byte != UInt8(ascii: "-") && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) }
        guard start == 0 || bounds(bytes[start - 1]), end == bytes.count || bounds(bytes[end]) else { return false }
        let word = bytes[start..<end]
        guard let point = word.firstIndex(of: UInt8(ascii: ".")), word[word.index(after: point)...].allSatisfy(isDigit),
              1...2 ~= end - point - 1, point > start else { return false }
        let whole = word[..<point].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        // At most 9 digits before the point (amounts stop at 100,000,000.00): never a card number.
        guard whole.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) && $0.count != passwordDigits }),
              whole.reduce(0, { $0 + $1.count }) <= 9,
              whole.count == 1 || ((whole.first?.count ?? 0) <= 3 && whole.dropFirst().allSatisfy { $0.count == 3 }) else { return false }
        return true
    }

    /// Whether the byte before or after `range` in the line is an ASCII letter.
    static func touchesLetter(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        return (range.lowerBound > 0 && isLetter(bytes[range.lowerBound - 1]))
            || (range.upperBound < bytes.count && isLetter(bytes[range.upperBound]))
    }

    /// A word of only digits and the punctuation a number is typed with (`2468`, `1.5`, `"24 68"`).
    static func cardDigitsOnly(_ word: ArraySlice<UInt8>) -> Bool {
        word.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "\"") || $0 >= 0x80 }
    }

    /// Where a comment starts after the last word (a `#` opening a word), if there is one.
    static func commentStart(_ line: String, after offset: Int) -> Int? {
        let bytes = line.utf8
        var index = bytes.index(bytes.startIndex, offsetBy: min(offset, bytes.count))
        var at = offset
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") { return at }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { return nil }
            index = bytes.index(after: index)
            at += 1
        }
        return nil
    }

    /// Maximal runs of decimal digits (full-width too), as UTF-8 ranges with their digit counts.
    static func digitRuns(_ text: String) -> [(range: Range<Int>, count: Int)] {
        var runs: [(range: Range<Int>, count: Int)] = []
        var start = -1, count = 0, offset = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                if start < 0 { start = offset }
                count += 1
            } else if start >= 0 {
                runs.append((start..<offset, count))
                start = -1
                count = 0
            }
            offset += scalar.utf8.count
        }
        if start >= 0 { runs.append((start..<offset, count)) }
        return runs
    }

    /// Every range an echo of the line hides: secrets, digits a password line cannot place,
    /// and on any other line digits that look like a password or a card number where the
    /// parser placed nothing (`strayDigits`). `parsed`: whether the line parses, when the
    /// caller knows. Nil when the line does not lex (then every digit is hidden).
    static func hiddenRanges(_ line: String, parsed: Bool? = nil) -> [Range<Int>]? {
        guard case .success(let tokens) = Lexer.tokenize(line), let spans = secretSpans(line) else { return nil }
        return spans.map(\.range) + echoDigits(line, tokens: tokens, parsed: parsed).map(\.range)
    }

    /// Digits an echo hides beyond the secrets: `passwordLineDigits` on a password line, else
    /// `strayDigits` (none on `include` and meta-command lines, whose paths are shown as typed).
    static func echoDigits(_ line: String, tokens: [Token], parsed: Bool?) -> [(range: Range<Int>, isCard: Bool)] {
        let placed = passwordLineDigits(line, tokens: tokens).map { (range: $0, isCard: false) }
        guard passwordCommand(tokens) == nil else { return placed }
        if let first = tokens.first, !first.isOption, takesPaths(first.text) { return placed }
        // Only a line with 6 digits or more can hold what `strayDigits` hides.
        guard line.unicodeScalars.lazy.filter({ $0.properties.numericType == .decimal }).count >= passwordDigits else { return placed }
        let didParse = parsed ?? CommandTable.parsesUnmasked(line)
        return placed + strayDigits(line, tokens: tokens, parsed: didParse)
    }

    /// A diagnostic's message about `line` with every digit run hidden that the echo of the
    /// line hides (`unexpected word for pay: password=••••••`, `an SMS code has at most 8
    /// digits`), so a message never shows what the caret line below it masks. A run is
    /// hidden when it is such a run, or a piece of 4 or more digits of one (a quote cut short).
    static func maskedMessage(_ message: String, about line: String) -> String {
        let messageRuns = digitRuns(message)
        guard !messageRuns.isEmpty, let ranges = hiddenRanges(line, parsed: false), !ranges.isEmpty else { return message }
        let lineBytes = Array(line.utf8)
        var secretRuns: [String] = []
        for run in digitRuns(line) where ranges.contains(where: { $0.overlaps(run.range) }) {
            secretRuns.append(String(decoding: lineBytes[run.range], as: UTF8.self))
        }
        guard !secretRuns.isEmpty else { return message }
        let bytes = Array(message.utf8)
        var out: [UInt8] = []
        var offset = 0
        for run in messageRuns {
            let digits = String(decoding: bytes[run.range], as: UTF8.self)
            guard secretRuns.contains(where: { $0 == digits || (run.count >= 4 && $0.contains(digits)) }) else { continue }
            out += bytes[offset..<run.range.lowerBound]
            out += Array(String(repeating: "•", count: run.count).utf8)
            offset = run.range.upperBound
        }
        out += bytes[offset...]
        return String(decoding: out, as: UTF8.self)
    }

    /// What the history keeps of a typed line, or nil to keep nothing. A line that does not
    /// lex is kept only without digits. A password line that parsed is kept re-rendered without
    /// its `password:` option and a comment with digits, unless a secret or a run of 4 or more
    /// digits (but `pay`'s amount) is left; one that did not parse only when nothing in it would
    /// be hidden. Other lines are kept unless they hold a secret (a card number).
    static func historyEntry(_ line: String) -> String? {
        guard case .success(let tokens) = Lexer.tokenize(line), let spans = secretSpans(line) else {
            return line.contains(where: \.isNumber) ? nil : line
        }
        guard passwordCommand(tokens) != nil else {
            return spans.isEmpty && echoDigits(line, tokens: tokens, parsed: nil).isEmpty ? line : nil
        }
        guard case .success(.some) = CommandTable.parse(line) else {
            return spans.isEmpty && passwordLineDigits(line, tokens: tokens).isEmpty ? line : nil
        }
        // Parsed: every word is placed; drop the password options (key and value words).
        let bytes = Array(line.utf8)
        var kept: [Token] = []
        var inPassword = false
        for (index, token) in tokens.enumerated() {
            if let key = token.key {
                inPassword = index > 0 && isPasswordWord(key)
                if inPassword { inPassword = token.isEmpty; continue }
            } else if inPassword {
                continue
            }
            kept.append(token)
        }
        let dropsComment = commentStart(line, after: tokens.last?.endOffset ?? 0).map { comment in
            String(decoding: bytes[comment...], as: UTF8.self).contains(where: \.isNumber)
        } ?? false
        if kept.count == tokens.count && !dropsComment { return spans.isEmpty && passwordLineDigits(line, tokens: tokens).isEmpty ? line : nil }
        let entry = kept.map { String(decoding: bytes[$0.offset..<$0.endOffset], as: UTF8.self) }.joined(separator: " ")
        guard case .success(let left) = Lexer.tokenize(entry), secretSpans(entry)?.isEmpty == true,
              passwordLineDigits(entry, tokens: left).isEmpty else { return nil }
        return entry
    }
}
