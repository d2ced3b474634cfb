import WalletCore

/// A word the parser took: where it lies in the line, and nothing else (copying one retains
/// nothing). The reader makes its text or value from the line's bytes when asked.
struct Arg {
    let word: RawToken
    /// UTF-8 offsets into the line, for columns in diagnostics.
    var offset: Int { word.offset }
    var valueOffset: Int { word.valueOffset }
    var isOption: Bool { word.isOption }
}

/// Reads one line's tokens for a command's parser, with diagnostics that point at the
/// offending word. Every option must be consumed and every positional used, or it is an error.
public struct ArgReader {
    /// The command being parsed (its spec is read only for messages). The reader holds no
    /// reference, so making and dropping one costs nothing a line.
    private let id: CommandID
    /// The line's bytes and words, read in place: valid while the parser runs (the reader
    /// is made inside `CommandTable.parse`'s access to them, and a parser gets it `inout`,
    /// so it cannot keep it). The parser reads the words from `first` on (after the command
    /// name). A word the parser takes is an `Arg` (offsets only); option keys are matched as bytes.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let words: UnsafeBufferPointer<RawToken>
    /// Quoted values (rare), by `RawToken.quoted`.
    private let quoted: UnsafeBufferPointer<String>
    private let first: Int
    /// A bit a word, by its index in `words` (the lexer allows at most 64 words), from `first`
    /// on: the words not taken yet, and the words that are options. The next positional is
    /// then the lowest bit of one mask, an option is looked for among the option words only,
    /// and a line is taken whole when `remaining` is 0.
    private var remaining: UInt64
    private let optionWords: UInt64
    /// Names made on recent lines (the caller's `TokenBuffer.names`), valid as the words are.
    private let names: UnsafeMutablePointer<NameMemo>

