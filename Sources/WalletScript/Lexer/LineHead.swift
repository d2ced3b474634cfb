/// A line's first word and the rest as typed, for the lines whose rest is not tokens: a
/// meta-command's argument (`:save C:x.scn` keeps its colon; `:reach refunded 100 card:visa`)
/// and the paths completion offers. Spaces, tabs and a carriage return separate words, as
/// in `Lexer.tokenize`, so every reader of a line agrees on where its first word ends.
public struct LineHead: Sendable, Equatable {
    /// The first word (empty for a blank line).
    public let word: Substring
    /// Everything after the separators that follow the first word (trailing blanks kept).
    public let rest: Substring
    /// Whether a separator follows the word (`:save ` is waiting for its argument).
    public let separated: Bool

    public init(_ line: Substring) {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        let start = line.drop(while: isBlank)
        let end = start.firstIndex(where: isBlank) ?? start.endIndex
        word = start[..<end]
        separated = end != start.endIndex
        rest = start[end...].drop(while: isBlank)
    }

    public init(_ line: String) { self.init(Substring(line)) }

    /// The rest without blanks at either end.
    public var argument: String {
        var text = rest
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
