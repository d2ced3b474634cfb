import Testing
import WalletCore
@testable import WalletScript

/// `why` explains the last line typed: a line that did not parse is not explained by the
/// command before it, and the header names the command as typed (secrets hidden).
@Suite struct WhyAfterTheLastLineTests {
    @Test func aLineThatDidNotParseIsWhatWhySpeaksOf() {
        var s = session(after: aliceWithPass)
        let failed = output("topup 99999999999999999", in: &s)
        #expect(failed.first?.hasPrefix("<diagnostic> ") == true)
        let why = output("why", in: &s)
        #expect(why.count == 1)
        #expect(why.first == "the last line did not parse: " + String(failed[0].dropFirst("<diagnostic> ".count)))
        // The next line that runs is explained again.
        _ = output("topup 100", in: &s)
        #expect(output("why", in: &s).first == "topup 100 succeeded: every rule held")
    }

    @Test func theConsoleSaysWhichLineDidNotParse() {
        var console = Console(inputName: "<stdin>", keepsSession: false)
        for line in ["user alice", "verify", "card visa"] { _ = console.handle(line) }
        let problem = console.handle("card vis")
        #expect(problem.diagnostic != nil)
        let why = console.handle("why").lines.map(\.text)
        #expect(why == ["the last line did not parse: " + (problem.diagnostic?.rendered ?? "?")])
        #expect(why.first?.hasPrefix("the last line did not parse: <stdin>:4:") == true)
        #expect(why.first?.contains("card ••1111") == false)
    }

    @Test func theHeaderNamesTheCommandAsTyped() {
        var s = session(after: aliceWithPass)
        _ = output("verify expires:2025-06-01", in: &s)
        #expect(output("why", in: &s).first?.hasPrefix("verify expires:2025-06-01 ") == true)
        _ = output("sms 0000", in: &s)
        #expect(output("why", in: &s).first?.hasPrefix("sms 0000 ") == true)
        _ = output("advance 1d", in: &s)
        #expect(output("why", in: &s) == ["advance 1d succeeded; it checks no rule list"])
        _ = output("status", in: &s)
        #expect(output("why", in: &s) == ["status succeeded; it checks no rule list"])
    }

    @Test func theHeaderHidesPasswordsAndCardNumbers() {
        var s = session(after: aliceWithPass)
        _ = output("pay 1 qr:cross password:000000", in: &s)
        #expect(output("why", in: &s).first?.hasPrefix("pay 1 qr:cross password:•••••• ") == true)
        _ = output("card 4111 1111 1111 1111", in: &s)
        let header = output("why", in: &s).first ?? ""
        #expect(header.hasPrefix("card ••1111 "), "\(header)")
        #expect(!header.contains("4111"))
        #expect(Secrets.shown("  pay 1 to:cafe password 12 34 ") == "pay 1 to:cafe password ••••••")
        #expect(Secrets.shown("topup 5 card:4111111111111111") == "topup 5 card:••1111")
        #expect(Secrets.shown("balance") == "balance")
    }

    @Test func aSavedSessionLeavesOutAWhyAboutALineItDoesNotKeep() {
        var console = Console()
        for line in aliceWithPass + ["topup 99999999999999999", "why", "balance", "why"] { _ = console.handle(line) }
        #expect(!console.savedScenario.contains("did not parse"))
        #expect(console.savedScenario.contains("\nwhy\n| balance succeeded; it checks no rule list\n"))
    }
}