    /// `options`: a bit a word that is an option (`TokenBuffer.optionWords`, made by the lexer).
    init(command id: CommandID, bytes: UnsafeBufferPointer<UInt8>, words: UnsafeBufferPointer<RawToken>, options: UInt64,
         quoted: UnsafeBufferPointer<String>, names: UnsafeMutablePointer<NameMemo>, first: Int = 1) {
        self.id = id
        self.bytes = bytes
        self.words = words
        self.quoted = quoted
        self.names = names
        self.first = first
        let count = min(words.count, 64)
        let all: UInt64 = count >= 64 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count)) &- 1
        remaining = first >= count ? 0 : all & ~((1 &<< UInt64(truncatingIfNeeded: first)) &- 1)
        optionWords = options & remaining
        assert((0..<count).allSatisfy { (words[$0].keyLength != 0) == (options & (1 << UInt64($0)) != 0) }, "the option bits are not the words'")
    }

    /// The command's name, for messages.
    var command: String { CommandTable.spec(id).name }

    /// The line, made only for a diagnostic.
    var line: String { String(decoding: bytes, as: UTF8.self) }

    /// Lines about passwords never quote what was typed.
    var isSensitive: Bool { !Secrets.isSafeForHistory(line) }

    func quote(_ arg: Arg) -> String { isSensitive ? "" : ": \(text(arg))" }

    func error(_ message: String, at offset: Int) -> Diagnostic {
        Diagnostic(column: Lexer.column(in: line, at: offset), message: message)
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(column: Lexer.column(in: line, at: line.utf8.count), message: message)
    }

    // MARK: a taken word's text, made from the line's bytes

    /// The word, or the option's value, with quotes removed.
    func text(_ arg: Arg) -> String {
        if arg.word.quoted >= 0 { return quoted[Int(arg.word.quoted)] }
        return withValueBytes(arg) { String(decoding: $0, as: UTF8.self) }
    }

    /// The option's key without its colon, or nil for a plain word.
    func key(_ arg: Arg) -> String? {
        guard arg.isOption else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[arg.offset..<arg.offset + Int(arg.word.keyLength)]), as: UTF8.self)
    }

    /// The value's bytes, read in place.
    func withValueBytes<R>(_ arg: Arg, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if arg.word.quoted >= 0 {
            var text = quoted[Int(arg.word.quoted)]
            return text.withUTF8(body)
        }
        return body(UnsafeBufferPointer(rebasing: bytes[arg.valueOffset..<arg.word.valueEnd]))
    }

    /// Whether the value is `word`: a quoted value as a String (as it always was), a word of
    /// the line compared as bytes.
    func valueIs(_ arg: Arg, _ word: String) -> Bool {
        if arg.word.quoted >= 0 { return quoted[Int(arg.word.quoted)] == word }
        var word = word
        return word.withUTF8 { expected in
            withValueBytes(arg) { value in
                guard value.count == expected.count else { return false }
                for index in 0..<value.count where value[index] != expected[index] { return false }
                return true
            }
        }
    }

    @inline(__always)
    private func isEmpty(_ arg: Arg) -> Bool {
        arg.word.quoted >= 0 ? quoted[Int(arg.word.quoted)].isEmpty : arg.word.valueEnd == arg.valueOffset
    }

    /// Typed with quotes: its text is not the line's bytes.
    func isQuoted(_ arg: Arg) -> Bool { arg.word.quoted >= 0 }

    // MARK: taking words

    private var indices: Range<Int> { first..<max(first, min(words.count, 64)) }
    private func isTaken(_ index: Int) -> Bool { remaining & (1 &<< UInt64(truncatingIfNeeded: index)) == 0 }
    @inline(__always)
    private mutating func take(_ index: Int) { remaining &= ~(1 &<< UInt64(truncatingIfNeeded: index)) }
    @inline(__always)
    private func arg(_ index: Int) -> Arg { Arg(word: words[index]) }

    /// The first word not taken that is no option: the lowest bit of a mask.
    @inline(__always)
    private func nextPositionalIndex() -> Int? {
        let free = remaining & ~optionWords
        return free == 0 ? nil : free.trailingZeroBitCount
    }

    /// Inlined (a few instructions); the problem is made out of line.
    @inline(__always)
    mutating func positional(_ what: String) throws(Diagnostic) -> Arg {
        guard let index = nextPositionalIndex() else { throw needs(what) }
        take(index)
        return arg(index)
    }

    @inline(never)
    private func needs(_ what: String) -> Diagnostic { error("\(command) needs \(what)") }

    @inline(__always)
    mutating func optionalPositional() -> Arg? {
        guard let index = nextPositionalIndex() else { return nil }
        take(index)
        return arg(index)
    }

    mutating func remainingPositionals() -> [Arg] {
        var rest: [Arg] = []
        while let arg = optionalPositional() { rest.append(arg) }
        return rest
    }

    /// The value of `key:`, marked as taken so that leftovers can be reported. Inlined (its
    /// problems are made out of line): called, it copied the reader for the search.
    @inline(__always)
    mutating func option(_ key: StaticString) throws(Diagnostic) -> Arg? {
        // `CommandTable.parse` checks a line's keys against the spec only when it fails to
        // parse: a parser asking for a key its spec lacks would let an unknown key through.
        assert(declares(key), "\(command) asks for `\(key):`, which its spec does not list")
        let (index, again) = key.withUTF8Buffer { findOption($0) }
        guard index >= 0 else { return nil }
        take(index)
        let arg = arg(index)
        if again >= 0 || isEmpty(arg) { throw optionProblem(key, arg, again: again) }
        return arg
    }

    private func declares(_ key: StaticString) -> Bool {
        key.withUTF8Buffer { PackedWord($0) }.map(CommandTable.spec(id).optionNames.contains) ?? false
    }

    private func optionProblem(_ key: StaticString, _ arg: Arg, again: Int) -> Diagnostic {
        if again >= 0 { return error("`\(key):` is given twice", at: words[again].offset) }
        return error("`\(key):` needs a value", at: arg.valueOffset)
    }

    /// The first word that is the option `key:` and the next such word (-1 for none), in one
    /// pass over the option words read in place: a key's length is compared before any of its bytes.
    @inline(__always)
    private func findOption(_ key: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        guard let keyBytes = key.baseAddress else { return (-1, -1) }
        let length = key.count
        var found = -1
        var options = optionWords
        while options != 0 {
            let index = options.trailingZeroBitCount
            options &= options &- 1
            let word = words[index]
            guard Int(word.keyLength) == length, word.offset >= 0, word.offset + length <= bytes.count else { continue }
            var at = 0
            while at < length, bytes[word.offset + at] == keyBytes[at] { at += 1 }
            guard at == length else { continue }
            if found >= 0 { return (found, index) }
            found = index
        }
        return (found, -1)
    }

    /// Reports anything the parser did not take. Unknown option keys were refused before
    /// parsing (`CommandTable.parse`), so a leftover option is a known one used out of place.
    /// Inlined: usually every word was taken, one compare; a leftover is reported out of line.
    /// Marked `mutating` though it changes nothing: called on a `var`, it copied the reader.
    @inline(__always)
    mutating func finish() throws(Diagnostic) {
        guard remaining != 0 else { return }
        if let problem = leftover() { throw problem }
    }

    private func leftover() -> Diagnostic? {
        for index in indices where !isTaken(index) {
            let extra = arg(index)
            if let key = key(extra) {
                return error("option `\(key):` does not apply to this use of \(command)", at: extra.offset)
            }
            return error("unexpected word for \(command)\(quote(extra))" + spacedNameHint(index, extra), at: extra.offset)
        }
        return nil
    }

    /// `pay 5 to:Tea House`, `user Mary Ann`: the stray word is most likely the rest of a
    /// name with a space, so say how to write it (only on this error path).
    private func spacedNameHint(_ index: Int, _ extra: Arg) -> String {
        guard !isSensitive, index > first, !extra.isOption else { return "" }
        let previous = arg(index - 1)
        guard !isQuoted(previous) else { return "" }
        let joined = "\"\(text(previous)) \(text(extra))\""
        if let key = key(previous), ["to", "from", "name"].contains(key) {
            return "; a name with a space goes in quotes: \(key):\(joined)"
        }
        if !previous.isOption, index - 1 == first, ["user", "merchant"].contains(command) {
            return "; a name with a space goes in quotes: \(command) \(joined)"
        }
        return ""
    }

    // MARK: typed values
    // Marked `mutating` though they change nothing: in `r.amount(r.positional(…))` a
    // non-mutating call would copy the reader before the argument mutates it.

    /// The usual amount (`Money.plainFen`) read in place here; any other goes the full way
    /// out of line, with the same answer (`Money.parse(utf8:)` tries `plainFen` first too).
    @inline(__always)
    mutating func amount(_ arg: Arg, allowZero: Bool = false) throws(Diagnostic) -> Money {
        if arg.word.quoted < 0, let fen = Money.plainFen(UnsafeBufferPointer(rebasing: bytes[arg.valueOffset..<arg.word.valueEnd])), fen != 0 || allowZero {
            return Money(fen: fen)
        }
        return try fullAmount(arg, allowZero: allowZero)
    }

    private func fullAmount(_ arg: Arg, allowZero: Bool) throws(Diagnostic) -> Money {
        switch withValueBytes(arg, { Money.parse(utf8: $0, allowZero: allowZero) }) {
        case .success(let money): return money
        case .failure(let problem): throw error(problem.message(typed: Substring(text(arg))), at: arg.valueOffset)
        }
    }

    mutating func duration(_ arg: Arg) throws(Diagnostic) -> SimDuration {
        switch withValueBytes(arg, { SimDuration.parse(utf8: $0) }) {
        case .success(let span): return span
        case .failure(let problem): throw error("\(problem.message): \(text(arg))", at: arg.valueOffset)
        }
    }

    mutating func date(_ arg: Arg) throws(Diagnostic) -> CivilDate {
        let typed = text(arg)
        guard let date = CivilDate.parse(Substring(typed)) else {
            throw error("not a date (expected YYYY-MM-DD): \(typed)", at: arg.valueOffset)
        }
        return date
    }

    mutating func instant(_ arg: Arg) throws(Diagnostic) -> Instant {
        try instant(text(arg), at: arg.valueOffset)
    }

    private func instant(_ typed: String, at valueOffset: Int) throws(Diagnostic) -> Instant {
        guard let instant = Instant.parse(Substring(typed)) else {
            throw error("not a date or time (expected YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"): \(typed)", at: valueOffset)
        }
        return instant
    }

    /// The instant of `key:`, its time unquoted too (`to:2026-04-01 09:30`): a word typed
    /// after the date is its time.
    mutating func instant(option key: StaticString) throws(Diagnostic) -> Instant? {
        guard let arg = try option(key) else { return nil }
        let typed = text(arg)
        if !typed.contains(" "), let time = optionalPositional() {
            return try instant(typed + " " + text(time), at: arg.valueOffset)
        }
        return try instant(typed, at: arg.valueOffset)
    }

    mutating func choice<T>(_ arg: Arg, _ choices: [(String, T)]) throws(Diagnostic) -> T {
        for choice in choices where valueIs(arg, choice.0) { return choice.1 }
        let names = choices.map(\.0)
        let typed = text(arg)
        let hint = didYouMean(typed, in: names)
        let what = key(arg).map { "`\($0):`" } ?? command
        throw error("\(what) takes \(names.joined(separator: " or ")), not '\(typed)'\(hint)", at: arg.valueOffset)
    }

    mutating func password(_ arg: Arg) throws(Diagnostic) -> String {
        let typed = text(arg)
        guard typed.count == 6, typed.allSatisfy(\.isASCIIDigitCharacter) else {
            throw error("a payment password is exactly 6 digits", at: arg.valueOffset)
        }
        return typed
    }

    mutating func nationality(_ arg: Arg) throws(Diagnostic) -> String {
        let typed = text(arg)
        let code = typed.uppercased()
        guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            throw error("a nationality is a two-letter country code such as GB: \(typed)", at: arg.valueOffset)
        }
        return code
    }

    /// A user or merchant name (`Names`): unquoted letters, digits, `-`, `_`, `.`; quoted,
    /// spaces and punctuation too; 1 to 32 code points. A name read on a recent line
    /// (`pay 12 to:cafe`, line after line) is found in the memo here, as `readName` would find
    /// it first; any other goes the full way, out of line. (Marked to inline, but `pay`'s
    /// parser still calls it: the compiler declines, as it did for `option` in round 8.)
    @inline(__always)
    mutating func name(_ arg: Arg, of what: String) throws(Diagnostic) -> String {
        if !isQuoted(arg), let key = PackedWord(loading: bytes, from: arg.valueOffset, to: arg.word.valueEnd),
           let known = names.pointee.name(key) {
            return known
        }
        // Handed back, not thrown through: this frame then saves fewer registers (a name
        // found in the memo: 98 -> 84 instructions, callgrind).
        switch readName(arg, of: what) {
        case .success(let name): return name
        case .failure(let problem): throw problem
        }
    }

    @inline(never)
    private func readName(_ arg: Arg, of what: String) -> Result<String, Diagnostic> {
        do throws(Diagnostic) { return .success(try carefulName(arg, of: what)) } catch { return .failure(error) }
    }

    private func carefulName(_ arg: Arg, of what: String) throws(Diagnostic) -> String {
        // The usual name, plain ASCII not opening with a digit (as a card number would), is
        // made from its bytes with no other check.
        if !isQuoted(arg) {
            let value = UnsafeBufferPointer(rebasing: bytes[arg.valueOffset..<arg.word.valueEnd])
            if let key = PackedWord(in: bytes, from: arg.valueOffset, to: arg.word.valueEnd) {
                if let known = names.pointee.name(key) { return known }
                if let plain = Self.plainName(value) {
                    names.pointee.keep(plain, as: key)
                    return plain
                }
            } else if let plain = Self.plainName(value) {
                return plain
            }
        }
        let text = text(arg)
        // A card number where a name goes would be printed in full with the name (the
        // prompt, `users`, statements): refused, alone or among letters (`Bob 4111…`).
        if Secrets.holdsCardNumber(text) {
            throw error("not a \(what) name: it looks like a card number (12 to 19 digits); a card is linked with `card NUMBER`", at: arg.valueOffset)
        }
        if !isQuoted(arg), withValueBytes(arg, Names.isPlainASCII) { return text }
        if let problem = Names.problem(text, quoted: isQuoted(arg)) {
            throw error("not a \(what) name: \(problem)", at: arg.valueOffset)
        }
        return text
    }

    /// A card holder's name (`name:"FULL NAME"` on `user` and `card`): printed with every
    /// card link and verification, so a card number in it is refused as in a user's name.
    mutating func holderName(_ arg: Arg) throws(Diagnostic) -> String {
        let text = text(arg)
        if Secrets.holdsCardNumber(text) {
            throw error("not a holder name: it looks like a card number (12 to 19 digits); a card is linked with `card NUMBER`", at: arg.valueOffset)
        }
        return text
    }

    /// A plain ASCII name (`Names.isPlainASCII`: 1 to 32 of letters, digits, `-`, `_`, `.`)
    /// that does not open with a digit, as a String made straight from its bytes, checked a
    /// byte a table look-up; else nil (the careful way then looks at it).
    private static func plainName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 1, bytes.count <= Names.maxLength, bytes[0] < 0x30 || bytes[0] > 0x39, Lexer.allNameBytes(bytes),
              bytes.count < Secrets.cardDigitCounts.lowerBound || !Secrets.mayHoldCardNumber(bytes) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { text in
            UnsafeMutableRawBufferPointer(text).copyMemory(from: UnsafeRawBufferPointer(bytes))
            return bytes.count
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
