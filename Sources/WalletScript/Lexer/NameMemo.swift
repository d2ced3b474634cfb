/// Plain names made on recent lines, by their bytes packed (`PackedWord`): `pay 12 to:cafe`
/// names the same merchant line after line, and a name seen again is copied from here
/// instead of being checked and made into a String again (about 200 instructions a name).
/// Kept with the line's words in `TokenBuffer`, so it lives as long as the session or the
/// scenario reader. Direct-mapped: a name whose slot is taken replaces the one there.
/// Only names `ArgReader.plainName` accepted go in, and the same bytes always give the same
/// name, so a name from here is the one that would have been made.
struct NameMemo: Sendable {
    static let slots = 16
    /// Empty until the first name is kept (a one-off parse allocates nothing for it).
    private var keys: [PackedWord] = []
    private var names: [String] = []

    @inline(__always)
    private static func slot(_ key: PackedWord) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ key.high) &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }

    /// The name kept for these bytes, if any.
    @inline(__always)
    func name(_ key: PackedWord) -> String? {
        let slot = Self.slot(key)
        guard slot < keys.count, keys[slot] == key else { return nil }
        return names[slot]
    }

    mutating func keep(_ name: String, as key: PackedWord) {
        if keys.isEmpty {
            keys = Array(repeating: PackedWord(low: 0, high: 0), count: Self.slots)
            names = Array(repeating: "", count: Self.slots)
        }
        let slot = Self.slot(key)
        keys[slot] = key
        names[slot] = name
    }
}
