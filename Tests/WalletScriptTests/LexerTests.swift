import Testing
import WalletScript

@Suite struct LexerTests {
    func tokens(_ line: String) -> [Token] {
        switch Lexer.tokenize(line) {
        case .success(let list): return list
        case .failure(let problem): Issue.record("unexpected diagnostic: \(problem.message)"); return []
        }
    }

    func lexProblem(_ line: String) -> Diagnostic? {
        if case .failure(let problem) = Lexer.tokenize(line) { return problem }
        return nil
    }

    @Test func wordsSplitOnSpacesTabsAndCR() {
        let list = tokens("  pay \t38.50   qr:cross\r")
        #expect(list.map(\.text) == ["pay", "38.50", "cross"])
        #expect(list.map { $0.key.map(String.init) } == [nil, nil, "qr"])
        #expect(list.map(\.offset) == [2, 7, 15])
        #expect(list[2].valueOffset == 18)
    }

    @Test func optionsAreLowerCaseKeys() {
        let list = tokens("card visa exp:12/29 topup.fee:3% Qr:cross 12:30 :x")
        #expect(list.map { $0.key.map(String.init) } == [nil, nil, "exp", "topup.fee", nil, nil, nil])
        #expect(list.map(\.text) == ["card", "visa", "12/29", "3%", "Qr:cross", "12:30", ":x"])
        #expect(tokens("pay 5 qr:")[2].text == "")
        #expect(tokens("x a:b:c")[1].text == "b:c")
    }

    @Test func quotesKeepSpaces() {
        let list = tokens("card visa name:\"ALICE SMITH\"")
        #expect(list.count == 3)
        #expect(list[2].key == "name")
        #expect(list[2].text == "ALICE SMITH")
        #expect(tokens("\"two  words\" after").map(\.text) == ["two  words", "after"])
        #expect(tokens("name:\"\"")[0].text == "")
    }

    @Test func quotesHaveNoEscapes() {
        // Settled: a quoted value runs to the next `"`; a backslash is an ordinary character.
        #expect(tokens(#"name:"a\b" next"#).map(\.text) == [#"a\b"#, "next"])
        #expect(tokens(#"name:"ends with \" after"#).map(\.text) == [#"ends with \"#, "after"])
        #expect(tokens(#"a\b"#)[0].text == #"a\b"#)
    }

    @Test func commentsOnlyOutsideQuotes() {
        #expect(tokens("# a comment").isEmpty)
        #expect(tokens("   # indented").isEmpty)
        #expect(tokens("balance # trailing \"comment").map(\.text) == ["balance"])
        #expect(tokens("card visa name:\"A # B\" # note").map(\.text) == ["card", "visa", "A # B"])
        #expect(tokens("").isEmpty)
        #expect(tokens(" \t ").isEmpty)
    }

    @Test func unbalancedQuoteNamesTheOpeningQuote() throws {
        let problem = try #require(lexProblem("card visa name:\"ALICE SMITH"))
        #expect(problem.column == 16)
        #expect(problem.message.contains("quote"))
        #expect(lexProblem("\"")?.column == 1)
        #expect(lexProblem("pay 5 \"qr:cross")?.column == 7)
    }

    @Test(arguments: [("pay 5\u{07}", 6), ("\u{0}", 1), ("bal\u{1B}[31m", 4), ("topup 1\u{7F}", 8), ("a\nb", 2)])
    func controlCharactersAreDiagnosed(_ line: String, _ column: Int) throws {
        let problem = try #require(lexProblem(line))
        #expect(problem.column == column)
        #expect(problem.message.contains("control character"))
    }

    @Test func lineLimitIs4096Bytes() {
        let exact = "#" + String(repeating: "x", count: Lexer.maxLineBytes - 1)
        #expect(exact.utf8.count == 4_096)
        #expect(tokens(exact).isEmpty)
        let over = exact + "x"
        #expect(lexProblem(over)?.message.contains("4096") == true)
        // Bytes, not characters: 2,100 two-byte characters are over the limit.
        #expect(lexProblem("# " + String(repeating: "é", count: 2_100)) != nil)
    }

    @Test func tooManyWords() {
        #expect(lexProblem(Array(repeating: "w", count: 64).joined(separator: " ")) == nil)
        #expect(lexProblem(Array(repeating: "w", count: 65).joined(separator: " "))?.column == 129)
    }

    @Test func nonASCIIWords() {
        #expect(tokens("user Zoë").map(\.text) == ["user", "Zoë"])
        #expect(tokens("user 王 name:\"王 小明\"").map(\.text) == ["user", "王", "王 小明"])
        #expect(tokens("user e\u{301}mile").map(\.text) == ["user", "e\u{301}mile"])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "user Zoë nationality:" is 21 characters but 22 bytes.
        #expect(try #require(diagnostic("user Zoë nationality:G1")).column == 22)
        #expect(try #require(lexProblem("user 😀 name:\"x")).column == 13)
        #expect(try #require(lexProblem("user Zoë \u{07}")).column == 10)
        #expect(Lexer.column(in: "ëëa", at: 4) == 3)
        #expect(Lexer.column(in: "abc", at: 0) == 1)
    }
}
