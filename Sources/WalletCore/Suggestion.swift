/// Suggestions for mistyped names: commands, options, codes, policy keys.

/// The nearest of `candidates` to a mistyped `word`, if one is close enough to suggest.
/// The first candidate at the smallest distance wins.
public func nearest(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    let typed = Array(lowered.unicodeScalars.prefix(64))
    guard !typed.isEmpty else { return nil }
    let limit = max(1, min(3, typed.count / 3 + 1))
    var best: (name: String, distance: Int)? = nil
    let loweredBytes = Array(lowered.utf8)
    for candidate in candidates {
        // Only a distance below the best so far and within the limit matters, so whatever
        // cannot be is skipped early (bad input is common: this runs a lot). An ASCII
        // candidate is tested in place; lower-casing it would copy it.
        let bound = min(limit, (best?.distance ?? Int.max) - 1)
        if candidate.utf8.allSatisfy({ $0 < 0x80 }) {
            let count = candidate.utf8.count
            if count >= loweredBytes.count, zip(candidate.utf8, loweredBytes).allSatisfy({ asciiLower($0) == $1 }) {
                if best?.distance != 0 { best = (candidate, 0) }
                continue
            }
            guard bound >= 0, abs(count - typed.count) <= bound else { continue }
        }
        let target = candidate.lowercased()
        // Code point by code point: `hasPrefix` is canonical equivalence.
        if target.utf8.starts(with: loweredBytes) {
            if best?.distance != 0 { best = (candidate, 0) }
            continue
        }
        guard bound >= 0, abs(target.unicodeScalars.count - typed.count) <= bound else { continue }
        if let distance = editDistance(typed, Array(target.unicodeScalars), atMost: bound) { best = (candidate, distance) }
    }
    return best?.name
}

private func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps), or nil when it is
/// more than `bound`.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
    if a.isEmpty { return b.count <= bound ? b.count : nil }
    if b.isEmpty { return a.count <= bound ? a.count : nil }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    var previousMin = 0
    for i in 1...a.count {
        current[0] = i
        var rowMin = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], before[j - 2] + 1)
            }
            rowMin = min(rowMin, current[j])
        }
        // Every later cell comes from the two rows above it at no lower cost.
        if rowMin > bound && previousMin > bound { return nil }
        previousMin = rowMin
        (before, previous, current) = (previous, current, before)
    }
    return previous[b.count] <= bound ? previous[b.count] : nil
}

/// `; did you mean 'x'?` for the nearest candidate (with `suffix` after it, e.g. `:` for an
/// option key), or `fallback` when nothing is close. Every "unknown …" message uses this.
public func didYouMean(_ word: String, in candidates: [String], suffix: String = "", orElse fallback: String = "") -> String {
    nearest(to: word, in: candidates).map { "; did you mean '\($0)\(suffix)'?" } ?? fallback
}

/// `didYouMean` for a user or merchant name. Names compare code point by code point, so the
/// nearest may look the same as what was typed (`Café` precomposed and `Cafe` + U+0301, the
/// Kelvin sign and `K`): then the code points that differ are named.
public func didYouMeanName(_ name: String, in candidates: [String]) -> String {
    // One equal under `String ==` (canonical equivalence) is surely meant; else the nearest.
    guard let near = candidates.first(where: { $0 == name }) ?? nearest(to: name, in: candidates) else { return "" }
    guard near == name else { return "; did you mean '\(near)'?" }
    var typed = Array(name.unicodeScalars)[...], found = Array(near.unicodeScalars)[...]
    while let a = typed.first, let b = found.first, a == b { typed.removeFirst(); found.removeFirst() }
    while let a = typed.last, let b = found.last, a == b { typed.removeLast(); found.removeLast() }
    func points(_ scalars: ArraySlice<Unicode.Scalar>) -> String { scalars.map { "U+" + Names.hex($0) }.joined(separator: " ") }
    return "; did you mean '\(near)' (\(points(found)) where this has \(points(typed)); names compare code point by code point)?"
}
