import Foundation
import WalletCore

/// Something that can fall due on the clock, named as `explore` takes it.
public enum ExploreEvent: String, CaseIterable, Sendable {
    case passExpired = "pass-expired"
    case paymentsUnlocked = "payments-unlocked"
    case signupUnlocked = "signup-unlocked"
    case verificationLapsed = "verification-lapsed"

    func isIn(_ output: Output) -> Bool {
        output.contains { value in
            guard let event = value as? AdvanceCommand.Event else { return false }
            switch (self, event.kind) {
            case (.passExpired, .passExpired), (.paymentsUnlocked, .paymentUnlocked), (.signupUnlocked, .signupUnlocked),
                 (.verificationLapsed, .passportLapsed): return true
            default: return false
            }
        }
    }

    /// The parts whose change makes it fall due.
    var reads: Set<StatePart> {
        switch self {
        case .passExpired: return [.passPeriod, .clock]
        case .paymentsUnlocked: return [.password, .clock]
        case .signupUnlocked: return [.registration, .clock]
        case .verificationLapsed: return [.verification, .clock]
        }
    }

    /// The assertion that closes a scenario reaching it.
    var closing: String {
        switch self {
        case .passExpired: return "expect status expired"
        case .paymentsUnlocked, .signupUnlocked: return "expect ok"
        case .verificationLapsed: return "expect verified no"
        }
    }
}

/// What `explore --reach` looks for: an error code, a rule that fails (`topup.max`), an
/// event, or a state in the words of an assertion (`status expired`, `refunded 100 card:visa`).
public enum ExploreTarget: Sendable, Equatable, CustomStringConvertible {
    case code(ErrorCode)
    /// A rule of the rule book, reached when a command fails by it (`WalletError.rule`),
    /// answering `code` when one is given (`help CODE`'s example for each of its rules).
    case rule(RuleInfo, code: ErrorCode? = nil)
    case event(ExploreEvent)
    case state(Assertion, text: String)

    public static func parse(_ text: String) -> Result<ExploreTarget, Diagnostic> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let code = ErrorCode(rawValue: trimmed) { return .success(.code(code)) }
        if let rule = RuleBook.rules.first(where: { $0.id == trimmed }) { return .success(.rule(rule)) }
        if let event = ExploreEvent(rawValue: trimmed) { return .success(.event(event)) }
        let words = trimmed.split(separator: " ")
        if let kind = words.first, ExpectCommand.kinds.contains(where: { $0.word == kind }), kind != "ok", kind != "error" {
            switch CommandTable.parse("expect " + trimmed) {
            case .success(let command?):
                if case .expectCommand(let expect) = command.value { return .success(.state(expect.assertion, text: trimmed)) }
            case .failure(var problem):
                problem.column = max(1, problem.column - 7)
                return .failure(problem)
            default: break
            }
        }
        let known = ErrorCode.allCases.map(\.rawValue) + RuleBook.rules.map(\.id) + ExploreEvent.allCases.map(\.rawValue)
        let hint = didYouMean(trimmed, in: known, orElse: "; a target is an error code (topup.cumulative_limit), a rule (topup.max), an event (\(ExploreEvent.allCases.map(\.rawValue).joined(separator: ", "))) or a state (status expired, refunded 100 card:visa)")
        return .failure(Diagnostic(column: 1, message: "unknown target '\(trimmed.prefix(60))'\(hint)"))
    }

    public var description: String {
        switch self {
        case .code(let code): return code.rawValue
        case .rule(let rule, _): return rule.id
        case .event(let event): return event.rawValue
        case .state(_, let text): return text
        }
    }

    /// The line that closes the scenario.
    public var closing: String {
        switch self {
        case .code(let code): return "expect error \(code.rawValue)"
        // The rule's own code; `ExploreStart.closing` names the one it answered (a rule may answer more).
        case .rule(let rule, let code): return "expect error \((code ?? rule.code).rawValue)"
        case .event(let event): return event.closing
        case .state(_, let text): return "expect " + text
        }
    }

    /// Whether the move that gave `outcome` and left `session` reached the target.
    public func matches(_ outcome: Outcome, _ session: Session) -> Bool {
        switch self {
        case .code(let code): return outcome.error?.code == code
        case .rule(let rule, let code):
            guard let error = outcome.error else { return false }
            return error.rule == rule.id && (code == nil || error.code == code)
        case .event(let event): return event.isIn(outcome.output)
        case .state(let assertion, _): return holds(assertion, in: session)
        }
    }

    /// State targets can hold before any move.
    func holdsAtStart(_ session: Session) -> Bool {
        if case .state(let assertion, _) = self { return holds(assertion, in: session) }
        return false
    }

    private func holds(_ assertion: Assertion, in session: Session) -> Bool {
        guard session.currentUser != nil else { return false }
        return ExpectCommand.failure(of: assertion, in: session) == nil
    }

    /// The card word a state target names, offered first among working cards.
    var cardWord: String? {
        guard case .state(let assertion, _) = self else { return nil }
        switch assertion {
        case .charged(_, let card?), .refunded(_, let card?): return card
        default: return nil
        }
    }

    /// The cone of commands a search for this target needs.
    func cone(_ sources: [MoveSource]) -> Cone {
        switch self {
        case .code(let code):
            let answering = sources.filter { $0.answers.contains(code) }
            let reads = answering.reduce(Set<StatePart>()) { $0.union($1.reads) }
            return Cone.of(reads: reads.union([.registration]), answeredBy: Set(answering.map(\.command)), sources: sources)
        case .rule(let rule, _):
            // Only the commands whose lists hold the rule fail by it.
            let owners = Set(RuleBook.lists.filter { $0.rules.contains(rule) }.map(\.command))
            let answering = sources.filter { owners.contains($0.command) }
            let reads = answering.reduce(Set<StatePart>()) { $0.union($1.reads) }
            return Cone.of(reads: reads.union([.registration]), answeredBy: Set(answering.map(\.command)), sources: sources)
        case .event(let event):
            return Cone.of(reads: event.reads.union([.registration]), answeredBy: ["advance"], sources: sources)
        case .state(let assertion, _):
            let reads = assertion.reads.union([.registration])
            return Cone.of(reads: reads, answeredBy: [], sources: sources)
        }
    }
}
