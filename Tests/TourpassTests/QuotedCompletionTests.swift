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

    /// Names compare code point by code point: two merchants that look alike are two
    /// candidates, and a typed prefix matches by code points. (Compared as scalars: `==`
    /// on strings would call each pair equal.)
    @Test func lookAlikeNamesStayTwo() {
        let world = ["merchant Caf\u{E9}", "merchant Cafe\u{301}", "user \u{212A}", "user K"]
        func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
        guard case .list(let both) = action("pay 1 to:Caf", after: world) else { Issue.record("not listed"); return }
        #expect(both.map(scalars) == [scalars("to:Caf\u{E9}"), scalars("to:Cafe\u{301}")])
        guard case .edit(0, let decomposed) = action("pay 1 to:Cafe", after: world) else { Issue.record("no edit"); return }
        #expect(scalars(decomposed) == scalars("\u{301} "), "only the decomposed one starts with Cafe")
        // The current user is K: only the Kelvin sign is offered to `transfer … to:`.
        guard case .edit(0, let kelvin) = action("transfer 1 to:", after: world) else { Issue.record("no edit"); return }
        #expect(scalars(kelvin) == scalars("\u{212A} "))
    }

    @Test func topCompletesToTheCommand() {
        #expect(action("top", after: []) == .edit(deleting: 0, inserting: "up "))
    }

    /// Tab Tab's columns count display width: a CJK character takes two columns.
    @Test func wideNamesKeepColumnsInLine() {
        #expect(LineCompletion.layout(["李小龙", "alice"], width: 80) == "李小龙  alice\n")
        #expect(LineCompletion.layout(["alice", "李小龙", "bob"], width: 16) == "alice   李小龙\nbob\n")
        #expect(LineCompletion.layout(["e\u{301}", "ab"], width: 80) == "e\u{301}   ab\n", "a combining mark takes no column")
    }
}
