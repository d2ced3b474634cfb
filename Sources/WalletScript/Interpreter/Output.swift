/// What one command said, as values. Most commands say one thing: that value is held without
/// an array, which every line would otherwise allocate and free (see docs/BENCHMARKS.md, round 4).
public enum Output: Sendable {
    case empty
    case one(any OutputValue)
    case many([any OutputValue])

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
        case .one: return 1
        case .many(let values): return values.count
        }
    }

    public var isEmpty: Bool { count == 0 }

    public var first: (any OutputValue)? {
        switch self {
        case .empty: return nil
        case .one(let value): return value
        case .many(let values): return values.first
        }
    }

    /// The values as an array (for readers that want one; a command's run never builds it).
    public var values: [any OutputValue] {
        switch self {
        case .empty: return []
        case .one(let value): return [value]
        case .many(let values): return values
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
            }
        }
    }

    public func makeIterator() -> Iterator { Iterator(output: self) }
    public var underestimatedCount: Int { count }
}
