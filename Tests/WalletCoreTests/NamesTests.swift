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
}
