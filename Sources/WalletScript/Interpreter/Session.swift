import WalletCore

/// The interpreter: a world, the current user, and the last command's result for `expect`.
/// A value, so the REPL can keep copies for `:undo`. What each command does is in its own
/// file under Commands/; this holds what they share.
public struct Session: Sendable {
    public internal(set) var world = World()
    public internal(set) var currentUser: UserID? = nil
    /// The result of the last action (nil before any): what `expect` looks at.
    var lastResult: Result<Void, WalletError>? {
        guard hasLastResult else { return nil }
        if lastFailed, let lastError { return .failure(lastError) }
        return .success(())
    }
    /// Kept as flags beside the error: assigning the optional `Result` every action went
    /// through its value witness (consuming the old one, about 10 instructions a line).
    private var hasLastResult = false
    private var lastFailed = false
    private var lastError: WalletError? = nil
    /// The last action, for `why` (nil before any).
    private(set) var lastAction: AnyCommand? = nil
    /// Whether the last action was a `user` line that only switched to an existing user: it
    /// checked no rule, so `why` says so and coverage counts nothing.
    internal(set) var lastActionSwitched = false
    /// The last action's line as typed (nil when the caller had none): `why` names it. Kept
    /// as bytes in a reused buffer: only `why` makes the String.
    private var lastSourceBytes = LineBytes()
    private var hasLastSource = false
    var lastSource: String? { hasLastSource ? lastSourceBytes.text : nil }
    /// A line that did not parse after the last action: `why` repeats its diagnostic
    /// instead of explaining an older command.
    var unparsed: Diagnostic? { hasUnparsed ? unparsedDiagnostic : nil }
    /// Kept beside a flag that an action reads and clears: an `Optional<Diagnostic>` compared
    /// with nil or assigned nil every line went through its generic value witnesses (a copy
    /// and a destroy, about 150 instructions a line; docs/BENCHMARKS.md, round 6).
    private var unparsedDiagnostic: Diagnostic? = nil
    private var hasUnparsed = false
    /// Scratch space for the lexer, reused line after line.
    private var tokens = TokenBuffer()
    /// What each user tried, for `history`.
    private(set) var attempts = AttemptLog()
    /// Merchants `pay` named lately, found again without the world's name index.
    var merchantMemo = MerchantMemo()

    public init() {}

    /// A fresh world under another policy (what-if runs).
    public init(policy: Policy) { world = World(policy: policy) }

    public var currentUserName: String? { currentUser.map { world[$0].name } }

    /// Runs one parsed command; `source` is its line as typed, for `why`. Consuming: an
    /// action moves into `lastAction` without a copy.
    public mutating func run(_ command: consuming AnyCommand, source: String? = nil) -> Outcome {
        let role = command.role
        if role == .action {
            if let source { lastSourceBytes.set(source) }
            hasLastSource = source != nil
        }
        return runParsed(command, role: role)
    }

    /// The same with the line as bytes (valid UTF-8), as a scenario file holds it.
    public mutating func run(_ command: consuming AnyCommand, sourceBytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        run(command, role: command.role, sourceBytes: sourceBytes)
    }

    /// The same when the caller has read the command's role already (the scenario stream).
    mutating func run(_ command: consuming AnyCommand, role: CommandRole, sourceBytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        if role == .action {
            lastSourceBytes.set(sourceBytes)
            hasLastSource = true
        }
        return runParsed(command, role: role)
    }

