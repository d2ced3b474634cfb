/// A unified diff of two short line lists (recorded against actual output).
public enum Diff {
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
            for op in slice {
                switch op.kind {
                case .same: lines.append(" " + op.text)
                case .delete: lines.append("-" + op.text)
                case .insert: lines.append("+" + op.text)
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
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
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
}
