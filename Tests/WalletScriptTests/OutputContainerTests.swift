import Testing
@testable import WalletScript

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

    @Test func commandsSayOneValueWithoutAnArray() {
        var session = Session()
        guard case .success(let outcome?) = session.run(line: "user amy"), case .many = outcome.output else {
            Issue.record("a sign-up says two things"); return
        }
        guard case .success(let now?) = session.run(line: "now"), case .one = now.output else { Issue.record("now says one thing"); return }
        guard case .success(let switched?) = session.run(line: "user amy"), case .one = switched.output else { Issue.record("a switch"); return }
        #expect(session.lastActionSwitched)
        #expect(session.lastSource == "user amy")
    }

    @Test func failuresQuoteTheLineAsTyped() {
        let text = "user amy\npay 5 to:nowhere\npay 5 to:\"Café Lu\"\n"
        let (result, _) = ScenarioRunner.run(text: text, path: "t.scn")
        #expect(result.failures.map(\.source) == ["pay 5 to:nowhere", "pay 5 to:\"Café Lu\""])
        #expect(result.failures.map(\.line) == [2, 3])
    }
}
