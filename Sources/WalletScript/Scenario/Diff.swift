/// A unified diff of two short line lists (recorded against actual output). Lines compare
/// byte for byte (UTF-8), never by Swift's `String ==`, which treats canonically equivalent
/// text (`é` and `e` + U+0301) as equal: RULES.md compares names code point by code point.
public enum Diff {
    /// Whether two outputs are the same bytes, line by line.
    public static func same(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
    }

    public static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    public static func unified(expected: [String], actual: [String], context: Int = 3) -> [String] {
        let ops = script(expected, actual)
        var lines = ["--- expected", "+++ actual"]
        var i = 0
        while i < ops.count {
            guard ops[i].kind != .same else { i += 1; continue }
            // One hunk: from `context` lines before this change to `context` after the last nearby change.
            let start = max(0, i - context)
            var end = i
            var j = i
            while j < ops.count {
                if ops[j].kind != .same { end = j }
                if j - end > 2 * context { break }
                j += 1
            }
            end = min(ops.count - 1, end + context)
            let slice = ops[start...end]
            let oldStart = (slice.first?.oldIndex ?? 0) + 1
            let newStart = (slice.first?.newIndex ?? 0) + 1
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            lines.append("@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@")
            lines += rendered(slice) { op in
                switch op.kind {
                case .same: return " " + op.text
                case .delete: return "-" + op.text
                case .insert: return "+" + op.text
                }
            }
            i = end + 1
        }
        return lines
    }

    struct Op {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let text: String
        let oldIndex: Int
        let newIndex: Int
    }

    /// An edit script from the longest common subsequence (outputs are short).
    static func script(_ a: [String], _ b: [String]) -> [Op] {
        let a = Array(a.prefix(2_000)), b = Array(b.prefix(2_000))
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, same(a[i], b[j]) {
                ops.append(Op(kind: .same, text: a[i], oldIndex: i, newIndex: j)); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] > lcs[i + 1][j] {
                // Strictly greater: ties go to deletion, so a changed block reads `-old` then `+new`.
                ops.append(Op(kind: .insert, text: b[j], oldIndex: i, newIndex: j)); j += 1
            } else {
                ops.append(Op(kind: .delete, text: a[i], oldIndex: i, newIndex: j)); i += 1
            }
        }
        return ops
    }

    /// The ops as lines, each run of changes followed by a `?` note for every removed line
    /// and the added line in the same place when their difference may not be visible.
    static func rendered(_ ops: ArraySlice<Op>, _ line: (Op) -> String) -> [String] {
        var lines: [String] = []
        var deleted: [Op] = [], inserted: [Op] = []
        func flushNotes() {
            for (old, new) in zip(deleted, inserted) {
                if let note = lookAlikeNote(old.text, new.text) { lines.append(note) }
            }
            deleted = []; inserted = []
        }
        for op in ops {
            switch op.kind {
            case .same: flushNotes()
            case .delete: if !inserted.isEmpty { flushNotes() }; deleted.append(op)
            case .insert: inserted.append(op)
            }
            lines.append(line(op))
        }
        flushNotes()
        return lines
    }

    /// Names the code points where two lines differ when they may look the same: they are
    /// canonically equivalent, or differ only in a few code points (at most 8 a side) among
    /// which is one that is not printable ASCII (an accent, a look-alike letter, a space).
    static func lookAlikeNote(_ old: String, _ new: String) -> String? {
        let a = Array(old.unicodeScalars), b = Array(new.unicodeScalars)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let oldPart = a[prefix..<(a.count - suffix)], newPart = b[prefix..<(b.count - suffix)]
        let visible = { (s: Unicode.Scalar) in s.value > 0x20 && s.value < 0x7F }
        let short = oldPart.count <= 8 && newPart.count <= 8 && !(oldPart + newPart).allSatisfy(visible)
        guard old == new || short else { return nil }
        return "? from code point \(prefix + 1): expected \(named(oldPart)), actual \(named(newPart))"
    }

    /// `U+0065 LATIN SMALL LETTER E, U+0301 COMBINING ACUTE ACCENT`.
    static func named(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard !scalars.isEmpty else { return "nothing" }
        return scalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return scalar.properties.name.map { code + " " + $0 } ?? code
        }.joined(separator: ", ")
    }
}
