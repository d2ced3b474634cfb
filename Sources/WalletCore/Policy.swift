/// Every number in RULES.md as a named, settable key. Defaults are the rules' numbers.
public struct Policy: Equatable, Sendable {
    public var topupMin = Money(fen: 10_000)
    public var topupMax = Money(fen: 200_000)
    public var topupTotal = Money(fen: 1_000_000)
    /// Top-ups per period; nil means no cap (the sources say one exists, not its value).
    public var topupCount: Int? = nil
    public var topupFeeBasisPoints: Int64 = 500
    public var passDays: Int64 = 90
    /// US dollars per yuan, in ten-thousandths (0.1434).
    public var fxUSDPer10k: Int64 = 1_434
    public var payUnverifiedDaily = Money(fen: 100_000)
    /// What an unverified user may receive in transfers over their life; 0 refuses them all.
    public var transferUnverifiedReceive = Money.zero
    public var payAttempts = 5
    public var payLock = SimDuration.hours(3)
    public var registerAttempts = 5
    public var registerLock = SimDuration.hours(1)
    public var unsupportedNationalities = ["PH", "AL", "MA"]
    public var internationalBrands: [CardBrand] = [.visa, .mastercard, .jcb, .diners]
    public var domesticBrands: [CardBrand] = [.unionpay]

    public init() {}

    public var passValidity: SimDuration { .days(passDays) }

    /// The card's currency figure for an amount: `US$14.34` for CNY 100.
    public func usd(_ amount: Money) -> String { Policy.usd(amount, ratePer10k: fxUSDPer10k) }

    public static func usd(_ amount: Money, ratePer10k: Int64) -> String {
        "US$" + Money.grouped(Money.divideRounded(amount.fen * ratePer10k, by: 10_000))
    }
}

/// One policy key: its name, what it means, how to read and write it as text.
public struct PolicyKey: Sendable {
    public let name: String
    public let summary: String
    public let read: @Sendable (Policy) -> String
    /// Returns a problem to show, or nil when the value was taken.
    let write: @Sendable (inout Policy, Substring) -> String?
}

extension Policy {
    public static let keys: [PolicyKey] = [
        money("topup.min", "smallest top-up", \.topupMin),
        money("topup.max", "largest single top-up", \.topupMax),
        money("topup.total", "top-ups allowed in one validity period", \.topupTotal),
        PolicyKey(name: "topup.count", summary: "top-ups allowed in one period (none: no cap)",
                  read: { $0.topupCount.map(String.init) ?? "none" },
                  write: { policy, text in
                      if text == "none" { policy.topupCount = nil; return nil }
                      guard let n = Int(text), (1...1_000_000).contains(n) else { return "expected a count from 1 to 1000000, or none" }
                      policy.topupCount = n
                      return nil
                  }),
        PolicyKey(name: "topup.fee", summary: "fee on a top-up, charged to the card on top of the amount",
                  read: { formatScaled($0.topupFeeBasisPoints, scale: 2) + "%" },
                  write: { policy, text in
                      let digits = text.hasSuffix("%") ? text.dropLast() : text
                      guard let bp = parseScaled(digits, scale: 2), bp <= 10_000 else { return "expected a percentage from 0% to 100%, at most two decimals" }
                      policy.topupFeeBasisPoints = bp
                      return nil
                  }),
        PolicyKey(name: "pass.days", summary: "days a TourPass stays valid after the period's first top-up",
                  read: { String($0.passDays) },
                  write: { policy, text in
                      let digits = text.hasSuffix("d") ? text.dropLast() : text
                      guard let n = Int64(digits), (1...36_500).contains(n) else { return "expected a number of days from 1 to 36500" }
                      policy.passDays = n
                      return nil
                  }),
        PolicyKey(name: "fx.USD", summary: "US dollars per yuan, for the card's currency figure",
                  read: { formatScaled($0.fxUSDPer10k, scale: 4) },
                  write: { policy, text in
                      guard let rate = parseScaled(text, scale: 4), rate > 0, rate <= 1_000_000 else { return "expected a positive rate with at most four decimals, e.g. 0.1434" }
                      policy.fxUSDPer10k = rate
                      return nil
                  }),
        money("pay.unverified_daily", "what an unverified domestic user may pay in a calendar day", \.payUnverifiedDaily),
        money("transfer.unverified_receive", "transfers an unverified user may receive in all (0: refused)", \.transferUnverifiedReceive),
        count("pay.attempts", "wrong payment passwords in a row that lock payments", \.payAttempts),
        duration("pay.lock", "how long payments stay locked", \.payLock),
        count("register.attempts", "wrong SMS codes that lock sign-up", \.registerAttempts),
        duration("register.lock", "how long sign-up stays locked", \.registerLock),
        PolicyKey(name: "verify.unsupported", summary: "nationalities missing from the app's list (none: all offered)",
                  read: { $0.unsupportedNationalities.isEmpty ? "none" : $0.unsupportedNationalities.joined(separator: ",") },
                  write: { policy, text in
                      if text == "none" { policy.unsupportedNationalities = []; return nil }
                      let codes = text.split(separator: ",").map { $0.uppercased() }
                      guard codes.allSatisfy(Nationality.isWellFormed) else { return "expected two-letter country codes separated by commas, e.g. PH,AL,MA" }
                      policy.unsupportedNationalities = codes
                      return nil
                  }),
        brands("cards.international", "card brands the international version accepts", \.internationalBrands),
        brands("cards.domestic", "card brands the domestic version accepts", \.domesticBrands),
    ]

