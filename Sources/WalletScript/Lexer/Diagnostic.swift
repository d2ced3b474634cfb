import WalletCore

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

    /// The source line with a caret under the column, for terminals. The column counts
    /// characters (it names the place); the caret's indent counts the terminal columns of
    /// the text shown before it: a wide character takes two, a tab shown as `\u{9}` five.
    public func caret(under source: String) -> String {
        let kept = String(source.prefix(200))
        let shown = Printable.escaped(kept)
        let before = Printable.escaped(String(kept.prefix(max(0, min(column, 201) - 1))))
        let pad = String(repeating: " ", count: DisplayWidth.of(before))
        return "    " + shown + "\n    " + pad + "^"
    }
}
