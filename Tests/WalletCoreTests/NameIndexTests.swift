import Testing
@testable import WalletCore

/// The name index answers exactly as the dictionary it fronts: same names, same ids,
/// names equal under `String ==` (canonical equivalence) found either way.
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

    @Test("canonically equal names find each other, as with a dictionary of String")
    func equivalence() {
        var index = NameIndex<MerchantID>()
        let kelvin = "\u{212A}afe"
        index.insert(kelvin, MerchantID(index: 3))
        #expect(index["Kafe"] == MerchantID(index: 3), "the Kelvin sign equals K")
        index.insert("Café", MerchantID(index: 4))
        #expect(index["Cafe\u{301}"] == MerchantID(index: 4), "é precomposed equals e + combining acute")
        var ascii = NameIndex<MerchantID>()
        ascii.insert("Kafe", MerchantID(index: 5))
        #expect(ascii[kelvin] == MerchantID(index: 5))
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
