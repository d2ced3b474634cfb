import Foundation
import Testing

/// The real `tourpass` binary with piped standard input: exact output and exit codes.
@Suite("tourpass with piped input")
struct EndToEndTests {
    static let session = """
        user alice
        verify
        card visa
        topup 500
        pay 38.50 qr:cross
        advance 91d
        expect refunded 461.50

        """

    /// Checked by reading: 500 topped up on 2026-01-01 opens a 90-day pass, 38.50 is spent,
    /// and at expiry (2026-04-01 00:00) the 461.50 left goes back to the visa card.
    static let sessionOutput = """
        alice signed up with 44-7700900001 (international version)
        SMS code 6844 sent to 44-7700900001 and entered
        alice verified: passport P0000001 (GB, expires 2036-01-01), name ALICE
        linked visa ••1111 (ALICE, expires 01/31)
        payment password set
        topped up CNY 500.00 from visa ••1111: charged CNY 525.00 (about US$75.29) including a CNY 25.00 fee
        TourPass opened, valid until 2026-04-01 00:00
        TourPass balance CNY 500.00
        paid CNY 38.50 to cross-qr from TourPass; balance CNY 461.50
        2026-04-01 00:00  TourPass of alice expired; refunded CNY 461.50 to visa ••1111
        now 2026-04-02 00:00

        """

    @Test("a passing session prints exactly the pinned output and exits 0", arguments: [nil, "1"] as [String?])
    func pinnedSession(noColor: String?) throws {
        let result = try Tourpass.piped(Self.session, environment: ["NO_COLOR": noColor])
        #expect(result.status == 0)
        #expect(result.stdout == Data(Self.sessionOutput.utf8))
        #expect(result.err == "")
    }

    @Test("a failed expect exits 1 and names the line")
    func failedExpect() throws {
        let result = try Tourpass.piped("user alice\nexpect balance 5\n")
        #expect(result.status == 1)
        #expect(result.err == "<stdin>:2: error: expect failed\n")
        #expect(result.out.hasSuffix("expect failed: the balance is CNY 0.00, expected CNY 5.00\n"))
    }

    @Test("a failed command with no `expect error` exits 1; with it, 0")
    func unexpectedError() throws {
        let failing = try Tourpass.piped("user alice\ntopup 500\nbalance\n")
        #expect(failing.status == 1)
        #expect(failing.err.contains("<stdin>:2: error: the command failed with tourpass.not_verified"))
        #expect(failing.out.contains("error tourpass.not_verified"))

        let expected = try Tourpass.piped("user alice\ntopup 500\nexpect error tourpass.not_verified\n")
        #expect(expected.status == 0)
        #expect(expected.err == "")
    }

    @Test("a failed command on the last line still fails the run")
    func unexpectedErrorAtEnd() throws {
        let result = try Tourpass.piped("user alice\ntopup 500\n")
        #expect(result.status == 1)
        #expect(result.err.contains("<stdin>:2: error: the command failed with tourpass.not_verified"))
    }

    @Test("a line that does not parse exits 2 with <stdin>:LINE:COL: error:")
    func parseError() throws {
        let result = try Tourpass.piped("user alice\nfrobnicate 3\n")
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("<stdin>:2:1: error: "))
        #expect(result.err.contains("frobnicate"))
        // The line before still ran.
        #expect(result.out.hasPrefix("alice signed up"))

        let amount = try Tourpass.piped("user alice\npay -5 qr:cross\n")
        #expect(amount.status == 2)
        #expect(amount.err.hasPrefix("<stdin>:2:5: error: "))
    }

    @Test("empty input from /dev/null exits 0 and prints nothing")
    func emptyInput() throws {
        let result = try Tourpass.run([])
        #expect(result.status == 0)
        #expect(result.out == "")
        #expect(result.err == "")
    }
}
