/// Every error the wallet answers with. The raw value is the stable code that scenarios
/// assert on (`expect error pay.domestic_qr`); never rename one.
public enum ErrorCode: String, CaseIterable, Sendable, Comparable {
    // registration
    case registerWrongCode = "register.wrong_code"
    case registerTooManyAttempts = "register.too_many_attempts"
    case registerPhoneTaken = "register.phone_taken"
    case registerPhoneInvalid = "register.phone_invalid"
    case registerPending = "register.pending"
    case registerUserExists = "register.user_exists"
    case registerNoCodePending = "register.no_code_pending"
    case registerLimit = "register.limit"
    // verification
    case verifyPassportInvalid = "verify.passport_invalid"
    case verifyPassportExpired = "verify.passport_expired"
    case verifyFaceFailed = "verify.face_failed"
    case verifyNationalityUnsupported = "verify.nationality_unsupported"
    case verifyLapsed = "verify.lapsed"
    // cards
    case cardInvalidNumber = "card.invalid_number"
    case cardUnsupportedBrand = "card.unsupported_brand"
    case cardNameMismatch = "card.name_mismatch"
    case cardNameTooLong = "card.name_too_long"
    case cardAlreadyUsed = "card.already_used"
    case cardAlreadyLinked = "card.already_linked"
    case cardExpired = "card.expired"
    case cardLinkUnavailable = "card.link_unavailable"
    case cardNone = "card.none"
    case cardNotFound = "card.not_found"
    case cardTooMany = "card.too_many"
    // TourPass
    case tourpassDomesticUser = "tourpass.domestic_user"
    case tourpassNotVerified = "tourpass.not_verified"
    case tourpassExpired = "tourpass.expired"
    case tourpassNotExpired = "tourpass.not_expired"
    case topupBelowMinimum = "topup.below_minimum"
    case topupAboveMaximum = "topup.above_maximum"
    case topupCumulativeLimit = "topup.cumulative_limit"
    case topupCountLimit = "topup.count_limit"
    case topupCardDeclined = "topup.card_declined"
    // payments
    case payDomesticQR = "pay.domestic_qr"
    case payNoPaymentMethod = "pay.no_payment_method"
    case payInsufficientBalance = "pay.insufficient_balance"
    case payWrongPassword = "pay.wrong_password"
    case payPasswordLocked = "pay.password_locked"
    case payDailyLimit = "pay.daily_limit"
    case refundExceedsPayment = "refund.exceeds_payment"
    case refundNoPayment = "refund.no_payment"
    // transfers
    case transferNotAllowed = "transfer.not_allowed"
    case transferReceiverUnverified = "transfer.receiver_unverified"
    case transferReceiverLimit = "transfer.receiver_limit"
    case transferSelf = "transfer.self"
    // the world itself
    case userNone = "user.none"
    case userUnknown = "user.unknown"
    case merchantUnknown = "merchant.unknown"
    case merchantLimit = "merchant.limit"
    case merchantReserved = "merchant.reserved"
    case clockOutOfRange = "clock.out_of_range"
    case moneyOverflow = "money.overflow"
    case policyUnknownKey = "policy.unknown_key"
    case policyBadValue = "policy.bad_value"
    case policyConflict = "policy.conflict"

    public static func < (a: ErrorCode, b: ErrorCode) -> Bool { a.rawValue < b.rawValue }
}

/// An error as a value: a stable code, a message for people, and the rule that answered
/// (`topup.max`) when a rule list did.
public struct WalletError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: ErrorCode
    public let message: String
    public let rule: String?

    public init(_ code: ErrorCode, _ message: String, rule: String? = nil) {
        self.code = code
        self.message = message
        self.rule = rule
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
