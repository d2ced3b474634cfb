import Foundation
import Testing

/// Card numbers show as brand and last four only; payment passwords never echo.
@Suite("secrets stay out of the output")
struct SecretsTests {
    @Test("a card typed in full shows only as visa ••1111 in history, status and cards")
    func cardNumberMasked() throws {
        let result = try Tourpass.piped("""
            user alice
            verify
            card 4111 1111 1111 1111
            topup 100
            history
            status
            cards
            card 5555-5555-5555-4444
            cards

            """)
        #expect(result.status == 0, "\(result.err)")
        let everything = result.out + result.err
        for secret in ["4111111111111111", "4111 1111", "4111-1111", "5555555555554444", "5555 5555", "5555-5555"] {
            #expect(!everything.contains(secret), "\(secret) leaked:\n\(everything)")
        }
        #expect(result.out.contains("visa ••1111"))
        #expect(result.out.contains("mastercard ••4444"))
    }

    @Test("refused and malformed card numbers are not echoed either")
    func refusedCardNotEchoed() throws {
        let lines = [
            "card 4111 1111 1111 1112", "card 3782 8224 6310 005", "card 4111 1111 1111 11",
            "card 4111 1111 1111 1111 bogus:1", "card 4111 1111 1111 1111 exp:13/99",
        ]
        for line in lines {
            let result = try Tourpass.piped("user alice\n\(line)\n")
            #expect(result.status != 0, "\(line) should fail")
            for secret in ["4111111111111", "4111 1111", "378282246310005", "3782 8224"] {
                #expect(!(result.out + result.err).contains(secret), "\(line) echoed \(secret): \(result.out)\(result.err)")
            }
        }
    }

    @Test("payment passwords never echo, right or wrong")
    func passwordNotEchoed() throws {
        let result = try Tourpass.piped("""
            user alice
            verify
            card visa password:654321
            topup 100
            pay 5 qr:cross password:654321
            pay 5 qr:cross password:987654
            expect error pay.wrong_password
            password 246810
            pay 5 qr:cross password:246810

            """)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("paid CNY 5.00"))
        #expect(result.out.contains("error pay.wrong_password"))
        for secret in ["654321", "987654", "246810"] {
            #expect(!(result.out + result.err).contains(secret), "\(secret) echoed:\n\(result.out)")
        }
        for malformed in ["pay 5 qr:cross password:12345", "pay 5 qr:cross password:abcdefg", "password 12345"] {
            let bad = try Tourpass.piped("user alice\n\(malformed)\n")
            #expect(bad.status == 2)
            #expect(!(bad.out + bad.err).contains("12345") && !(bad.out + bad.err).contains("abcdefg"), "\(bad.err)")
        }
    }
}
