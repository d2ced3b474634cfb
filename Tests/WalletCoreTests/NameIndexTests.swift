import Testing
@testable import WalletCore

/// The name index: names to ids, compared code point by code point (RULES.md, "Names
/// compare exactly"), never by `String ==`'s canonical equivalence.
@Suite("name index")
struct NameIndexTests {
    @Test("finds every name it was given, through growth, and nothing else")
    func growth() {
        var index = NameIndex<UserID>()
        for number in 0..<5_000 { index.insert("u\(number)", UserID(index: number)) }
        #expect(index.count == 5_000)
        #expect((0..<5_000).allSatisfy { index["u\($0)"] == UserID(index: $0) })
        #expect(index["u5000"] == nil)
        #expect(index[""] == nil)
        #expect(index["U1"] == nil, "names are compared as typed")
    }

    @Test("an existing name is pointed at the new id")
    func update() {
        var index = NameIndex<MerchantID>()
        index.insert("cafe", MerchantID(index: 1))
        index.insert("cafe", MerchantID(index: 7))
        #expect(index["cafe"] == MerchantID(index: 7))
        #expect(index.count == 1)
    }

    @Test("canonically equal names are different names: precomposed é, decomposed é, Kelvin sign, K")
    func exactness() {
        var index = NameIndex<MerchantID>()
        let kelvin = "\u{212A}afe"
        index.insert(kelvin, MerchantID(index: 3))
        #expect(index["Kafe"] == nil, "the Kelvin sign is not K")
        index.insert("Kafe", MerchantID(index: 5))
        #expect(index[kelvin] == MerchantID(index: 3) && index["Kafe"] == MerchantID(index: 5))
        index.insert("Caf\u{E9}", MerchantID(index: 4))
        #expect(index["Cafe\u{301}"] == nil, "é precomposed is not e + combining acute")
        index.insert("Cafe\u{301}", MerchantID(index: 6))
        #expect(index["Caf\u{E9}"] == MerchantID(index: 4) && index["Cafe\u{301}"] == MerchantID(index: 6))
        #expect(index["kafe"] == nil && index["caf\u{E9}"] == nil, "case-sensitive")
        #expect(index.count == 4)
    }

    @Test("non-ASCII names survive growth and find only themselves")
    func nonASCIIGrowth() {
        var index = NameIndex<UserID>()
        for number in 0..<2_000 { index.insert("\u{E9}\(number)", UserID(index: number)) }
        #expect((0..<2_000).allSatisfy { index["\u{E9}\($0)"] == UserID(index: $0) })
        #expect((0..<2_000).allSatisfy { index["e\u{301}\($0)"] == nil })
    }

    @Test("a copy keeps its own names (the world is a value: :undo keeps old copies)")
    func copies() {
        var first = NameIndex<UserID>()
        first.insert("alice", UserID(index: 0))
        var second = first
        second.insert("bob", UserID(index: 1))
        #expect(first["bob"] == nil)
        #expect(second["bob"] == UserID(index: 1) && second["alice"] == UserID(index: 0))
    }
}
