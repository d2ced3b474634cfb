/// Bytes of a line that are not UTF-8, as diagnostics show them: `\xFF`, as file names that
/// are not UTF-8 are shown (`FolderWalk.displayName`), never U+FFFD. A line is decoded with
/// each bad sequence (a maximal invalid subpart, as Swift repairs it) replaced by one U+FFFD;
/// the words a diagnostic quotes and the excerpt under it come from that text, so the escapes
/// are put back in here, by the order of the U+FFFDs.
enum InvalidBytes {
    /// For each U+FFFD that decoding `bytes` makes, in order: the escape of the bytes it stands
    /// for (`\xE2\x82`), or nil for a U+FFFD the line holds as such. Nil when the line is UTF-8.
    static func escapes(_ bytes: some Collection<UInt8>) -> [String?]? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var all: [String?] = []
        var bad = false
        var at = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if Unicode.UTF8.decode(encoded) == "\u{FFFD}" { all.append(nil) }
                at = bytes.index(at, offsetBy: encoded.count)
            case .error(let length):
                bad = true
                let end = bytes.index(at, offsetBy: length)
                all.append(bytes[at..<end].map { byte in
                    let hex = String(byte, radix: 16, uppercase: true)
                    return "\\x" + (hex.count == 1 ? "0" : "") + hex
                }.joined())
                at = end
            case .emptyInput:
                return bad ? all : nil
            }
        }
    }

    /// `text` (a line decoded, or part of one: a quoted word) with its U+FFFDs replaced by
    /// `escapes` in order, from the `first`-th on; nil when they cannot be told apart (the text
    /// holds more U+FFFDs than are left).
    static func shown(_ text: Substring, _ escapes: [String?], first: Int = 0) -> String? {
        guard text.unicodeScalars.contains("\u{FFFD}") else { return String(text) }
        var out = ""
        var next = first
        for scalar in text.unicodeScalars {
            guard scalar == "\u{FFFD}" else { out.unicodeScalars.append(scalar); continue }
            guard next < escapes.count else { return nil }
            if let escape = escapes[next] { out += escape } else { out.unicodeScalars.append(scalar) }
            next += 1
        }
        return out
    }

    /// The message's quoted words with the line's bad bytes shown. A message quotes part of
    /// the line; which U+FFFDs of the line a word holds is known when all bad sequences of the
    /// line are the same bytes (the usual case: one bad byte), or when the message holds as
    /// many U+FFFDs as the line. Otherwise the message keeps its U+FFFDs.
    static func message(_ message: String, _ escapes: [String?]) -> String {
        let inMessage = message.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        guard inMessage > 0 else { return message }
        let distinct = Set(escapes)
        if distinct.count == 1, let only = distinct.first, let escape = only {
            return shown(Substring(message), Array(repeating: escape, count: inMessage)) ?? message
        }
        if inMessage == escapes.count { return shown(Substring(message), escapes) ?? message }
        return message
    }

    /// The diagnostic about `line` (one that shows no other text) with the line's bad bytes
    /// shown as escapes: in its message, in its excerpt (`source`, set here), and in its
    /// column, which counts the line as shown (`\xFF` is four characters), so the caret
    /// stands under the place it names.
    static func show(in diagnostic: inout Diagnostic, line bytes: some Collection<UInt8>) {
        guard diagnostic.source == nil, let escapes = escapes(bytes) else { return }
        diagnostic.message = message(diagnostic.message, escapes)
        let text = String(decoding: bytes, as: UTF8.self)
        var extra = 0
        var ordinal = 0
        for character in text.prefix(max(0, diagnostic.column - 1)) {
            for scalar in character.unicodeScalars where scalar == "\u{FFFD}" {
                if ordinal < escapes.count, let escape = escapes[ordinal] { extra += escape.count - 1 }
                ordinal += 1
            }
        }
        diagnostic.column += extra
        diagnostic.source = shown(Substring(text), escapes)
    }
}
