import WalletCore

/// The merchants `pay` lines named lately, so `pay 12 to:cafe` line after line finds its
/// merchant without hashing its name (the world's name index: about 130 instructions a
/// payment, docs/BENCHMARKS.md, round 9). A slot holds a merchant's id; it answers a name only
/// when that merchant's name in the world is the same String value, bit for bit (the same
/// small string, or the same storage): the same bits are the same bytes, and names compare by
/// bytes. Anything else (another name in the slot, a name over 15 bytes in a storage of its
/// own, a world without that merchant) is a miss, and the world's index answers as before.
/// Checked against the world on every hit, so no history of the session can make it wrong.
struct MerchantMemo: Sendable {
    private var slots: [MerchantID?] = Array(repeating: nil, count: MerchantMemo.slotCount)
    static let slotCount = 8

    /// The merchant `name` names in `world`, or nil when it is not known here or not at all.
    @inline(__always)
    mutating func merchant(named name: String, in world: World) -> MerchantID? {
        let key = StringBits(name)
        let slot = key.slot(of: MerchantMemo.slotCount)
        if let id = slots[slot], id.index < world.merchants.count, StringBits(world.merchants[id.index].name) == key { return id }
        guard let id = world.merchant(named: name) else { return nil }
        slots[slot] = id
        return id
    }
}

/// A String's two words as they are stored (a small string's bytes and count, or a large
/// one's count, flags and storage). Equal bits mean equal bytes; equal bytes need not mean
/// equal bits (two storages of one text), so this only ever confirms a match.
struct StringBits: Equatable {
    let low: UInt64
    let high: UInt64

    @inline(__always)
    init(_ text: String) {
        // A String is two words on every platform Swift runs this on (a test holds it).
        (low, high) = withUnsafeBytes(of: text) { ($0.load(fromByteOffset: 0, as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// One of `count` (a power of two) slots.
    func slot(of count: Int) -> Int {
        Int(truncatingIfNeeded: ((low ^ high) &* 0x9E37_79B9_7F4A_7C15) >> 58) & (count - 1)
    }
}
