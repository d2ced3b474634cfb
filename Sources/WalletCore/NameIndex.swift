/// An entity's index as an id (`UserID`, `MerchantID`), so one name index serves both.
protocol IndexedID { var index: Int { get }; init(index: Int) }
extension UserID: IndexedID {}
extension MerchantID: IndexedID {}

/// Names to ids, for the lookups every command makes (`pay … to:cafe` finds its merchant on
/// every line). A `[String: ID]` alone hashed each name with SipHash: about 340 instructions
/// a lookup, a fifth of a payment's cost in the core. The dictionary stays the answer;
/// in front of it, plain ASCII names sit in an open-addressing table keyed by FNV-1a over
/// their bytes (deterministic; nothing iterates it, so its order never reaches output).
/// Only ASCII there: `String ==` is canonical equivalence (the Kelvin sign equals `K`),
/// which byte hashing cannot see, so any other name, and any miss, asks the dictionary.
/// Names are only added, never removed.
struct NameIndex<ID: IndexedID>: Sendable {
    // One reference, copied on write, like the dictionary it replaced: `World` keeps its
    // size (it is copied bit for bit into each rule check of a mutating call, three a
    // payment), and its layout, which other modules' incremental builds do not recompute.
    private var storage = NameTable()

    var count: Int { storage.byName.count }

    subscript(name: String) -> ID? {
        storage.lookUp(name).map { ID(index: $0) }
    }

    /// Adds `name`, or points it (and the names equal to it) at `id`.
    mutating func insert(_ name: String, _ id: ID) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.insert(name, id.index)
    }
}

/// The table behind `NameIndex`. Written only through `NameIndex.insert` once unique, so no
/// two holders ever see one change: hence `@unchecked Sendable`, and no dynamic exclusivity
/// checks on its fields (about 80 instructions a read).
final class NameTable: @unchecked Sendable {
    @exclusivity(unchecked) private(set) var byName: [String: Int] = [:]
    @exclusivity(unchecked) private var entries: [(name: String, id: Int, hash: UInt64)] = []
    /// Positions into `entries`, or -1; the count is a power of two at least twice theirs.
    @exclusivity(unchecked) private var slots: [Int] = Array(repeating: -1, count: 16)

    init() {}

    func copy() -> NameTable {
        let copy = NameTable()
        copy.byName = byName
        copy.entries = entries
        copy.slots = slots
        return copy
    }

    func lookUp(_ name: String) -> Int? {
        if let hash = NameTable.asciiHash(name) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 {
                let entry = slots[slot]
                if entries[entry].hash == hash && entries[entry].name == name { return entries[entry].id }
                slot = (slot + 1) & mask
            }
        }
        return byName[name]
    }

    func insert(_ name: String, _ id: Int) {
        byName[name] = id
        guard let hash = NameTable.asciiHash(name) else { return }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = slots[slot]
            if entries[entry].hash == hash && entries[entry].name == name {
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

    /// FNV-1a, 64 bits, over the name's UTF-8 bytes; nil when one is not ASCII. Over the
    /// contiguous bytes (a small string's are copied to the stack): walking `utf8` one byte
    /// at a time cost about 30 instructions a byte.
    static func asciiHash(_ name: String) -> UInt64? {
        if let hash = name.utf8.withContiguousStorageIfAvailable(asciiHash) { return hash }
        return asciiHash(Array(name.utf8))
    }

    static func asciiHash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return high < 0x80 ? hash : nil
    }
}
