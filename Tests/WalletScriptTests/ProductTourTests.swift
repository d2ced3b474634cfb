import Testing
import WalletCore
@testable import WalletScript

/// Small things a product manager met trying the REPL (polish, issue 9's session).
@Suite struct ProductTourTests {
    /// `:reach` in the REPL says the REPL's line, not the command-line flag.
    @Test func reachSaysThePolicyLineInTheREPL() {
        var console = Console()
        let text = console.handle(":reach topup.count_limit").lines.map(\.text)
        #expect(text == ["topup.count_limit cannot be reached: topup.count is none (no cap) in this policy; try `policy topup.count 1` first"])
        // `explore` on the command line keeps the flag.
        #expect(Unreachable.reason(for: .code(.topupCountLimit), policy: Policy())?.hasSuffix("try --policy topup.count=1") == true)
        _ = console.handle("policy topup.count 1")
        #expect(console.handle(":reach topup.count_limit").lines.first?.text.hasPrefix("topup.count_limit in ") == true)
    }

    /// Names compare exactly, so `to:Cafe` is no merchant; the error names the near one.
    @Test func anUnknownNameSuggestsTheNearOne() {
        var s = session(after: aliceWithPass)
        #expect(output("pay 10 to:Cafe", in: &s) == ["error merchant.unknown: no merchant named Cafe; did you mean 'cafe'?"])
        #expect(output("refund 1 from:cafee", in: &s) == ["error merchant.unknown: no merchant named cafee; did you mean 'cafe'?"])
        #expect(output("pay 10 to:zzzzzz", in: &s) == ["error merchant.unknown: no merchant named zzzzzz"])
        var domestic = session(after: ["user alice", "verify", "user wang phone:+86-13800138000", "card unionpay"])
        #expect(output("transfer 10 to:Alice", in: &domestic) == ["error user.unknown: no user named Alice; did you mean 'alice'?"])
    }

    /// A refused sandbox card shows in the statement as typed (`card amex`), not as ••0005.
    @Test func aRefusedSandboxCardIsWrittenAsTyped() {
        var s = session(after: ["user alice", "verify", "card amex", "card 3782 8224 6310 005"])
        let history = output("history", in: &s)
        #expect(history.contains { $0.contains("card amex ") && $0.contains("failed card.unsupported_brand") }, "\(history)")
        #expect(history.contains { $0.contains("card ••0005 ") && $0.contains("failed card.unsupported_brand") }, "\(history)")
    }

    /// `why` after paying a domestic-only code says what to type, as it does for credit.
    @Test func aDomesticCodeIsExplainedWithLinesToType() {
        var s = session(after: aliceWithPass)
        _ = output("pay 10 to:noodles", in: &s)
        let why = output("why", in: &s)
        #expect(why.contains { $0.hasPrefix("  ✗ pay.qr ") && $0.hasSuffix(": noodles has a domestic-only code (`qr:domestic`)") }, "\(why)")
        #expect(why.contains("    to pass: a merchant with a cross-border code: `pay 10.00 qr:cross`, or `merchant noodles qr:cross` first"), "\(why)")
    }

    /// A name with a space typed without quotes: the error says how to write it.
    @Test func aSpacedNameWithoutQuotesIsExplained() {
        let cases = [
            ("pay 5 to:Tea House", "unexpected word for pay: House; a name with a space goes in quotes: to:\"Tea House\""),
            ("transfer 5 to:Mary Ann", "unexpected word for transfer: Ann; a name with a space goes in quotes: to:\"Mary Ann\""),
            ("user Mary Ann", "unexpected word for user: Ann; a name with a space goes in quotes: user \"Mary Ann\""),
            ("merchant Tea House qr:domestic", "unexpected word for merchant: House; a name with a space goes in quotes: merchant \"Tea House\""),
            ("card visa name:ALICE SMITH", "unexpected word for card: SMITH; a name with a space goes in quotes: name:\"ALICE SMITH\""),
            // Not a name: no hint.
            ("topup 100 200", "unexpected word for topup: 200"),
        ]
        for (line, message) in cases {
            guard case .failure(let diagnostic) = CommandTable.parse(line) else { Issue.record("\(line) parsed"); continue }
            #expect(diagnostic.message == message, "\(line)")
        }
    }
}
