/// An amount an assertion states. A line that moves money types at most
/// `Money.maxInputFen` (CNY 100,000,000.00), but the figures an assertion compares add up:
/// a top-up of that much charges its fee on top (`expect charged 105000000`), and a wallet
/// sums every transfer received. So an assertion also takes a larger amount, written as any
/// amount is, up to the most one ledger account can hold.
public enum AssertedAmount {
    /// The most one ledger account holds: CNY 45,035,996,273,704.96.
    public static let maxFen: Int64 = World.maxBalanceFen

    /// An amount written right but above `maxFen` (no total of this world reaches it).
    public struct TooLarge: Error, Equatable, Sendable {
        public var message: String {
            "amount is too large: an assertion states at most \(Money(fen: AssertedAmount.maxFen)), the most one account can hold"
        }
    }

    /// Digits (in thousands groups of three or none), at most two decimals, no leading zero,
    /// no sign, as `Money.parse` reads them, of any size; nil when `text` is not such an
    /// amount (the usual parser's problem stands). Asked only after `Money.parse` refused.
    public static func parse(_ text: Substring) -> Result<Money, TooLarge>? {
        var bytes = Array(text.utf8)[...]
        if bytes.starts(with: "CNY".utf8) { bytes = bytes.dropFirst(3).drop { $0 == 0x20 } }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.endIndex)]
        let decimals = point.map { bytes[bytes.index(after: $0)...] } ?? bytes[bytes.endIndex...]
        guard let first = whole.first, first != UInt8(ascii: "0"), isDigits(whole.filter { $0 != UInt8(ascii: ",") }[...]),
              groupedRight(whole), point == nil || (1...2).contains(decimals.count), isDigits(decimals) else { return nil }
        var fen: Int64 = 0
        var overflow = false
        for byte in whole where byte != UInt8(ascii: ",") { fen = times10Plus(fen, byte, &overflow) }
        for index in 0..<2 {
            let byte = index < decimals.count ? decimals[decimals.index(decimals.startIndex, offsetBy: index)] : UInt8(ascii: "0")
            fen = times10Plus(fen, byte, &overflow)
        }
        if overflow || fen > maxFen { return .failure(TooLarge()) }
        return .success(Money(fen: fen))
    }

    private static func isDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// No commas, or groups of three after a first group of one to three.
    private static func groupedRight(_ whole: ArraySlice<UInt8>) -> Bool {
        let groups = whole.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard groups.count > 1 else { return true }
        return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func times10Plus(_ value: Int64, _ digit: UInt8, _ overflow: inout Bool) -> Int64 {
        let (times, o1) = value.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
        if o1 || o2 { overflow = true; return 0 }
        return sum
    }
}
