/// `include PATH` (PATH may be quoted): shared setup run where the line stands.
enum IncludeLine {
    static let keyword = "include"

    /// The path and its 1-based column, a diagnostic for a malformed include, or nil when
    /// the line is no include.
    static func parse(_ text: String) -> Result<(path: String, column: Int), Diagnostic>? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(keyword) else { return nil }
        let after = trimmed.dropFirst(keyword.count)
        guard after.isEmpty || after.first == " " || after.first == "\t" || after.first == "#" || after.first == "\r" else { return nil }
        let tokens: [Token]
        switch Lexer.tokenize(text) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let list): tokens = list
        }
        guard tokens.count >= 2 else {
            return .failure(Diagnostic(column: Lexer.column(in: text, at: text.utf8.count), message: "include needs a PATH: include _setup.scn"))
        }
        guard tokens.count == 2 else {
            return .failure(Diagnostic(column: Lexer.column(in: text, at: tokens[2].offset),
                                       message: "include takes one PATH; quote a path with spaces: include \"my setup.scn\""))
        }
        let word = tokens[1]
        let path = word.keyString.map { $0 + ":" + word.textString } ?? word.textString
        guard !path.isEmpty else {
            return .failure(Diagnostic(column: Lexer.column(in: text, at: word.offset), message: "include needs a PATH: include _setup.scn"))
        }
        return .success((path, Lexer.column(in: text, at: word.offset)))
    }
}
