public struct UserID: Hashable, Comparable, Sendable {
    public let index: Int
    public static func < (a: UserID, b: UserID) -> Bool { a.index < b.index }
}

public enum AppVersion: String, Sendable, CaseIterable {
    case international = "intl"
    case domestic

    public var label: String { self == .international ? "international" : "domestic" }
}

/// `+CC-NUMBER` as typed; shown as `CC-NUMBER`, the form others use to pay you.
public struct Phone: Hashable, Sendable, CustomStringConvertible {
    public let countryCode: String
    public let number: String

    public static func parse(_ text: Substring) -> Phone? {
        var rest = text
        if rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2,
              (1...3).contains(parts[0].count), (4...14).contains(parts[1].count),
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        return Phone(countryCode: String(parts[0]), number: String(parts[1]))
    }

    public var description: String { countryCode + "-" + number }
    public var isChinese: Bool { countryCode == "86" }
}

public enum Nationality {
    static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 2 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}

public struct Passport: Sendable, Equatable {
    public let number: String
    public let expires: CivilDate
    public let nationality: String
    public let holderName: String
    /// The holder's birth date, when one was given.
    public var born: CivilDate? = nil
}

public enum PassState: String, Sendable {
    case none, active, expired
}

/// The TourPass prepaid card (Bank of Shanghai) of an international user.
public struct TourPass: Sendable {
    public internal(set) var state: PassState = .none
    public internal(set) var balanceFen: Int64 = 0
    public internal(set) var expiresAt: Instant? = nil
    /// Counts periods, so a stale expiry event from an earlier period is ignored.
    public internal(set) var period = 0
    public internal(set) var periodTopupFen: Int64 = 0
    public internal(set) var periodTopupCount = 0
    /// The cumulative cap in force at the period's latest top-up (for the invariant).
    var periodLimitFen: Int64 = 0
    /// Cards that funded the pass, newest top-up last.
    var fundingCards: [CardID] = []

    func isUsable(at now: Instant) -> Bool {
        guard state == .active, let end = expiresAt else { return false }
        return now < end
    }
}

/// One payment to a merchant, remembered so the merchant can refund it.
public struct Payment: Sendable {
    public let merchant: MerchantID
    public let amountFen: Int64
    public internal(set) var refundedFen: Int64 = 0
    /// The card charged (domestic), or nil when the TourPass paid.
    let card: CardID?
}

public struct User: Sendable {
    public let name: String
    public let phone: Phone
    public let version: AppVersion
    public let nationality: String
    /// The name given at sign-up (upper-cased user name by default).
    public let registeredName: String
    /// That name's length in code points as typed (RULES v2.1): `user name:`'s value, else
    /// NAME itself, not its upper-case form (`ß` is one, though `SS` is two).
    let registeredNameTypedLength: Int
    public internal(set) var signedUp: Bool
    let smsCode: Int
    var smsWrongAttempts = 0
    public internal(set) var signupLockedUntil: Instant? = nil
    public internal(set) var passport: Passport? = nil
    /// True once the passport's lapse event fired; a new `verify` clears it.
    public internal(set) var lapsed = false
    /// Counts successful verifications, so the lapse of a replaced passport is ignored.
    var passportSerial = 0
    public internal(set) var cards: [CardID] = []
    var paymentPassword: String? = nil
    var payWrongAttempts = 0
    public internal(set) var payLockedUntil: Instant? = nil
    public internal(set) var pass = TourPass()
    public internal(set) var walletFen: Int64 = 0
    /// Transfers accepted while unverified (never verified or lapsed), over the user's life.
    public internal(set) var receivedUnverifiedFen: Int64 = 0
    /// `transfer.unverified_receive` as it stood at the latest such transfer (for the invariant).
    var receiveCapFen: Int64 = 0
    var dailyPaid: (day: Int64, fen: Int64) = (0, 0)
    public internal(set) var payments: [Payment] = []
    /// Every posting touching this user and every event, in the order they happened
    /// (the latest `CappedLog.keep` are kept for the statement).
    public internal(set) var journal = CappedLog<JournalEntry>()

    // Inlinable and a pattern, not `!= nil`: a rule reading `w.users[i].everVerified` called
    // the getter on a copy of the whole User (about 1,100 instructions a top-up).
    /// Verified now: a passport, and its verification has not lapsed.
    @inlinable public var verified: Bool { everVerified && !lapsed }
    /// Verified once; `lapsed` says whether it still holds.
    @inlinable public var everVerified: Bool {
        if case .some = passport { return true }
        return false
    }
    public var smsCodeSent: Int { smsCode }
    /// The name a card must carry: one holder name per user (verification never changes it).
    var nameOnRecord: String { registeredName }
}
