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
