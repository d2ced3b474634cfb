import Testing
@testable import WalletCore

/// `nearest` stops early when a candidate cannot be close; it must choose exactly what a
/// full edit distance to every candidate would.
@Suite struct SuggestionTests {
    /// The plain version: full optimal-string-alignment distance to every candidate.
    static func reference(_ word: String, _ candidates: [String]) -> String? {
        let typed = Array(word.lowercased().unicodeScalars.prefix(64))
        guard !typed.isEmpty else { return nil }
        func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
            var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
            return d[a.count][b.count]
        }
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates {
            let d = candidate.lowercased().utf8.starts(with: word.lowercased().utf8) ? 0 : distance(typed, Array(candidate.lowercased().unicodeScalars))
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, min(3, typed.count / 3 + 1)) else { return nil }
        return best.name
    }

    @Test func examples() {
        #expect(nearest(to: "tpoup", in: ["topup", "pay", "transfer"]) == "topup")
        #expect(nearest(to: "PAY", in: ["topup", "pay"]) == "pay")
        #expect(nearest(to: "to", in: ["topup", "transfer"]) == "topup")
        #expect(nearest(to: "zzzzzz", in: ["topup", "pay"]) == nil)
        #expect(nearest(to: "", in: ["topup"]) == nil)
    }

    @Test("a prefix counts code point by code point, as names compare")
    func prefixByCodePoints() {
        #expect(nearest(to: "cafe", in: ["Cafe\u{301} Bar"]) == "Cafe\u{301} Bar", "a prefix of its code points")
        #expect(nearest(to: "caf\u{E9}", in: ["xyz", "Cafe\u{301} Bar Long"]) == nil, "not a prefix, and far")
    }

    @Test("a name that looks the same but differs in code points is named by them")
    func lookAlikeNames() {
        #expect(didYouMeanName("Caf\u{E9}", in: ["cafe", "Cafe\u{301}"])
                == "; did you mean 'Cafe\u{301}' (U+0065 U+0301 where this has U+00E9; names compare code point by code point)?")
        #expect(didYouMeanName("Kafe", in: ["\u{212A}afe"])
                == "; did you mean '\u{212A}afe' (U+212A where this has U+004B; names compare code point by code point)?")
        #expect(didYouMeanName("Cafe", in: ["cafe"]) == "; did you mean 'cafe'?", "case differs visibly")
        #expect(didYouMeanName("zzzz", in: ["cafe"]) == "")
    }

    @Test func agreesWithTheFullDistanceOnRandomWords() {
        let candidates = ErrorCode.allCases.map(\.rawValue) + ["pay", "topup", "transfer", "advance", "expect", "ÉCOLE", "王五", "a", "ab"]
        let alphabet = Array("abcdeopqrstuy._É王 ".unicodeScalars)
        var random = SplitMix64(seed: 11)
        for round in 0..<3_000 {
            var word: String
            if round % 2 == 0 {
                // A candidate with a few edits.
                var scalars = Array(random.pick(candidates).unicodeScalars)
                for _ in 0..<random.below(4) where !scalars.isEmpty {
                    let at = random.below(scalars.count)
                    switch random.below(3) {
                    case 0: scalars.remove(at: at)
                    case 1: scalars.insert(random.pick(alphabet), at: at)
                    default: scalars[at] = random.pick(alphabet)
                    }
                }
                word = String(String.UnicodeScalarView(scalars))
            } else {
                word = String(String.UnicodeScalarView((0..<random.below(12)).map { _ in random.pick(alphabet) }))
            }
            #expect(nearest(to: word, in: candidates) == Self.reference(word, candidates), "\(word.debugDescription)")
        }
    }
}
