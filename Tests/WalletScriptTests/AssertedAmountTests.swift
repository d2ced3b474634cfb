import Testing
import WalletCore
@testable import WalletScript

/// An assertion states figures the world adds up, which can pass the CNY 100,000,000.00 a
/// line may move: it takes amounts up to what one account holds, and says why above that.
@Suite struct AssertedAmountTests {
    static let rich = ["policy topup.max 100000000", "policy topup.total 100000000", "user alice", "verify", "card visa", "topup 100000000"]

    @Test func anAssertionStatesAChargeAboveTheInputLimit() {
        var s = session(after: Self.rich)
        #expect(output("expect charged 105000000", in: &s).isEmpty)
        #expect(output("expect charged 105,000,000.00 card:visa", in: &s).isEmpty)
        // A wrong large figure is a failed assertion, not a parse error.
        let wrong = output("expect charged 105000000.01", in: &s)
        #expect(wrong.count == 1 && !wrong[0].hasPrefix("<diagnostic>") && wrong[0].contains("CNY 105,000,000.00"), "\(wrong)")
    }

    @Test func aboveWhatAnAccountHoldsIsAParseErrorSayingWhy() {
        guard case .failure(let problem) = CommandTable.parse("expect wallet 45035996273704.97") else {
            Issue.record("parsed")
            return
        }
        // The digits echoed are masked as any long digit run is (it could be a card number).
        #expect(problem.message.hasPrefix("amount is too large: an assertion states at most CNY 45,035,996,273,704.96, the most one account can hold: "), "\(problem.message)")
        #expect(problem.column == 15)
        guard case .success(let command?) = CommandTable.parse("expect wallet 45,035,996,273,704.96"),
              let expect = command.base as? ExpectCommand, case .wallet(let money) = expect.assertion else {
            Issue.record("the largest amount did not parse")
            return
        }
        #expect(money.fen == 4_503_599_627_370_496)
        guard case .failure(let huge) = CommandTable.parse("expect balance 99999999999999999999999999") else { Issue.record("parsed"); return }
        #expect(huge.message.hasPrefix("amount is too large: an assertion states at most"))
    }

    /// Only a well-formed amount is read larger: any other problem is the usual parser's.
    @Test func malformedLargeAmountsKeepTheirOwnProblem() {
        for (line, message) in [("expect balance 0100000000000", "leading zeros"), ("expect balance 1,0000,000,000", "comma"),
                                ("expect balance 200000000.001", "more than two decimals"), ("expect balance +200000000", "plus sign"),
                                ("expect balance -200000000", "negative"), ("expect balance 200000000.", "decimal point")] {
            guard case .failure(let problem) = CommandTable.parse(line) else { Issue.record("\(line) parsed"); continue }
            #expect(problem.message.contains(message), "\(line): \(problem.message)")
        }
        // A line that moves money still stops at CNY 100,000,000.00.
        guard case .failure(let topup) = CommandTable.parse("topup 100000000.01") else { Issue.record("parsed"); return }
        #expect(topup.message == "amount is too large (at most CNY 100,000,000.00): 100000000.01")
    }
}
