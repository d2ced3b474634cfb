import Foundation
import Testing

/// The rules v2 additions through the real binary with piped input.
@Suite("rules v2 with piped input")
struct RulesV2EndToEndTests {
    @Test("a refused name is <stdin>:LINE:COL: error: naming the problem; exit 2")
    func refusedNames() throws {
        let zeroWidth = try Tourpass.piped("user \"zero\u{200D}width\"\n")
        #expect(zeroWidth.status == 2)
        #expect(zeroWidth.err.hasPrefix("<stdin>:1:6: error: not a user name: a name cannot hold U+200D"))
        let unquoted = try Tourpass.piped("user alice\nmerchant Li's\n")
        #expect(unquoted.status == 2)
        #expect(unquoted.err.hasPrefix("<stdin>:2:10: error: not a merchant name: an unquoted name"))
        let long = try Tourpass.piped("user " + String(repeating: "é", count: 33) + "\n")
        #expect(long.status == 2 && long.err.contains("at most 32 characters; this one has 33"))
    }

    @Test("quoted names, sms without a code, expect wallet, the masked receiver and a lapse")
    func session() throws {
        let input = """
            user "Mary Ann" sms:manual
            sms
            verify expires:2026-01-02
            user wang phone:+86-13800138000
            card unionpay
            transfer 10 to:"Mary Ann"
            user "Mary Ann"
            expect wallet 10
            advance 2d
            expect verified no

            """
        let result = try Tourpass.piped(input)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("SMS code accepted: Mary Ann is signed up\n"))
        #expect(result.out.contains("sent CNY 10.00 to *Ann (44-7700XXXX) from unionpay ••0004\n"))
        #expect(result.out.contains("2026-01-03 00:00  passport of Mary Ann expired: verification lapsed\n"))
    }
}
