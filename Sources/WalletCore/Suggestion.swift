/// Suggestions for mistyped names: commands, options, codes, policy keys.

/// The nearest of `candidates` to a mistyped `word`, if one is close enough to suggest.
public func nearest(to word: String, in candidates: [String]) -> String? {
    let typed = Array(word.lowercased().unicodeScalars.prefix(64))
    guard !typed.isEmpty else { return nil }
    var best: (name: String, distance: Int)? = nil
    for candidate in candidates {
        let target = Array(candidate.lowercased().unicodeScalars)
        let distance = candidate.lowercased().hasPrefix(word.lowercased()) ? 0 : editDistance(typed, target)
        if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(1, min(3, typed.count / 3 + 1)) else { return nil }
    return best.name
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps).
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], before[j - 2] + 1)
            }
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
}

/// `; did you mean 'x'?` for the nearest candidate (with `suffix` after it, e.g. `:` for an
/// option key), or `fallback` when nothing is close. Every "unknown …" message uses this.
public func didYouMean(_ word: String, in candidates: [String], suffix: String = "", orElse fallback: String = "") -> String {
    nearest(to: word, in: candidates).map { "; did you mean '\($0)\(suffix)'?" } ?? fallback
}
