import Testing
@testable import WalletCore

@Suite struct NamesTests {
    @Test(arguments: ["alice", "Zoë", "李小龙", "a.b-c_d", String(repeating: "x", count: 32)])
    func plainNames(name: String) {
        #expect(Names.problem(name, quoted: false) == nil)
        #expect(Names.written(name) == name)
    }

    @Test(arguments: ["Li's Noodles", "Mary Ann", "café & bar", ":colon", "a  b"])
    func quotedNames(name: String) {
        #expect(Names.problem(name, quoted: true) == nil)
        #expect(Names.problem(name, quoted: false) != nil)
        #expect(Names.written(name) == "\"" + name + "\"")
    }

    @Test(arguments: ["", " lead", "trail ", String(repeating: "x", count: 33), "zero\u{200D}width", "bidi\u{202E}",
                      "private\u{E000}", "line\u{2028}sep", "para\u{2029}", "bell\u{07}", "soft\u{AD}hyphen"])
    func refusedNames(name: String) {
        #expect(Names.problem(name, quoted: true) != nil, "\(name.unicodeScalars.map(\.value))")
    }

    @Test func lengthIsInCodePoints() {
        let decomposed = String(repeating: "e\u{301}", count: 16)   // 16 characters, 32 code points
        #expect(Names.problem(decomposed, quoted: false) == nil)
        #expect(Names.problem(decomposed + "e", quoted: false) != nil)
    }

    @Test("any space separator (Zs) at either end counts as a space",
          arguments: ["\u{3000}", "\u{3000}\u{3000}", "\u{3000}lead", "trail\u{3000}", "\u{A0}nbsp", "em\u{2003}", "\u{202F}x"])
    func unicodeSpacesAtTheEnds(name: String) {
        let problem = Names.problem(name, quoted: true)
        #expect(problem?.hasPrefix("a name cannot start or end with a space (U+") == true, "\(problem ?? "accepted")")
    }

    @Test func unicodeSpacesInsideAreAllowedQuoted() {
        #expect(Names.problem("Tea\u{3000}House", quoted: true) == nil)
        #expect(Names.problem("Tea\u{3000}House", quoted: false) != nil, "unquoted, a name is letters, digits, - _ .")
        #expect(Names.problem(" x", quoted: true) == "a name cannot start or end with a space")
    }

    @Test func sameComparesCodePoints() {
        #expect(Names.same("Caf\u{E9}", "Caf\u{E9}"))
        #expect(!Names.same("Caf\u{E9}", "Cafe\u{301}") && "Caf\u{E9}" == "Cafe\u{301}", "String == is canonical equivalence")
        #expect(!Names.same("\u{212A}", "K") && "\u{212A}" == "K")
        #expect(!Names.same("alice", "Alice") && !Names.same("alice", "alice "))
        #expect(Names.same(String(repeating: "x", count: 40), String(repeating: "x", count: 40)))
        #expect(Names.starts("Cafe\u{301}", with: "Cafe") && !Names.starts("Caf\u{E9}", with: "Cafe"))
    }
}
