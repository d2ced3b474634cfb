/// An entity's index as an id (`UserID`, `MerchantID`), so one name index serves both.
protocol IndexedID { var index: Int { get }; init(index: Int) }
extension UserID: IndexedID {}
extension MerchantID: IndexedID {}

/// Names to ids, for the lookups every command makes (`pay … to:cafe` finds its merchant on
/// every line). Names compare exactly (RULES.md): code point by code point, so the table is
/// keyed by a name's UTF-8 bytes (byte equality is code point equality). A `[String: ID]`
/// would not do: `String ==` and its hashing are canonical equivalence (`é` precomposed
/// equals `e` + U+0301, the Kelvin sign equals `K`), and it cost about 340 instructions a
/// lookup (SipHash). Here: open addressing over FNV-1a of the bytes (deterministic; nothing
/// iterates it, so its order never reaches output). Names are only added, never removed.
struct NameIndex<ID: IndexedID>: Sendable {
    // One reference, copied on write, like the dictionary it replaced: `World` keeps its
    // size (it is copied bit for bit into each rule check of a mutating call, three a
    // payment), and its layout, which other modules' incremental builds do not recompute.
    private var storage = NameTable()

    var count: Int { storage.count }

    subscript(name: String) -> ID? {
        storage.lookUp(name).map { ID(index: $0) }
    }

    /// Adds `name`, or points it at `id`.
    mutating func insert(_ name: String, _ id: ID) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.insert(name, id.index)
    }
}

/// The table behind `NameIndex`. Written only through `NameIndex.insert` once unique, so no
/// two holders ever see one change: hence `@unchecked Sendable`, and no dynamic exclusivity
/// checks on its fields (about 80 instructions a read).
final class NameTable: @unchecked Sendable {
    @exclusivity(unchecked) private var entries: [(name: String, id: Int, hash: UInt64)] = []
    /// Positions into `entries`, or -1; the count is a power of two at least twice theirs.
    @exclusivity(unchecked) private var slots: [Int] = Array(repeating: -1, count: 16)

    init() {}

    var count: Int { entries.count }

    func copy() -> NameTable {
        let copy = NameTable()
        copy.entries = entries
        copy.slots = slots
        return copy
    }

    func lookUp(_ name: String) -> Int? {
        let hash = NameTable.hash(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = slots[slot]
            if entries[entry].hash == hash && NameTable.same(entries[entry].name, name, hash: hash) { return entries[entry].id }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func insert(_ name: String, _ id: Int) {
        let hash = NameTable.hash(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = slots[slot]
            if entries[entry].hash == hash && NameTable.same(entries[entry].name, name, hash: hash) {
                entries[entry].id = id
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = entries.count
        entries.append((name, id, hash))
        if 2 * entries.count >= slots.count { grow() }
    }

    private func grow() {
        slots = Array(repeating: -1, count: 2 * slots.count)
        let mask = slots.count - 1
        for (entry, kept) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: kept.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The top bit of every hash says "not ASCII", so equal hashes mean both names are ASCII
    /// or neither is.
    static let nonASCII: UInt64 = 1 << 63

    /// Two names with equal hashes, compared byte for byte. Two ASCII strings are equal under
    /// `==` exactly when their bytes are (and `==` compares them in place, fastest); between
    /// other names `==` is canonical equivalence, so their bytes are compared.
    @inline(__always)
    static func same(_ a: String, _ b: String, hash: UInt64) -> Bool {
        hash & nonASCII == 0 ? a == b : Names.same(a, b)
    }

    /// FNV-1a, 64 bits, over the name's UTF-8 bytes, its top bit replaced by `nonASCII` when
    /// a byte is not ASCII (the slot comes from the low bits). Over the contiguous bytes (a
    /// small string's are copied to the stack): walking `utf8` one byte at a time cost about
    /// 30 instructions a byte.
    static func hash(_ name: String) -> UInt64 {
        if let hash = name.utf8.withContiguousStorageIfAvailable(hash) { return hash }
        return hash(Array(name.utf8))
    }

    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return high < 0x80 ? hash & ~nonASCII : hash | nonASCII
    }
}
