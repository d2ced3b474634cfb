/// What `merchant NAME [qr:…] [credit:…]` is asked: the name and the options given (nil:
/// keep what an existing merchant has, the default for a new one).
public struct MerchantInput: Sendable {
    public let name: String
    public let qr: QRKind?
    public let acceptsCredit: Bool?
    public init(name: String, qr: QRKind?, acceptsCredit: Bool?) {
        self.name = name
        self.qr = qr
        self.acceptsCredit = acceptsCredit
    }
}

/// The checks of defining or changing a merchant. (A malformed name is refused by the
/// parser; `merchant.limit`, the world's size, is checked outside the list like
/// `money.overflow`.)
public enum MerchantRules {
    public static let list = RuleList<MerchantInput>("merchant", [
        Rule("merchant.fixed_code", .merchantReserved, "cross-qr and domestic-qr keep their kind of code (they are what `pay … qr:` pays)",
             holds: { _, i in i.qr.map { qr in World.anonymousKind(i.name).map { $0 == qr } ?? true } ?? true },
             failure: { _, i in
                 let kind = World.anonymousKind(i.name) ?? .cross
                 return "\(i.name) stands for any \(kind.rawValue) code (`pay … qr:\(kind.rawValue)`); its kind of code cannot change (define a merchant of your own)" },
             looked: { _, i in World.anonymousKind(i.name).map { "\(i.name) stands for any \($0.rawValue) code; asked qr:\(i.qr?.rawValue ?? "unchanged")" } ?? "\(i.name) is a merchant of your own" },
             remedy: { _, i in "a merchant of your own: `merchant my-\(i.name) qr:\(i.qr?.rawValue ?? "cross")`" }),
    ])
}

extension World {
    /// The kind of code a built-in anonymous merchant (`cross-qr`, `domestic-qr`) stands for.
    static func anonymousKind(_ name: String) -> QRKind? {
        // Compared one by one: `allCases` would build an array on every check.
        if name == Merchant.anonymousName(for: .cross) { return .cross }
        if name == Merchant.anonymousName(for: .domestic) { return .domestic }
        return nil
    }
}
