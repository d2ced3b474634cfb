import WalletCore

/// Turns the completer's candidates into an edit of the line, independent of
/// libedit so it can be unit tested.
public struct LineCompletion: Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        /// Delete `deleting` Unicode scalars before the cursor, then insert `inserting`.
        case edit(deleting: Int, inserting: String)
        /// Nothing could be inserted: show these to the user.
        case list([String])
        /// No candidates.
        case none
    }

    /// The word being completed: the text after the last unquoted space.
    public var word: String
    /// Full candidate words for `word`, duplicates removed, order kept.
    public var candidates: [String]

    public init(textBeforeCursor: String, candidates: [String]) {
        self.word = LineCompletion.currentWord(in: textBeforeCursor)
        // By bytes: a `Set<String>` would merge names that differ only in code points
        // (`Café` precomposed and decomposed), which are two users or merchants.
        var seen = Set<[UInt8]>()
        self.candidates = candidates.filter { seen.insert(Array($0.utf8)).inserted }
    }

    public var action: Action {
        guard let first = candidates.first else { return .none }
        if candidates.count == 1 {
            // `qr:` is followed by its value, so no space after a colon.
            // An option key (`qr:`) or a folder (`scenarios/`) goes on being typed: no space.
            let text = first.hasSuffix(":") || first.hasSuffix("/") ? first : first + " "
            return edit(toward: text) ?? .none
        }
        let prefix = candidates.dropFirst().reduce(first) { LineCompletion.commonPrefix($0, $1) }
        if let extend = edit(toward: prefix) { return extend }
        return .list(candidates)
    }

    /// Replaces `word` with `text`, or nil when that would change nothing or
    /// lose typed text.
    private func edit(toward text: String) -> Action? {
        let typed = Array(word.unicodeScalars)
        let wanted = Array(text.unicodeScalars)
        if wanted.starts(with: typed) {
            guard wanted.count > typed.count else { return nil }
            return .edit(deleting: 0, inserting: String(String.UnicodeScalarView(wanted[typed.count...])))
        }
        // A candidate that does not extend the word (e.g. different case)
        // replaces it, but only if the candidate is a single full word.
        guard candidates.count == 1 else { return nil }
        return .edit(deleting: typed.count, inserting: text)
    }

    public static func currentWord(in text: String) -> String {
        var quote: Character?
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            text.formIndex(after: &index)
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == " " || c == "\t" {
                start = index
            }
        }
        return String(text[start...])
    }

    static func commonPrefix(_ a: String, _ b: String) -> String {
        var result = String.UnicodeScalarView()
        for (x, y) in zip(a.unicodeScalars, b.unicodeScalars) {
            guard x == y else { break }
            result.append(x)
        }
        return String(result)
    }
}

extension LineCompletion {
    /// Candidates in columns (row by row, in the given order) for a terminal
    /// `width` wide, each row ending in a newline.
    public static func layout(_ items: [String], width: Int) -> String {
        // Columns by display width: `李小龙` takes six, not three.
        let widths = items.map(DisplayWidth.of)
        let cell = (widths.max() ?? 0) + 2
        let perRow = max(1, width / cell)
        var text = ""
        for (index, item) in items.enumerated() {
            let endsRow = index % perRow == perRow - 1 || index == items.count - 1
            text += endsRow ? item + "\n" : item + String(repeating: " ", count: cell - widths[index])
        }
        return text
    }
}
