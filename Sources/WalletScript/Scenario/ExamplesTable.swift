/// An `examples:` block: column names and data rows. The scenario runs once per row with
/// `<name>` replaced by the row's cell, each row its own test (`FILE[amount=99.99]`).
public struct ExamplesTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 1-based line number in the file.
        public let line: Int
        public let cells: [String]
    }

    /// Where `examples:` stands (1-based).
    public let line: Int
    public private(set) var columns: [String] = []
    public private(set) var rows: [Row] = []

    public static let keyword = "examples:"

    init(line: Int) { self.line = line }

    /// Every data row's label, first column's value, `#N` added where values repeat:
    /// `amount=100#1`, `amount=100#2`, `amount=99.99`.
    public var rowLabels: [String] {
        guard let first = columns.first else { return [] }
        var counts: [String: Int] = [:]
        for row in rows { counts[row.cells[0], default: 0] += 1 }
        return rows.enumerated().map { index, row in
            let value = row.cells[0]
            return "\(first)=\(value)" + ((counts[value] ?? 0) > 1 ? "#\(index + 1)" : "")
        }
    }

    /// The cells of a 1-based data row by column name.
    func values(ofRow number: Int) -> [String: String]? {
        guard number >= 1, number <= rows.count else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(columns, rows[number - 1].cells))
    }

    /// Adds one indented row (the first names the columns); a problem as (UTF-8 offset, message).
    mutating func add(_ text: String, line: Int) -> (offset: Int, message: String)? {
        var cells = ExamplesTable.split(text)
        // Cucumber's outer bars (`| amount | code |`) are allowed too.
        if cells.count >= 2, cells.first?.text.isEmpty == true, cells.last?.text.isEmpty == true,
           text.utf8.first(where: { $0 != 32 && $0 != 9 }) == UInt8(ascii: "|") {
            cells = Array(cells.dropFirst().dropLast())
        }
        if columns.isEmpty {
            for cell in cells {
                guard ExamplesTable.isName(cell.text) else {
                    return (cell.offset, cell.text.isEmpty
                        ? "a column name is missing"
                        : "a column name is a letter or '_', then letters, digits or '_': \(cell.text.prefix(40))")
                }
                if columns.contains(cell.text) { return (cell.offset, "column '\(cell.text)' is named twice") }
                columns.append(cell.text)
            }
            return nil
        }
        guard cells.count == columns.count else {
            let offset = cells.count > columns.count ? cells[columns.count].offset : (cells.last?.end ?? 0)
            return (offset, "this row has \(cells.count) cell\(cells.count == 1 ? "" : "s"), the table has \(columns.count) columns (\(columns.joined(separator: ", ")))")
        }
        if let empty = cells.firstIndex(where: { $0.text.isEmpty }) {
            return (cells[empty].offset, "empty cell in column '\(columns[empty])'")
        }
        rows.append(Row(line: line, cells: cells.map(\.text)))
        return nil
    }

    struct Cell {
        let text: String
        /// UTF-8 offsets of the trimmed text (its start; where the untrimmed cell ends).
        let offset: Int
        let end: Int
    }

    /// `|`-separated cells, trimmed of spaces and tabs.
    static func split(_ text: String) -> [Cell] {
        var cells: [Cell] = []
        let bytes = Array(text.utf8)
        var start = 0
        func close(_ end: Int) {
            var first = start, last = end
            while first < last, bytes[first] == 32 || bytes[first] == 9 || bytes[first] == 13 { first += 1 }
            while last > first, bytes[last - 1] == 32 || bytes[last - 1] == 9 || bytes[last - 1] == 13 { last -= 1 }
            cells.append(Cell(text: String(decoding: bytes[first..<last], as: UTF8.self), offset: first == last ? start : first, end: end))
        }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "|") {
            close(index)
            start = index + 1
        }
        close(bytes.count)
        return cells
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`
    static func isName<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }
}

/// Replaces `<name>` placeholders in a line: everywhere but a trailing comment, quotes included.
enum Placeholders {
    enum Problem: Error {
        /// A `<name>` that is no column, at a UTF-8 offset.
        case unknown(name: String, offset: Int)
    }

    /// The line with every `<column>` replaced; the line itself when it has none.
    /// A column without a value (the file is read without a row) stays as it is.
    static func substitute(_ text: String, _ values: [String: String], columns: [String]) -> Result<String, Problem> {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return .success(text) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var quoted = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: "\\"), quoted, i + 1 < bytes.count {
                out += [byte, bytes[i + 1]]
                i += 2
                continue
            }
            if byte == UInt8(ascii: "#"), !quoted {
                out += bytes[i...]
                break
            }
            if byte == UInt8(ascii: "<"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                let name = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                if ExamplesTable.isName(name) {
                    guard columns.contains(name) else { return .failure(.unknown(name: name, offset: i)) }
                    out += (values[name] ?? "<\(name)>").utf8
                    i = close + 1
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return .success(String(decoding: out, as: UTF8.self))
    }
}
