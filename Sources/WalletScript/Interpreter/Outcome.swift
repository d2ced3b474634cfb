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
    /// The error or the failed assertion: a command has at most one. One optional, not two:
    /// every returned outcome is destroyed, and each optional was a release and a check a
    /// line (docs/BENCHMARKS.md, round 8).
    var problem: Problem?

    /// Behind a reference: an outcome with neither (nearly every one) is then a null word
    /// here, and every outcome is moved through two or three layers and destroyed
    /// (docs/BENCHMARKS.md, round 9); only a failure allocates, and it makes its message anyway.
    indirect enum Problem: Sendable, Equatable {
        case error(WalletError)
        case failedAssertion(String)
    }

    /// At most one of `error` and `failedAssertion` (given both, the error is kept).
    public init(output: Output = .empty, error: WalletError? = nil, failedAssertion: String? = nil) {
        self.output = output
        if let error { problem = .error(error) } else if let failedAssertion { problem = .failedAssertion(failedAssertion) } else { problem = nil }
    }

    public var error: WalletError? {
        if case .error(let error)? = problem { return error }
        return nil
    }

    public var failedAssertion: String? {
        if case .failedAssertion(let text)? = problem { return text }
        return nil
    }

    /// Neither an error nor a failed assertion.
    var isClean: Bool { problem == nil }

    /// The rendered lines: the outputs, then the error or the failed assertion.
    public var lines: [OutputLine] {
        var lines = output.lines
        switch problem {
        case .error(let error)?: lines.append(OutputLine(.error, "error \(error.code.rawValue): \(error.message)"))
        case .failedAssertion(let text)?: lines.append(OutputLine(.error, "expect failed: \(text)"))
        case nil: break
        }
        return lines
    }

    public static func == (a: Outcome, b: Outcome) -> Bool {
        a.lines == b.lines && a.problem == b.problem
    }

    /// No output array is built for a failure: its line is rendered from the error.
    static func failure(_ error: WalletError) -> Outcome { Outcome(output: .empty, problem: .error(error)) }

    init(output: Output, problem: Problem?) {
        self.output = output
        self.problem = problem
    }
}

/// A card as output shows it: brand and last four digits only. Plain bytes, no String: the
/// outputs of `pay` and `topup` hold one, and every outcome is destroyed (a release a line).
public struct CardLabel: Sendable, Equatable, CustomStringConvertible {
    public let brand: CardBrand
    /// The last four digits' bytes (a card number is 12 to 19 ASCII digits), first in the
    /// highest byte used; `last4Count` of them.
    private let last4Bytes: UInt32
    private let last4Count: UInt8

    init(_ card: Card) {
        brand = card.brand
        (last4Bytes, last4Count) = CardLabel.pack(card.last4)
    }

    init(brand: CardBrand, last4: String) {
        self.brand = brand
        (last4Bytes, last4Count) = CardLabel.pack(last4)
    }

    /// The card `id` of `world`, its two fields read in place (`world[id]` copied the card).
    init(_ id: CardID, in world: World) { self.init(id, of: world.cards) }

    /// The card `id` of `cards` (a world's list), read in place.
    init(_ id: CardID, of cards: [Card]) {
        brand = cards[id.index].brand
        (last4Bytes, last4Count) = CardLabel.pack(cards[id.index].last4)
    }

    private init(brand: CardBrand, last4Bytes: UInt32, last4Count: UInt8) {
        self.brand = brand
        self.last4Bytes = last4Bytes
        self.last4Count = last4Count
    }

    /// A placeholder where no card is (`CardLabels`' unused slots): no String packed.
    static var unused: CardLabel { CardLabel(brand: .visa, last4Bytes: 0, last4Count: 0) }

    /// Up to the last four UTF-8 bytes of `text` (a card's last four are ASCII digits).
    static func pack(_ text: String) -> (UInt32, UInt8) {
        // In place (a small string's bytes are copied to the stack): iterating `utf8` cost
        // about 200 instructions a label.
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var packed: UInt32 = 0
            for byte in bytes.suffix(4) { packed = packed &<< 8 | UInt32(byte) }
            return (packed, UInt8(min(bytes.count, 4)))
        } ?? pack(bytes: Array(text.utf8))
    }

    private static func pack(bytes: [UInt8]) -> (UInt32, UInt8) {
        var packed: UInt32 = 0
        for byte in bytes.suffix(4) { packed = packed &<< 8 | UInt32(byte) }
        return (packed, UInt8(min(bytes.count, 4)))
    }

    public var last4: String {
        let count = Int(last4Count)
        return String(decoding: (0..<count).map { UInt8(truncatingIfNeeded: last4Bytes >> UInt32(8 * (count - 1 - $0))) }, as: UTF8.self)
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