    public static func key(named name: String) -> PolicyKey? { keys.first { $0.name == name } }

    /// The keys whose change can leave no valid top-up amount.
    static let topupKeys: Set<String> = ["topup.min", "topup.max", "topup.total"]

    /// `policy.conflict`: the minimum above the maximum (named first), or above the total;
    /// equal is allowed. What was topped up already never causes a conflict.
    /// (`run --policy`; `policy KEY VALUE` checks the same with `PolicyRules`.)
    func ensureSomeTopupIsValid() throws(WalletError) {
        if topupMin > topupMax { throw WalletError(.policyConflict, Policy.minAboveMaxMessage(self)) }
        if topupMin > topupTotal { throw WalletError(.policyConflict, Policy.minAboveTotalMessage(self)) }
    }

    static func minAboveMaxMessage(_ p: Policy) -> String {
        "topup.min \(p.topupMin.plain) would be above topup.max \(p.topupMax.plain): no top-up amount would be valid; nothing changed"
    }

    static func minAboveTotalMessage(_ p: Policy) -> String {
        "topup.min \(p.topupMin.plain) would be above topup.total \(p.topupTotal.plain): no top-up amount would be valid; nothing changed"
    }

    public func value(of name: String) -> String? { Policy.key(named: name)?.read(self) }

    // MARK: key builders

    private static func money(_ name: String, _ summary: String, _ path: WritableKeyPath<Policy, Money> & Sendable) -> PolicyKey {
        PolicyKey(name: name, summary: summary, read: { $0[keyPath: path].plain }, write: { policy, text in
            switch Money.parse(text, allowZero: true) {
            case .success(let amount): policy[keyPath: path] = amount; return nil
            case .failure(let problem): return problem.message
            }
        })
    }

    private static func count(_ name: String, _ summary: String, _ path: WritableKeyPath<Policy, Int> & Sendable) -> PolicyKey {
        PolicyKey(name: name, summary: summary, read: { String($0[keyPath: path]) }, write: { policy, text in
            guard let n = Int(text), (1...1_000).contains(n) else { return "expected a count from 1 to 1000" }
            policy[keyPath: path] = n
            return nil
        })
    }

    private static func duration(_ name: String, _ summary: String, _ path: WritableKeyPath<Policy, SimDuration> & Sendable) -> PolicyKey {
        PolicyKey(name: name, summary: summary, read: { $0[keyPath: path].description }, write: { policy, text in
            switch SimDuration.parse(text) {
            case .success(let span) where span.minutes <= 36_500 * 1_440: policy[keyPath: path] = span; return nil
            case .success: return "at most 36500d"
            case .failure(let problem): return problem.message
            }
        })
    }

    private static func brands(_ name: String, _ summary: String, _ path: WritableKeyPath<Policy, [CardBrand]> & Sendable) -> PolicyKey {
        PolicyKey(name: name, summary: summary,
                  read: { $0[keyPath: path].isEmpty ? "none" : $0[keyPath: path].map(\.rawValue).joined(separator: ",") },
                  write: { policy, text in
                      if text == "none" { policy[keyPath: path] = []; return nil }
                      var chosen: [CardBrand] = []
                      for word in text.split(separator: ",") {
                          guard let brand = CardBrand(rawValue: word.lowercased()) else {
                              return "unknown brand \(word) (brands: \(CardBrand.allCases.map(\.rawValue).joined(separator: ", ")))"
                          }
                          if !chosen.contains(brand) { chosen.append(brand) }
                      }
                      policy[keyPath: path] = chosen
                      return nil
                  })
    }
}

/// Fixed-point text with `scale` decimals, e.g. scale 2: `2.5` → 250. No floating point.
func parseScaled(_ text: Substring, scale: Int) -> Int64? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9,
          parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let whole = Int64(parts[0]) else { return nil }
    var fraction: Int64 = 0
    if parts.count == 2 {
        let digits = parts[1]
        guard !digits.isEmpty, digits.count <= scale, let value = Int64(digits) else { return nil }
        fraction = value
        for _ in digits.count..<scale { fraction *= 10 }
    }
    var unit: Int64 = 1
    for _ in 0..<scale { unit *= 10 }
    return whole * unit + fraction
}

func formatScaled(_ value: Int64, scale: Int) -> String {
    var unit: Int64 = 1
    for _ in 0..<scale { unit *= 10 }
    let whole = value / unit
    var fraction = String(value % unit)
    guard value % unit != 0 else { return String(whole) }
    fraction = String(repeating: "0", count: scale - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return String(whole) + "." + fraction
}