    /// `role` is the command's, read once by the caller (each read is a switch over every command type).
    /// Inlined: its outcome is then made where the caller returns it, not copied there.
    @inline(__always)
    private mutating func runParsed(_ command: consuming AnyCommand, role: CommandRole) -> Outcome {
        switch role {
        case .action:
            // Kept as the last action once it ran (no action's run reads it; `why` does).
            if hasUnparsed {
                hasUnparsed = false
                unparsedDiagnostic = nil
            }
            let isAttempt = command.isAttempt
            let actor = isAttempt ? currentUser : nil
            var journalStart = 0
            if let actor { journalStart = world.journalTotal(of: actor) }
            // `user` sets it when it only switched.
            lastActionSwitched = false
            do throws(WalletError) {
                let output = try command.run(in: &self)
                hasLastResult = true
                if lastFailed {
                    lastFailed = false
                    lastError = nil
                }
                if isAttempt { recordAttempt(command, by: actor, from: journalStart, code: nil) }
                lastAction = consume command
                return Outcome(output: output)
            } catch {
                hasLastResult = true
                lastFailed = true
                lastError = error
                lastActionSwitched = false
                if isAttempt { recordAttempt(command, by: actor, from: journalStart, code: error.code) }
                lastAction = consume command
                return .failure(error)
            }
        case .assertion, .explanation:
            // Neither changes what `expect` looks at.
            do throws(WalletError) {
                let output = try command.run(in: &self)
                let failed = role == .assertion ? output.lazy.compactMap { ($0 as? ExpectFailed)?.problem }.first : nil
                return Outcome(output: failed == nil ? output : .empty, failedAssertion: failed)
            } catch {
                return .failure(error)
            }
        }
    }

    /// Keeps an attempt for the statement. A sign-up belongs to the user it created; a
    /// `user` line that only switched users, or failed before there was a user, is none.
    private mutating func recordAttempt(_ command: AnyCommand, by actor: UserID?, from start: Int, code: ErrorCode?) {
        var user = actor, start = start
        if command.signsUp {
            guard code == nil, !lastActionSwitched, let created = currentUser else { return }
            (user, start) = (created, 0)
        }
        guard let user else { return }
        var compact = command.attemptCommand
        if case .payToNamed(let amount) = compact {
            // A payment that went through is the user's latest, to the merchant of the typed name.
            if code == nil, let last = world.users[user.index].payments.last { compact = .pay(amount, .merchant(last.merchant)) } else { compact = .whole }
        }
        attempts.record(command, compact, at: world.now, journalStart: start, journalEnd: world.journalTotal(of: user), code: code, for: user)
    }

    /// Parses and runs one line; a line that does not parse gives its diagnostic.
    public mutating func run(line: String) -> Result<Outcome?, Diagnostic> {
        // The line's bytes are reached once, for parsing and for `why`'s copy: parsing the
        // String and then copying it reached them twice (a retain, a release and the
        // small-string unpacking each time).
        // In place when it can be (a native or small string): `var line = line` and
        // `withUTF8` retained and released it (about 40 instructions a line).
        if let result = line.utf8.withContiguousStorageIfAvailable({ run(lineBytes: $0) }) { return result }
        var line = line
        return line.withUTF8 { run(lineBytes: $0) }
    }

    /// The same from a line's bytes (valid UTF-8), as the scenario runner runs a step.
    mutating func run(lineBytes bytes: UnsafeBufferPointer<UInt8>) -> Result<Outcome?, Diagnostic> {
        // A switch, not `parsed.map { … }`: each Result built and dropped on the way costs.
        switch CommandTable.parse(bytes: bytes, tokens: &tokens) {
        case .success(let command?):
            let role = command.role
            return .success(run(command, role: role, sourceBytes: bytes))
        case .success(nil): return .success(nil)
        case .failure(let diagnostic):
            noteUnparsed(diagnostic)
            return .failure(diagnostic)
        }
    }

    /// Records a line that did not parse, so `why` says so rather than explain the command before it.
    public mutating func noteUnparsed(_ diagnostic: Diagnostic) {
        unparsedDiagnostic = diagnostic
        hasUnparsed = true
    }

    func requireUser() throws(WalletError) -> UserID {
        guard let id = currentUser else { throw WalletError(.userNone, "no current user: start with `user NAME`") }
        return id
    }
}
