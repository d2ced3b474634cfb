/// What one command said, as values. Most commands say one thing: that value is held without
/// an array, which every line would otherwise allocate and free (see docs/BENCHMARKS.md, round 4).
public enum Output: Sendable {
    case empty
    case one(any OutputValue)
    case many([any OutputValue])
    /// One value of a command most lines run, held by value: see `InlineOutput`.
    case inline(InlineOutput)

    /// The values, held the smallest way.
    public init(_ values: [any OutputValue]) {
        switch values.count {
        case 0: self = .empty
        case 1: self = .one(values[0])
        default: self = .many(values)
        }
    }

    public var count: Int {
        switch self {
        case .empty: return 0
        case .one, .inline: return 1
        case .many(let values): return values.count
        }
    }

    public var isEmpty: Bool { count == 0 }

    public var first: (any OutputValue)? {
        switch self {
        case .empty: return nil
        case .one(let value): return value
        case .many(let values): return values.first
        case .inline(let value): return value
        }
    }

    /// The values as an array (for readers that want one; a command's run never builds it).
    public var values: [any OutputValue] {
        switch self {
        case .empty: return []
        case .one(let value): return [value]
        case .many(let values): return values
        case .inline(let value): return [value]
        }
    }

    /// The values' lines, in order (an inline value is read in place, never boxed).
    public var lines: [OutputLine] {
        switch self {
        case .empty: return []
        case .one(let value): return value.lines
        case .many(let values): return values.flatMap(\.lines)
        case .inline(let value): return value.lines
        }
    }
}

/// The outputs of `pay`, `topup` and `balance`, three lines in four of a long run. Each is
/// larger than the three words an `any OutputValue` holds inline, so as one it took a heap
/// box (made and freed, about 450 instructions) a line; held here by value it takes none
/// (see docs/BENCHMARKS.md, round 5). Any other command's output may join with a case.
public struct InlineOutput: OutputValue {
    enum Value: Sendable {
        case paid(PayCommand.Paid)
        case toppedUp(TopUpCommand.ToppedUp)
        case balances(BalanceQuery.Balances)
    }

    let value: Value

    static func paid(_ paid: PayCommand.Paid) -> InlineOutput { InlineOutput(value: .paid(paid)) }
    static func toppedUp(_ toppedUp: TopUpCommand.ToppedUp) -> InlineOutput { InlineOutput(value: .toppedUp(toppedUp)) }
    static func balances(_ balances: BalanceQuery.Balances) -> InlineOutput { InlineOutput(value: .balances(balances)) }

    public var lines: [OutputLine] {
        switch value {
        case .paid(let paid): paid.lines
        case .toppedUp(let toppedUp): toppedUp.lines
        case .balances(let balances): balances.lines
        }
    }
}

/// `[a, b]` for several values (a literal builds an array first: commands say `.one(x)`).
extension Output: ExpressibleByArrayLiteral {
    public init(arrayLiteral values: any OutputValue...) { self.init(values) }
}

extension Output: Sequence {
    public struct Iterator: IteratorProtocol {
        let output: Output
        var index = 0

        public mutating func next() -> (any OutputValue)? {
            defer { index += 1 }
            switch output {
            case .empty: return nil
            case .one(let value): return index == 0 ? value : nil
            case .many(let values): return index < values.count ? values[index] : nil
            case .inline(let value): return index == 0 ? value : nil
            }
        }
    }

    public func makeIterator() -> Iterator { Iterator(output: self) }
    public var underestimatedCount: Int { count }
}
