public struct MerchantID: Hashable, Comparable, Sendable {
    public let index: Int
    public static func < (a: MerchantID, b: MerchantID) -> Bool { a.index < b.index }
}

public enum QRKind: String, Sendable, CaseIterable {
    /// Accepts foreign wallets.
    case cross
    /// Only works inside the Chinese mainland's domestic system.
    case domestic
}

public struct Merchant: Sendable {
    public let name: String
    public internal(set) var qr: QRKind
    /// Whether the merchant accepts card-funded (credit) payments, which TourPass is.
    public internal(set) var acceptsCredit: Bool
    public internal(set) var balanceFen: Int64 = 0
}

extension Merchant {
    /// The merchants of every fresh world: `pay … qr:cross` and `qr:domestic` pay the first two.
    static let builtIn: [Merchant] = [
        Merchant(name: "cross-qr", qr: .cross, acceptsCredit: true),
        Merchant(name: "domestic-qr", qr: .domestic, acceptsCredit: true),
        Merchant(name: "cafe", qr: .cross, acceptsCredit: true),
        Merchant(name: "noodles", qr: .domestic, acceptsCredit: true),
        Merchant(name: "supplier", qr: .cross, acceptsCredit: false),
    ]

    public static func anonymousName(for kind: QRKind) -> String { kind == .cross ? "cross-qr" : "domestic-qr" }
}
