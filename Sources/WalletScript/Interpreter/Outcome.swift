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

    /// Byte for byte: `String ==` would equate `é` with `e` + U+0301 (see `Diff.same`).
    public static func == (a: OutputLine, b: OutputLine) -> Bool {
        a.kind == b.kind && a.text.utf8.elementsEqual(b.text.utf8)
    }
}

/// What a command said, as a value: it becomes text only when someone reads it (a scenario
/// step without recorded output never does). Each command's file holds its output types.
public protocol OutputValue: Sendable {
    var lines: [OutputLine] { get }
}

/// An output of one information line.
protocol InfoLine: OutputValue {
    var text: String { get }
}

extension InfoLine {
    public var lines: [OutputLine] { [OutputLine(.info, text)] }
}

/// Lines already rendered (listings, help).
struct TextLines: OutputValue {
    let text: [String]
    init(_ text: [String]) { self.text = text }
    var lines: [OutputLine] { text.map { OutputLine(.info, $0) } }
}

/// What running one command gave, as values.
public struct Outcome: Sendable, Equatable {
    // No default values here: with them the initialiser stored `.empty` first and then
    // assigned the output over it (an outlined assign a line; docs/BENCHMARKS.md, round 6).
    public var output: Output
    public var error: WalletError?
    public var failedAssertion: String?

    public init(output: Output = .empty, error: WalletError? = nil, failedAssertion: String? = nil) {
        self.output = output
        self.error = error
        self.failedAssertion = failedAssertion
    }

    /// The rendered lines: the outputs, then the error or the failed assertion.
    public var lines: [OutputLine] {
        var lines = output.lines
        if let error { lines.append(OutputLine(.error, "error \(error.code.rawValue): \(error.message)")) }
        if let failedAssertion { lines.append(OutputLine(.error, "expect failed: \(failedAssertion)")) }
        return lines
    }

    public static func == (a: Outcome, b: Outcome) -> Bool {
        a.lines == b.lines && a.error == b.error && a.failedAssertion == b.failedAssertion
    }

    /// No output array is built for a failure: its line is rendered from the error.
    static func failure(_ error: WalletError) -> Outcome { Outcome(error: error) }
}

/// A card as output shows it: brand and last four digits only.
public struct CardLabel: Sendable, Equatable, CustomStringConvertible {
    public let brand: CardBrand
    public let last4: String
    init(_ card: Card) {
        brand = card.brand
        last4 = card.last4
    }
    public var description: String { "\(brand.rawValue) ••\(last4)" }
}

public struct CardAmount: Sendable, Equatable {
    public let card: CardLabel
    public let amount: Money
}

/// Layout helpers shared by listings.
enum Layout {
    /// Pads by display width (`DisplayWidth`): a CJK name takes two columns a character.
    static func pad(_ text: String, _ width: Int) -> String { DisplayWidth.padded(text, to: width) }

    static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    static func merchantTerms(qr: QRKind, credit: Bool) -> String {
        (qr == .cross ? "cross-border code" : "domestic-only code") + (credit ? ", accepts credit" : ", no credit")
    }
}
