/// What one call to `readLine(prompt:)` produced.
public enum LineReadResult: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line was abandoned; the session goes on.
    case interrupted
    /// Ctrl-D on an empty line, or end of input.
    case endOfInput
}

/// A source of command lines: libedit on a terminal, plain stdin otherwise.
public protocol LineReading: AnyObject {
    func readLine(prompt: String) -> LineReadResult
    /// The caller decides what is worth remembering (and what is secret).
    func addHistory(_ line: String)
    func saveHistory()
}
