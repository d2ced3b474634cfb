import Testing
@testable import WalletScript

/// One reading of a line's first word for every reader: the console's meta-commands,
/// completion of paths and the scenario reader agree with the lexer on separators.
@Suite struct LineHeadTests {
    @Test func splitsOnSpacesTabsAndCarriageReturns() {
        let head = LineHead("  :save\t my file.scn  ")
        #expect(head.word == ":save" && head.separated && head.rest == "my file.scn  " && head.argument == "my file.scn")
        #expect(LineHead(":undo").word == ":undo" && !LineHead(":undo").separated && LineHead(":undo").argument.isEmpty)
        #expect(LineHead(":undo\r").word == ":undo" && LineHead("").word.isEmpty)
    }

    @Test func metaCommandsTakeATabLikeASpace() {
        var console = Console()
        #expect(console.handle(":help\ttopup").lines.first?.text == "usage: topup AMOUNT [card:BRAND|LAST4]")
        #expect(console.handle(":reach\tpass-expired").lines.first?.text.hasPrefix("pass-expired in") == true)
    }

    @Test func completionOfPathsAfterATab() {
        let session = Session()
        #expect(Completion.candidates(for: ":load\tscenarios/cards/", session: session) == Completion.candidates(for: ":load scenarios/cards/", session: session))
    }

    @Test func aMetaCommandInAFileIsNamedByItsFirstWord() {
        guard case .failure(let problems) = Scenario.parse(":save\tx.scn\n", path: "t.scn") else { Issue.record("parsed"); return }
        #expect(problems.list.first?.message == "meta-commands such as :save belong to the REPL, not to scenario files")
    }
}
