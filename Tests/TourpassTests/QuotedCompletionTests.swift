import LineEditor
import Testing
import WalletScript

/// Tab's edit of the line for names that need quotes and for `top` (topup and top-up).
@Suite struct QuotedCompletionTests {
    func action(_ text: String, after lines: [String]) -> LineCompletion.Action {
        var session = Session()
        for line in lines { _ = session.run(line: line) }
        return LineCompletion(textBeforeCursor: text, candidates: Completion.candidates(for: text, session: session)).action
    }

    @Test func theOpeningQuoteIsInserted() {
        let world = ["user \"Mary Ann\"", "merchant \"Li's Noodles\""]
        #expect(action("pay 10 to:L", after: world) == .edit(deleting: 4, inserting: "to:\"Li's Noodles\" "))
        #expect(action("user M", after: world) == .edit(deleting: 1, inserting: "\"Mary Ann\" "))
    }

    @Test func topCompletesToTheCommand() {
        #expect(action("top", after: []) == .edit(deleting: 0, inserting: "up "))
    }
}
