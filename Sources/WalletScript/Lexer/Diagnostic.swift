/// A problem with a line of script, with where it is: `file:12:7: error: message`.
public struct Diagnostic: Error, Equatable, Sendable {
    public var file: String?
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    public var message: String
    /// The line it is about, when the reporter has no other way to show it (`run`'s report).
    public var source: String? = nil

    public init(file: String? = nil, line: Int = 1, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `scenarios/x.scn:12:7: error: amount has more than two decimals: 1.234`
    public var rendered: String {
        "\(Printable.escaped(file ?? "<input>")):\(line):\(column): error: \(Printable.escaped(message))"
    }

    /// The source line with a caret under the column, for terminals.
    public func caret(under source: String) -> String {
        // Escaping cannot move the caret: the lexer stops at the first unsafe character.
        let shown = Printable.escaped(String(source.prefix(200)))
        let pad = String(repeating: " ", count: max(0, min(column, 201) - 1))
        return "    " + shown + "\n    " + pad + "^"
    }
}
