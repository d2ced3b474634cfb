/// Plain names made on recent lines, by their bytes packed (`PackedWord`): `pay 12 to:cafe`
/// names the same merchant line after line, and a name seen again is copied from here
/// instead of being checked and made into a String again (about 200 instructions a name).
/// Kept with the line's words in `TokenBuffer`, so it lives as long as the session or the
/// scenario reader. Direct-mapped: a name whose slot is taken replaces the one there.
/// Only names `ArgReader.plainName` accepted go in, and the same bytes always give the same
/// name, so a name from here is the one that would have been made.
struct NameMemo: Sendable {
    static let slots = 16
    /// Empty until the first name is kept (a one-off parse allocates nothing for it). A key
    /// and its name side by side: a look-up reads one array.
    private var entries: [(key: PackedWord, name: String)] = []

    @inline(__always)
    private static func slot(_ key: PackedWord) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ key.high) &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }

    /// The name kept for these bytes, if any.
    @inline(__always)
    func name(_ key: PackedWord) -> String? {
        let slot = Self.slot(key)
        guard slot < entries.count, entries[slot].key == key else { return nil }
        return entries[slot].name
    }

    mutating func keep(_ name: String, as key: PackedWord) {
        if entries.isEmpty { entries = Array(repeating: (PackedWord(low: 0, high: 0), ""), count: Self.slots) }
        entries[Self.slot(key)] = (key, name)
    }
}
