import Testing
@testable import WalletCore

// Builders and small assertions shared by the WalletCore tests.

/// The sandbox cards of RULES.md.
enum Cards {
    static let visa = "4111 1111 1111 1111"
    static let mastercard = "5555 5555 5555 4444"
    static let jcb = "3530 1113 3330 0000"
    static let diners = "3056 9309 0259 04"
    static let unionpay = "6217 0000 0000 0000 004"
    static let declined = "4000 0000 0000 0002"
    static let unavailable = "4000 0000 0000 0101"
    static let amex = "3782 8224 6310 005"
}

/// An amount typed as in a scenario; a literal that does not parse is a bug in the test.
func cny(_ text: String) -> Money {
    switch Money.parse(text) {
    case .success(let amount): return amount
    case .failure(let problem): fatalError("bad amount literal \(text): \(problem)")
    }
}

func minutes(_ text: String) -> SimDuration {
    switch SimDuration.parse(Substring(text)) {
    case .success(let span): return span
    case .failure(let problem): fatalError("bad duration literal \(text): \(problem)")
    }
}

/// A Luhn-valid number: `body` followed by its check digit (written apart from the core's check).
func withCheckDigit(_ body: String) -> String {
    var sum = 0
    for (offset, character) in body.reversed().enumerated() {
        var digit = Int(character.asciiValue! - 48)
        if offset % 2 == 0 { digit *= 2; if digit > 9 { digit -= 9 } }
        sum += digit
    }
    return body + String((10 - sum % 10) % 10)
}

/// A Luhn-valid number of `length` digits starting with `prefix`, varied by `serial`.
func luhnNumber(prefix: String, length: Int, serial: Int = 0) -> String {
    let fill = String(serial)
    let zeros = String(repeating: "0", count: length - 1 - prefix.count - fill.count)
    return withCheckDigit(prefix + zeros + fill)
}

/// The code a throwing call answers, or nil when it succeeds.
/// (Closures infer an untyped `throws`, so the error is cast; anything else is a test failure.)
func code<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) -> ErrorCode? {
    do { _ = try body(); return nil } catch let error as WalletError { return error.code } catch {
        Issue.record("not a WalletError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Runs an operation that must fail with `expected`; checks that no money moved and the
/// ledger still keeps its promises.
func expectFailure<T>(_ expected: ErrorCode, _ world: inout World,
                      sourceLocation: SourceLocation = #_sourceLocation,
                      _ body: (inout World) throws -> T) {
    let postings = world.ledger.postings.count
    do {
        _ = try body(&world)
        Issue.record("expected \(expected.rawValue), but the operation succeeded", sourceLocation: sourceLocation)
    } catch {
        #expect((error as? WalletError)?.code == expected, "\(error)", sourceLocation: sourceLocation)
    }
    #expect(world.ledger.postings.count == postings, "money moved on a failed operation", sourceLocation: sourceLocation)
    #expect(world.invariantViolations() == [], sourceLocation: sourceLocation)
}

extension World {
    /// An international user (default phone, +44), signed up with the right SMS code.
    mutating func intlUser(_ name: String = "alice", nationality: String? = nil,
                           fullName: String? = nil) throws -> UserID {
        try signUp(SignUpRequest(name: name, nationality: nationality, fullName: fullName)).user
    }

    /// A domestic user (+86 phone), signed up.
    mutating func domesticUser(_ name: String = "dan", fullName: String? = nil) throws -> UserID {
        let phone = try #require(Phone.parse("+86-1380000\(1000 + users.count)"))
        return try signUp(SignUpRequest(name: name, phone: phone, fullName: fullName)).user
    }

    /// The usual TourPass customer: international, verified, the sandbox Visa (or `card`) linked.
    mutating func verifiedUserWithVisa(_ name: String = "alice", card: String = Cards.visa) throws -> UserID {
        let id = try intlUser(name)
        _ = try verify(user: id, VerifyRequest())
        _ = try linkCard(user: id, CardRequest(number: card))
        return id
    }

    /// A verified international user whose pass holds `amount` (one top-up, fee on top).
    mutating func passHolder(_ name: String = "alice", amount: String = "1000", card: String = Cards.visa) throws -> UserID {
        let id = try verifiedUserWithVisa(name, card: card)
        _ = try topUp(user: id, amount: cny(amount))
        return id
    }

    /// A domestic user with the sandbox UnionPay card, verified or not.
    mutating func domesticWithCard(_ name: String = "dan", verified: Bool) throws -> UserID {
        let id = try domesticUser(name)
        if verified { _ = try verify(user: id, VerifyRequest()) }
        _ = try linkCard(user: id, CardRequest(sandbox: try #require(TestCard.named("unionpay"))))
        return id
    }

    func merchantID(_ name: String) throws -> MerchantID { try lookUpMerchant(name) }

    var postingCount: Int { ledger.postings.count }
}
