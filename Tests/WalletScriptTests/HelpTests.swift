import Testing
import WalletCore
@testable import WalletScript

/// `help` shows the new commands and every code.
@Suite struct HelpTests {
    @Test func showsSmsWithoutACodeAndExpectWallet() {
        let sms = HelpCommand.lines(for: "sms")
        #expect(sms.first == "usage: sms [CODE]")
        let expect = HelpCommand.lines(for: "expect")
        #expect(expect.first?.contains("wallet AMOUNT") == true)
        #expect(expect.contains("  expect wallet 0"))
    }

    @Test func listsEveryErrorCode() throws {
        let lines = HelpCommand.lines(for: "expect")
        let start = try #require(lines.firstIndex { $0.hasPrefix("error codes") })
        // Grouped by command, one line a group.
        let codes = lines[start...].joined(separator: " ")
        for code in ErrorCode.allCases { #expect(codes.contains(" " + code.rawValue), "\(code.rawValue)") }
        #expect(codes.contains("verify.lapsed") && codes.contains("transfer.receiver_limit") && codes.contains("policy.conflict"))
    }

    @Test func policyListsTheReceiveCap() {
        #expect(PolicyCommand.table(Policy()).contains { $0.hasPrefix("transfer.unverified_receive") })
    }
}

/// `help RULE_ID`: `why` prints rule ids (`pay.qr`), so `help` explains them.
@Suite struct HelpRuleTests {
    @Test func aRuleIdShowsTheRule() throws {
        let lines = HelpCommand.lines(for: "topup.max")
        #expect(lines.first?.hasPrefix("rule topup.max of topup: ") == true, "\(lines)")
        #expect(lines.contains("  answers: topup.above_maximum"))
        #expect(lines.contains { $0.hasPrefix("  policy keys: topup.max") && $0.contains("2000.00") })
        #expect(lines.contains { $0.hasPrefix("a shortest way there") })
        #expect(lines.last == "  expect error topup.above_maximum")
    }

    @Test func helpParsesRuleIdsAndSuggestsNearIds() throws {
        #expect(parsed("help pay.qr", as: HelpCommand.self)?.topic == "pay.qr")
        let problem = try #require(diagnostic("help pay.bogus"))
        #expect(problem.message.hasPrefix("no code or rule 'pay.bogus'; did you mean one of the rules pay.merchant, pay.qr"), "\(problem.message)")
        #expect(diagnostic("help pay.qx")?.message == "no code or rule 'pay.qx'; did you mean 'pay.qr'?")
        #expect(diagnostic("help paay")?.message.hasPrefix("no command 'paay'") == true)
    }
}
