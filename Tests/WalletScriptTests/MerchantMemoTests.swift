import Testing
@testable import WalletScript
import WalletCore

/// `MerchantMemo` answers a `pay` line's merchant without the world's name index: it must give
/// exactly the index's answer, for every name, in every world, whatever it was asked before.
@Suite("merchant memo")
struct MerchantMemoTests {
    /// Names that differ only where `String ==` would not see it, small and large, ASCII and not.
    static let names: [String] = [
        "cafe", "cross-qr", "domestic-qr", "noodles", "supplier", "Cafe", "cafe ", "caf", "",
        "caf\u{E9}", "cafe\u{301}", "\u{212A}iosk", "Kiosk", "Li's Noodles", "a merchant of twenty bytes",
        "a merchant of twenty bytez", "\u{4E00}\u{4E8C}\u{4E09}\u{56DB}\u{4E94}", "m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9",
    ]

    /// A world with some of `names` as merchants (a different subset for each `seed`).
    static func world(_ seed: Int) throws -> World {
        var world = World()
        for (index, name) in names.enumerated() where !name.isEmpty && (index + seed) % 3 != 0 {
            _ = try world.defineMerchant(name: name)
        }
        return world
    }

    @Test("a String is two words, and equal bits are equal bytes")
    func bits() {
        #expect(MemoryLayout<String>.size == 16)
        let texts = MerchantMemoTests.names + MerchantMemoTests.names.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        for a in texts {
            #expect(StringBits(a) == StringBits(a))
            let copy = a
            #expect(StringBits(copy) == StringBits(a))
            for b in texts where StringBits(a) == StringBits(b) { #expect(a.utf8.elementsEqual(b.utf8), "\(a) and \(b)") }
            #expect((0..<8).contains(StringBits(a).slot(of: 8)))
        }
        // The precomposed and decomposed spellings are `==` but never the same bits.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(StringBits("caf\u{E9}") != StringBits("cafe\u{301}"))
    }

    @Test("every answer is the world's own, in any order, across worlds")
    func sameAsTheIndex() throws {
        let worlds = try (0..<3).map(MerchantMemoTests.world)
        var memo = MerchantMemo()
        var random = SplitMix64(seed: 9)
        // Freshly made strings too: the same text in another storage misses, and still answers right.
        let asked = MerchantMemoTests.names + MerchantMemoTests.names.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        for _ in 0..<5_000 {
            let world = worlds[Int(random.next() % 3)]
            let name = asked[Int(random.next() % UInt64(asked.count))]
            #expect(memo.merchant(named: name, in: world) == world.merchant(named: name), "\(name)")
        }
    }

    @Test("a session pays the merchant of the exact name typed")
    func sessionPaysByExactName() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 500", "merchant caf\u{E9}"] { _ = session.run(line: line) }
        guard case .success(let paid?) = session.run(line: "pay 10 to:caf\u{E9}") else { Issue.record("pay did not run"); return }
        #expect(paid.error == nil)
        // The other spelling is another name: unknown, although the memo just saw the first.
        guard case .success(let other?) = session.run(line: "pay 10 to:cafe\u{301}") else { Issue.record("pay did not run"); return }
        #expect(other.error?.code == .merchantUnknown)
        _ = session.run(line: "merchant cafe\u{301}")
        guard case .success(let again?) = session.run(line: "pay 7 to:cafe\u{301}") else { Issue.record("pay did not run"); return }
        #expect(again.error == nil)
        guard let first = session.world.merchant(named: "caf\u{E9}"), let second = session.world.merchant(named: "cafe\u{301}") else {
            Issue.record("merchants missing"); return
        }
        #expect(first != second)
        #expect(session.world[first].balanceFen == 1_000)
        #expect(session.world[second].balanceFen == 700)
    }
}
