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

/// What running one command gave, as values: the caller renders them to text only when it
/// needs text (a scenario step without recorded output never does).
public struct Outcome: Sendable, Equatable {
    public var output: [Output] = []
    public var error: WalletError? = nil
    public var failedAssertion: String? = nil

    public init(output: [Output] = [], error: WalletError? = nil, failedAssertion: String? = nil) {
        self.output = output
        self.error = error
        self.failedAssertion = failedAssertion
    }

    /// The rendered lines.
    public var lines: [OutputLine] { output.flatMap(Render.lines) }

    public static func == (a: Outcome, b: Outcome) -> Bool {
        a.lines == b.lines && a.error == b.error && a.failedAssertion == b.failedAssertion
    }

    static func failure(_ error: WalletError) -> Outcome { Outcome(output: [.error(error)], error: error) }
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

/// The output values of commands. Each renders to one or more lines in `Render`.
/// Large payloads are `indirect` so the common values stay small to copy.
public enum Output: Sendable, Equatable {
    case currentUser(String)
    indirect case signedUp(name: String, phone: Phone, version: AppVersion)
    case smsSent(code: Int, phone: Phone, entered: Bool)
    case smsAccepted(String)
    indirect case verified(name: String, passport: Passport)
    indirect case cardLinked(CardLabel, holder: String, expiry: CardExpiry)
    case passwordSet, passwordUnchanged, passwordChanged
    indirect case toppedUp(amount: Money, fee: Money, card: CardLabel, fxUSDPer10k: Int64)
    case passOpened(until: Instant)
    case passBalance(Money)
    case merchantDefined(name: String, qr: QRKind, credit: Bool, created: Bool)
    case paid(amount: Money, merchant: String, from: CardLabel?, balance: Money?)
    indirect case refunded(merchant: String, amount: Money, toPass: Money, passBalance: Money, toCards: [CardAmount])
    /// `to` is the receiver as the app shows them to the sender: `*cilla (61-0416XXXX)`.
    indirect case transferred(amount: Money, to: String, card: CardLabel)
    case reactivated(days: Int64)
    indirect case passExpired(at: Instant, user: String, refunds: [CardAmount], left: Money)
    case paymentsUnlocked(at: Instant, user: String)
    case signupUnlocked(at: Instant, user: String)
    case passportLapsed(at: Instant, user: String)
    case now(Instant)
    case clock(Instant)
    case policyValue(key: String, value: String, was: String?)
    indirect case balances(version: AppVersion, pass: PassSummary, walletFen: Int64)
    indirect case status(StatusSnapshot)
    /// Lines already rendered (listings, help).
    case text([String])
    case error(WalletError)
    case expectFailed(String)
}

public struct PassSummary: Sendable, Equatable {
    public let state: PassState
    public let balance: Money
    public let expiresAt: Instant?
}

public struct StatusSnapshot: Sendable, Equatable {
    let name: String
    let phone: Phone
    let version: AppVersion
    let nationality: String
    let signedUp: Bool
    let signupLockedUntil: Instant?
    let passport: Passport?
    let lapsed: Bool
    let cards: [CardLabel]
    let pass: PassSummary
    let periodTopups: Int
    let periodTopupFen: Int64
    let topupTotal: Money
    let walletFen: Int64
    let payLockedUntil: Instant?
    let now: Instant
}
