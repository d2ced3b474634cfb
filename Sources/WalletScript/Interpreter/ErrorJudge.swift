import WalletCore

/// The one judge of "a failed command needs `expect error`", for scenario files, piped
/// input and `:load` alike. A failed command is excused by an `expect error` among the
/// lines that look at it (later `expect` and `why` lines, up to the next command), or by
/// recorded output under it that matches and shows its code.
public struct ErrorJudge: Sendable {
    /// A failed command nothing excused.
    public struct Unexcused: Sendable, Equatable {
        public let line: Int
        public let source: String
        /// The file the line came from when it is not the input being judged (`:load`).
        public let file: String?
        public let error: WalletError
        /// The include lines that led to `file`, outermost first (`a.scn:2`).
        public var includedFrom: [String] = []

        public init(line: Int, source: String, file: String? = nil, error: WalletError, includedFrom: [String] = []) {
            self.line = line
            self.source = source
            self.file = file
            self.error = error
            self.includedFrom = includedFrom
        }
    }

    private var pending: Unexcused? = nil
    /// Whether a failure waits (kept beside `pending`: the scenario stream asks every line,
    /// and reading the optional copies it).
    public private(set) var isWaiting = false

    public init() {}

    /// A command failed and its recorded output (if any) does not show it: it waits for an
    /// `expect error`.
    public mutating func failed(_ failure: Unexcused) {
        pending = failure
        isWaiting = true
    }

    /// Call with each command before it runs (nil at the end of the input). Returns the
    /// failed command waiting for an excuse if this one ends its chance: any command that
    /// `expect` does not skip. `expect error` excuses it; other `expect` lines and `why` wait.
    public mutating func settle(next: AnyCommand?) -> Unexcused? {
        guard let next else { return settleAtEnd() }
        return settle(before: next)
    }

    /// The input ended: a failure still waiting has no excuse.
    public mutating func settleAtEnd() -> Unexcused? {
        defer {
            pending = nil
            isWaiting = false
        }
        return pending
    }

    /// `settle(next:)` with a command the caller keeps (no optional copy of it is made).
    public mutating func settle(before next: AnyCommand) -> Unexcused? {
        settle(Next(next))
    }

    /// What the judge needs of the next command, read once: its role and whether it is
    /// `expect error` (the scenario stream reads it before the command moves on to run).
    public struct Next: Sendable {
        let role: CommandRole
        let expectsError: Bool

        public init(_ command: AnyCommand) {
            role = command.role
            if case .expectCommand(let expect) = command.value, case .error = expect.assertion { expectsError = true } else { expectsError = false }
        }

        public var isAssertion: Bool { role == .assertion }
    }

    public mutating func settle(_ next: Next) -> Unexcused? {
        guard let waiting = pending else { return nil }
        switch next.role {
        case .assertion:
            if next.expectsError {
                pending = nil
                isWaiting = false
            }
            return nil
        case .explanation:
            return nil
        case .action:
            pending = nil
            isWaiting = false
            return waiting
        }
    }

    /// Recorded output excuses a failure when it matches what ran, byte for byte, and shows the code.
    public static func recordingShows(_ error: WalletError?, recorded: [String]?, actual: [String]) -> Bool {
        guard let error, let recorded, Diff.same(recorded, actual) else { return false }
        let prefix = "error \(error.code.rawValue):"
        return recorded.contains { $0.hasPrefix(prefix) }
    }

    /// The words a scenario failure gives for an unexcused command.
    static func details(_ failure: Unexcused) -> [String] {
        let code = failure.error.code.rawValue
        return ["failed with \(code): \(failure.error.message)",
                "(a failing command must be followed by `expect error \(code)` or recorded output showing it)"]
    }
}
