import WalletCore

/// One line of output, tagged so a terminal can colour it.
public struct OutputLine: Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case info, event, error }
    public let kind: Kind
    public let text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// What running one command gave: its lines, its error, or the assertion it failed.
public struct Outcome: Sendable, Equatable {
    public var lines: [OutputLine] = []
    public var error: WalletError? = nil
    public var failedAssertion: String? = nil

    public init(lines: [OutputLine] = [], error: WalletError? = nil, failedAssertion: String? = nil) {
        self.lines = lines
        self.error = error
        self.failedAssertion = failedAssertion
    }

    static func info(_ texts: String...) -> Outcome { Outcome(lines: texts.map { OutputLine(.info, $0) }) }

    /// An error renders as one line: `error CODE: message`.
    static func failure(_ error: WalletError) -> Outcome {
        Outcome(lines: [OutputLine(.error, "error \(error.code.rawValue): \(error.message)")], error: error)
    }
}
