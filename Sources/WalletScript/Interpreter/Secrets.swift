/// What must never be echoed or kept: payment passwords (and, in history, card numbers).
/// One place, so the console, the history filter and diagnostics agree.
enum Secrets {
    static func mentionsPassword(_ line: String) -> Bool { line.lowercased().contains("password") }

    /// The line with every `password:VALUE` and the argument of `password` hidden.
    static func redacted(_ line: String) -> String {
        guard mentionsPassword(line) else { return line }
        var afterPasswordCommand = false
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            defer { if !word.isEmpty { afterPasswordCommand = word.lowercased() == "password" } }
            if afterPasswordCommand && !word.isEmpty { return String(repeating: "•", count: word.count) }
            guard let colon = word.firstIndex(of: ":"), word[..<colon].lowercased() == "password" else { return String(word) }
            return word[...colon] + String(repeating: "•", count: word.distance(from: colon, to: word.endIndex) - 1)
        }
        return words.joined(separator: " ")
    }

    /// Lines that mention a payment password, or link a card by its number, never go to
    /// the history file.
    static func isSafeForHistory(_ line: String) -> Bool {
        if mentionsPassword(line) { return false }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let linksByNumber = words.count > 1 && (words[0] == "card" || words[0] == "link") && words[1].first?.isNumber == true
        return !linksByNumber
    }
}
