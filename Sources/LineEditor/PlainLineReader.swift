#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads stdin line by line, for pipes and files (or when libedit cannot
/// start). History is not kept.
public final class PlainLineReader: LineReading {
    private let showsPrompt: Bool

    /// The prompt is only shown when stdin is a terminal, so piped scripts
    /// produce clean output.
    public init(showsPrompt: Bool? = nil) {
        self.showsPrompt = showsPrompt ?? (isatty(STDIN_FILENO) == 1)
    }

    public func readLine(prompt: String) -> LineReadResult {
        if showsPrompt {
            print(prompt, terminator: "")
            fflush(nil) // nil flushes every stream; avoids the non-Sendable `stdout` global
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    public func addHistory(_ line: String) {}
    public func saveHistory() {}
}
