import Testing
@testable import WalletScript
import WalletCore

/// A command's output is held the smallest way (no array for one value), and a scenario
/// line parsed from the file's bytes reports and explains itself as typed.
@Suite struct OutputContainerTests {
    struct Said: InfoLine { let text: String }

    @Test func heldTheSmallestWayInOrder() {
        let none = Output([])
        let one = Output([Said(text: "a")])
        let two = Output([Said(text: "a"), Said(text: "b")])
        guard case .empty = none, case .one = one, case .many = two else { Issue.record("\(none) \(one) \(two)"); return }
        #expect(none.isEmpty && none.first == nil && none.count == 0)
        #expect(one.count == 1 && two.count == 2)
        #expect(two.flatMap(\.lines).map(\.text) == ["a", "b"])
        #expect(one.values.count == 1 && Outcome(output: two).lines.map(\.text) == ["a", "b"])
    }

    /// A card label keeps the last four as bytes (no String to release with every outcome)
    /// and gives them back as typed; a longer text keeps its last four bytes.
    @Test func cardLabelsKeepTheLastFourAsBytes() {
        for (text, kept) in [("1111", "1111"), ("0005", "0005"), ("4242", "4242"), ("123", "123"), ("", ""), ("987654", "7654")] {
            let label = CardLabel(brand: .mastercard, last4: text)
            #expect(label.last4 == kept && label.description == "mastercard ••\(kept)")
        }
        #expect(CardLabel(brand: .visa, last4: "1111") == CardLabel(brand: .visa, last4: "1111"))
        #expect(CardLabel(brand: .visa, last4: "1111") != CardLabel(brand: .visa, last4: "1112"))
        var session = Session()
        for line in ["user amy", "verify", "card visa", "card 5555 5555 5555 4444"] { _ = session.run(line: line) }
        guard case .success(let status?) = session.run(line: "status") else { Issue.record("status"); return }
        #expect(status.lines.map(\.text).contains("cards: visa ••1111, mastercard ••4444"))
    }

    /// An outcome holds its error or its failed assertion as one optional, and reads as before.
    @Test func anOutcomeHoldsOneProblem() {
        let error = WalletError(.payDomesticQR, "domestic code")
        let failed = Outcome(error: error)
        #expect(failed.error == error && failed.failedAssertion == nil && !failed.isClean)
        #expect(failed.lines.map(\.text) == ["error pay.domestic_qr: domestic code"])
        let asserted = Outcome(failedAssertion: "balance is 1")
        #expect(asserted.error == nil && asserted.failedAssertion == "balance is 1" && !asserted.isClean)
        #expect(asserted.lines.map(\.text) == ["expect failed: balance is 1"])
        #expect(Outcome().isClean && Outcome().error == nil && Outcome().failedAssertion == nil && Outcome().lines.isEmpty)
        #expect(failed != asserted && failed == Outcome(error: error))
    }

    @Test func commandsSayOneValueWithoutAnArray() {
        var session = Session()
        guard case .success(let outcome?) = session.run(line: "user amy"), case .one = outcome.output, outcome.lines.count == 2 else {
            Issue.record("a sign-up says two lines in one value"); return
        }
        guard case .success(let verified?) = session.run(line: "verify"), case .one = verified.output else { Issue.record("verify"); return }
        guard case .success(let linked?) = session.run(line: "card visa"), case .one = linked.output,
              linked.lines.map(\.text) == ["linked visa ••1111 (AMY, expires 01/31)", "payment password set"] else {
            Issue.record("a card says two lines in one value"); return
        }
        guard case .success(let now?) = session.run(line: "now"), case .one = now.output else { Issue.record("now says one thing"); return }
        guard case .success(let switched?) = session.run(line: "user amy"), case .one = switched.output else { Issue.record("a switch"); return }
        #expect(session.lastActionSwitched)
        #expect(session.lastSource == "user amy")
    }

    /// `pay`, `topup` and `balance` (most lines of a long run) say a value held inline, not
    /// boxed as `any OutputValue`, and it reads as before.
    @Test func theCommonOutputsAreHeldInline() {
        var session = Session()
        for line in ["user amy", "verify", "card visa"] { _ = session.run(line: line) }
        let expected: [(String, [String])] = [
            ("topup 500", ["topped up CNY 500.00 from visa ••1111: charged CNY 525.00 (about US$75.29) including a CNY 25.00 fee",
                           "TourPass opened, valid until 2026-04-01 00:00", "TourPass balance CNY 500.00"]),
            ("pay 38.50 qr:cross", ["paid CNY 38.50 to cross-qr from TourPass; balance CNY 461.50"]),
            ("balance", ["TourPass CNY 461.50 (active until 2026-04-01 00:00)"]),
        ]
        for (line, lines) in expected {
            guard case .success(let outcome?) = session.run(line: line), case .inline = outcome.output else {
                Issue.record("\(line) is not held inline"); continue
            }
            #expect(outcome.lines.map(\.text) == lines)
            #expect(outcome.output.count == 1 && outcome.output.values.flatMap(\.lines) == outcome.lines)
            #expect(outcome.output.first?.lines == outcome.lines && Array(outcome.output).count == 1)
        }
        // A card payment (a domestic user's) says so by value too.
        for line in ["user bo version:domestic", "card unionpay"] { _ = session.run(line: line) }
        guard case .success(let card?) = session.run(line: "pay 5 qr:cross"), case .inline = card.output else {
            Issue.record("a card payment is not held inline"); return
        }
        #expect(card.lines.map(\.text) == ["paid CNY 5.00 to cross-qr from unionpay ••0004"])
    }

    @Test func failuresQuoteTheLineAsTyped() {
        let text = "user amy\npay 5 to:nowhere\npay 5 to:\"Café Lu\"\n"
        let (result, _) = ScenarioRunner.run(text: text, path: "t.scn")
        #expect(result.failures.map(\.source) == ["pay 5 to:nowhere", "pay 5 to:\"Café Lu\""])
        #expect(result.failures.map(\.line) == [2, 3])
    }
}
