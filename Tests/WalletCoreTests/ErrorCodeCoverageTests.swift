import Testing
@testable import WalletCore

/// One row per error code: a world set up to answer exactly that code. A second test checks
/// that the rows cover every `ErrorCode`.
struct CodeRow: Sendable, CustomTestStringConvertible {
    let code: ErrorCode
    let produce: @Sendable () throws -> Void
    init(_ code: ErrorCode, _ produce: @escaping @Sendable () throws -> Void) {
        self.code = code
        self.produce = produce
    }
    var testDescription: String { code.rawValue }
}

@Suite struct ErrorCodeCoverageTests {
    /// Codes only the command language can answer: WalletCore has no current user
    /// (`user.none`) and takes phones already parsed (`register.phone_invalid`; the core's
    /// part, `Phone.parse` refusing bad forms, is in RegistrationTests.phoneForms).
    static let scriptLevel: Set<ErrorCode> = [.userNone, .registerPhoneInvalid]

    static let rows: [CodeRow] = [
        // registration
        CodeRow(.registerWrongCode) { var w = World(); let up = try w.signUp(SignUpRequest(name: "a", manualSMS: true)); _ = try w.enterSMS(user: up.user, code: "0") },
        CodeRow(.registerTooManyAttempts) {
            var w = World(); let up = try w.signUp(SignUpRequest(name: "a", manualSMS: true))
            for _ in 0..<4 { _ = try? w.enterSMS(user: up.user, code: "0") }
            _ = try w.enterSMS(user: up.user, code: "0")
        },
        CodeRow(.registerPhoneTaken) { var w = World(); let p = Phone.parse("+33-612345678"); _ = try w.signUp(SignUpRequest(name: "a", phone: p)); _ = try w.signUp(SignUpRequest(name: "b", phone: p)) },
        CodeRow(.registerPending) { var w = World(); let up = try w.signUp(SignUpRequest(name: "a", manualSMS: true)); _ = try w.linkCard(user: up.user, CardRequest(number: Cards.visa)) },
        CodeRow(.registerUserExists) { var w = World(); _ = try w.intlUser("a"); _ = try w.intlUser("a") },
        CodeRow(.registerNoCodePending) { var w = World(); let up = try w.signUp(SignUpRequest(name: "a")); _ = try w.enterSMS(user: up.user, code: String(up.smsCode)) },
        CodeRow(.registerLimit) {
            var w = World()
            for n in 0..<World.maxUsers { _ = try w.signUp(SignUpRequest(name: "u\(n)")) }
            _ = try w.signUp(SignUpRequest(name: "one-too-many"))
        },
        // verification
        CodeRow(.verifyPassportInvalid) { var w = World(); let a = try w.intlUser(); _ = try w.verify(user: a, VerifyRequest(passport: "P1")) },
        CodeRow(.verifyPassportExpired) { var w = World(); let a = try w.intlUser(); _ = try w.verify(user: a, VerifyRequest(expires: CivilDate(year: 2025, month: 6, day: 1))) },
        CodeRow(.verifyFaceFailed) { var w = World(); let a = try w.intlUser(); _ = try w.verify(user: a, VerifyRequest(facePasses: false)) },
        CodeRow(.verifyLapsed) {
            var w = World(); let a = try w.verifiedUserWithVisa()
            _ = try w.verify(user: a, VerifyRequest(expires: CivilDate(year: 2026, month: 1, day: 1)))
            _ = try w.advance(by: .days(1)); _ = try w.topUp(user: a, amount: cny("100"))
        },
        CodeRow(.verifyNationalityUnsupported) { var w = World(); let a = try w.intlUser(); _ = try w.verify(user: a, VerifyRequest(nationality: "AL")) },
        // cards
        CodeRow(.cardInvalidNumber) { var w = World(); let a = try w.intlUser(); _ = try w.linkCard(user: a, CardRequest(number: "4111 1111 1111 1112")) },
        CodeRow(.cardUnsupportedBrand) { var w = World(); let a = try w.intlUser(); _ = try w.linkCard(user: a, CardRequest(number: Cards.amex)) },
        CodeRow(.cardNameMismatch) { var w = World(); let a = try w.intlUser(); _ = try w.linkCard(user: a, CardRequest(number: Cards.visa, holderName: "BOB")) },
        CodeRow(.cardNameTooLong) { var w = World(); let a = try w.intlUser(); _ = try w.linkCard(user: a, CardRequest(number: Cards.visa, holderName: String(repeating: "A", count: 33))) },
        CodeRow(.cardAlreadyUsed) { var w = World(); _ = try w.verifiedUserWithVisa("a"); _ = try w.verifiedUserWithVisa("b") },
        CodeRow(.cardAlreadyLinked) { var w = World(); let a = try w.verifiedUserWithVisa(); _ = try w.linkCard(user: a, CardRequest(number: Cards.visa)) },
        CodeRow(.cardExpired) { var w = World(); let a = try w.intlUser(); _ = try w.linkCard(user: a, CardRequest(number: Cards.visa, expiry: CardExpiry.parse("12/25"))) },
        CodeRow(.cardLinkUnavailable) { var w = World(); let a = try w.intlUser(); _ = try w.linkCard(user: a, CardRequest(number: Cards.unavailable)) },
        CodeRow(.cardNone) { var w = World(); let a = try w.intlUser(); _ = try w.verify(user: a, VerifyRequest()); _ = try w.topUp(user: a, amount: cny("100")) },
        CodeRow(.cardNotFound) { var w = World(); let a = try w.verifiedUserWithVisa(); _ = try w.topUp(user: a, amount: cny("100"), card: "jcb") },
        CodeRow(.cardTooMany) {
            var w = World(); let a = try w.intlUser()
            for s in 0..<11 { _ = try w.linkCard(user: a, CardRequest(number: luhnNumber(prefix: "45", length: 16, serial: s))) }
        },
        // TourPass
        CodeRow(.tourpassDomesticUser) { var w = World(); let d = try w.domesticWithCard(verified: true); _ = try w.topUp(user: d, amount: cny("100")) },
        CodeRow(.tourpassNotVerified) { var w = World(); let a = try w.intlUser(); _ = try w.topUp(user: a, amount: cny("100")) },
        CodeRow(.tourpassExpired) { var w = World(); let a = try w.passHolder(); _ = try w.advance(by: .days(90)); _ = try w.pay(user: a, amount: cny("1"), merchant: w.merchantID("cafe")) },
        CodeRow(.tourpassNotExpired) { var w = World(); let a = try w.passHolder(); try w.reactivate(user: a) },
        CodeRow(.topupBelowMinimum) { var w = World(); let a = try w.verifiedUserWithVisa(); _ = try w.topUp(user: a, amount: cny("99.99")) },
        CodeRow(.topupAboveMaximum) { var w = World(); let a = try w.verifiedUserWithVisa(); _ = try w.topUp(user: a, amount: cny("2000.01")) },
        CodeRow(.topupCumulativeLimit) { var w = World(); let a = try w.verifiedUserWithVisa(); for _ in 0..<6 { _ = try w.topUp(user: a, amount: cny("2000")) } },
        CodeRow(.topupCountLimit) { var w = World(); try w.setPolicy("topup.count", to: "1"); let a = try w.passHolder(); _ = try w.topUp(user: a, amount: cny("100")) },
        CodeRow(.topupCardDeclined) { var w = World(); let a = try w.verifiedUserWithVisa(card: Cards.declined); _ = try w.topUp(user: a, amount: cny("100")) },
        // payments
        CodeRow(.payDomesticQR) { var w = World(); let a = try w.passHolder(); _ = try w.pay(user: a, amount: cny("1"), merchant: w.merchantID("domestic-qr")) },
        CodeRow(.payNoPaymentMethod) { var w = World(); let a = try w.passHolder(); _ = try w.pay(user: a, amount: cny("1"), merchant: w.merchantID("supplier")) },
        CodeRow(.payInsufficientBalance) { var w = World(); let a = try w.passHolder(amount: "100"); _ = try w.pay(user: a, amount: cny("100.01"), merchant: w.merchantID("cafe")) },
        CodeRow(.payWrongPassword) { var w = World(); let a = try w.passHolder(); _ = try w.pay(user: a, amount: cny("1"), merchant: w.merchantID("cafe"), password: "000000") },
        CodeRow(.payPasswordLocked) {
            var w = World(); let a = try w.passHolder(); let cafe = try w.merchantID("cafe")
            for _ in 0..<5 { _ = try? w.pay(user: a, amount: cny("1"), merchant: cafe, password: "000000") }
            _ = try w.pay(user: a, amount: cny("1"), merchant: cafe)
        },
        CodeRow(.payDailyLimit) { var w = World(); let d = try w.domesticWithCard(verified: false); _ = try w.pay(user: d, amount: cny("1000.01"), merchant: w.merchantID("noodles")) },
        CodeRow(.refundExceedsPayment) {
            var w = World(); let a = try w.passHolder(); let cafe = try w.merchantID("cafe")
            _ = try w.pay(user: a, amount: cny("10"), merchant: cafe); _ = try w.refund(user: a, amount: cny("10.01"), merchant: cafe)
        },
        CodeRow(.refundNoPayment) { var w = World(); let a = try w.passHolder(); _ = try w.refund(user: a, amount: cny("1"), merchant: w.merchantID("cafe")) },
        // transfers
        CodeRow(.transferNotAllowed) { var w = World(); let a = try w.passHolder(); let b = try w.verifiedUserWithVisa("b", card: Cards.jcb); _ = try w.transfer(user: a, amount: cny("1"), to: b) },
        CodeRow(.transferReceiverUnverified) { var w = World(); let d = try w.domesticWithCard(verified: true); let b = try w.intlUser("b"); _ = try w.transfer(user: d, amount: cny("1"), to: b) },
        CodeRow(.transferReceiverLimit) {
            var w = World(); try w.setPolicy("transfer.unverified_receive", to: "100")
            let d = try w.domesticWithCard(verified: true); let b = try w.intlUser("b")
            _ = try w.transfer(user: d, amount: cny("100.01"), to: b)
        },
        CodeRow(.transferSelf) { var w = World(); let d = try w.domesticWithCard(verified: true); _ = try w.transfer(user: d, amount: cny("1"), to: d) },
        // the world itself
        CodeRow(.userUnknown) { _ = try World().lookUpUser("ghost") },
        CodeRow(.merchantUnknown) { _ = try World().lookUpMerchant("ghost") },
        CodeRow(.merchantReserved) { var w = World(); _ = try w.defineMerchant(name: "cross-qr", qr: .domestic, acceptsCredit: true) },
        CodeRow(.merchantLimit) {
            var w = World()
            for n in w.merchants.count..<World.maxMerchants { _ = try w.defineMerchant(name: "m\(n)", qr: .cross, acceptsCredit: true) }
            _ = try w.defineMerchant(name: "one-too-many", qr: .cross, acceptsCredit: true)
        },
        CodeRow(.clockOutOfRange) { var w = World(); _ = try w.advance(by: .days(3_000_000)) },
        // The ledger refuses to push one account past 2^52 fen (amounts beyond what a script can type).
        CodeRow(.moneyOverflow) {
            var w = World(); let d = try w.domesticWithCard(verified: true); let noodles = try w.merchantID("noodles")
            for _ in 0..<3 { _ = try w.pay(user: d, amount: Money(fen: 1 << 51), merchant: noodles) }
        },
        CodeRow(.policyUnknownKey) { var w = World(); try w.setPolicy("topup.minimum", to: "1") },
        CodeRow(.policyBadValue) { var w = World(); try w.setPolicy("pass.days", to: "0") },
        CodeRow(.policyConflict) { var w = World(); try w.setPolicy("topup.min", to: "2000.01") },
    ]

    @Test(arguments: rows)
    func produces(row: CodeRow) {
        #expect(code { try row.produce() } == row.code)
    }

    @Test func everyCodeIsProducedByARow() {
        let covered = Set(Self.rows.map(\.code))
        let missing = Set(ErrorCode.allCases).subtracting(covered).subtracting(Self.scriptLevel)
        #expect(missing.isEmpty, "codes no test produces: \(missing.map(\.rawValue).sorted())")
        #expect(covered.isDisjoint(with: Self.scriptLevel))
    }

    @Test func codesAreStable() {
        #expect(Set(ErrorCode.allCases.map(\.rawValue)).count == ErrorCode.allCases.count)
        #expect(ErrorCode.payDomesticQR.rawValue == "pay.domestic_qr")
        #expect(WalletError(.cardNone, "x").description == "card.none: x")
    }
}
