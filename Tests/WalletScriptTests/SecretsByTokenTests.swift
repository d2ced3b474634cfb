import Testing
@testable import WalletScript

/// Redaction works on the lexer's tokens: spacing, quoting, splitting or misspelling a
/// password or a card number never shows its digits, and such lines never reach the history.
@Suite struct SecretsByTokenTests {
    static let secretLines: [(line: String, secret: String)] = [
        ("pay 1 qr:cross pasword:246801", "246801"),
        ("pay 1 qr:cross passwd:123456", "123456"),
        ("pay 1 qr:cross Password:135790", "135790"),
        ("pay 1 qr:cross pass:975310", "975310"),
        ("card visa password: 123456", "123456"),
        ("card visa password:   123 456", "123"),
        ("card visa password:\"123 456\"", "123 456"),
        ("card visa password:12\\3456", "3456"),
        ("password 12 34 56", "34"),
        ("passwd 654321", "654321"),
        ("pay 1 qr:cross password 123456", "123456"),
        ("card \"5555555555554444\"", "5555555555554444"),
        ("card \"5555 5555 5555 4444\"", "5555 5555"),
        ("card 5555 5555 5555 4444", "5555"),
        ("card 5555-5555-5555-4444", "5555-5555"),
        ("link 4111111111111112 exp:13/99", "4111111111111112"),
        ("crad 4111111111111111", "4111111111111111"),
        ("topup 100 card:5555555555554444", "5555555555554444"),
        ("topup 100 card:\"5555 5555 5555 4444\"", "5555 5555"),
        ("expect charged 5 card:411111111111", "411111111111"),
        ("pay 5 qr:cross password:\"123456", "123456"),
        ("card ４１１１１１１１１１１１１１１１", "４１１１１１"),
        ("pay 5 qr:cross password:123456 \u{1B}", "123456"),
    ]

    @Test func everyVariantIsHiddenAndKeptOutOfHistory() {
        for (line, secret) in Self.secretLines {
            let shown = Secrets.redacted(line)
            #expect(!shown.contains(secret), "\(line) shows \(shown)")
            #expect(shown.count == line.count, "redaction must keep columns: \(shown)")
            #expect(!Secrets.isSafeForHistory(line), "\(line) would go to the history")
        }
    }

    @Test func ordinaryLinesAreLeftAlone() {
        for line in ["pay 38.50 qr:cross", "user alice phone:+44-7700900123", "topup 100 card:4444",
                     "verify passport:P1234567 expires:2030-01-01", "help password", "advance 91d",
                     "topup 100000000", "card visa", "expect refunded 461.50 card:visa"] {
            #expect(Secrets.redacted(line) == line)
            #expect(Secrets.isSafeForHistory(line), "\(line)")
        }
    }

    /// A user name of 33 digits is no card number (12 to 19 digits): echoed as typed. A
    /// card-length name, a spaced run or a number in the rest of the line stays masked.
    @Test func aLongDigitNameIsNotACardNumber() {
        let name = "123456789012345678901234567890123"
        #expect(Secrets.redacted("user \(name)") == "user \(name)")
        #expect(Secrets.redacted("merchant \(name)") == "merchant \(name)")
        #expect(Secrets.redacted("user 4111111111111111") == "user ••••••••••••••••")
        #expect(Secrets.redacted("user 4111 1111 1111 1111") == "user •••• •••• •••• ••••")
        #expect(Secrets.redacted("user \(name) 4111111111111111").hasSuffix(" ••••••••••••••••"))
        #expect(Secrets.redacted("pay 5 to:x \(name)") != "pay 5 to:x \(name)", "only a name is exempt")
        #expect(Secrets.redacted("card \(name)") == "card " + String(repeating: "•", count: name.count))
    }

    @Test func passwordsShowAsDotsOneForOne() {
        #expect(Secrets.redacted("pay 5 qr:cross password:123456") == "pay 5 qr:cross password:••••••")
        #expect(Secrets.redacted("password 246810") == "password ••••••")
        #expect(Secrets.redacted("card visa password: 123456") == "card visa password: ••••••")
        #expect(Secrets.redacted("card 4111 1111 1111 1111") == "card •••• •••• •••• ••••")
    }
}
