/// A row of an examples table given as a PATH, as `--list` prints it
/// (`scenarios/authoring/topup-bounds.scn[amount=99.99]`): the file and the row's label.
/// Only a path naming no file of its own is read so.
enum RowPath {
    static func split(_ path: String) -> (file: String, row: String)? {
        guard path.hasSuffix("]"), let open = path.range(of: ".scn[", options: .backwards) else { return nil }
        let row = String(path[open.upperBound..<path.index(before: path.endIndex)])
        guard !row.isEmpty else { return nil }
        return (String(path[..<open.lowerBound]) + ".scn", row)
    }

    /// Why a row path names no test: the file has no table, or not that row.
    static func problem(_ path: String) -> String? {
        guard let (file, row) = split(path), ReportTarget.identity(of: file) != nil else { return nil }
        let shown = Printable.escaped(file)
        guard let table = Suite.header(of: file).examples else { return "\(shown) has no examples table" }
        let rows = table.rowLabels.map { "[\(Printable.escaped($0))]" }.joined(separator: ", ")
        return "\(shown) has no examples row [\(Printable.escaped(row))] (its rows: \(rows))"
    }
}
