/// A small VT100/xterm screen: enough of the control sequences libedit sends
/// (cursor moves, erase, insert/delete characters) to know what a person saw.
/// Lines that scroll off the top are kept, so `text` is the whole session.
struct TerminalScreen {
    let columns: Int
    let rows: Int
    private(set) var scrolledOff: [String] = []
    private var grid: [[Character]]
    private var row = 0
    private var column = 0
    private var pending: [Character] = []  // an unfinished escape sequence
    private var partial: [UInt8] = []  // an unfinished UTF-8 sequence

    init(columns: Int = 80, rows: Int = 24) {
        self.columns = columns
        self.rows = rows
        grid = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// Everything shown so far, a line a row, trailing blanks trimmed.
    var text: String {
        var lines = scrolledOff + grid.map { String($0).replacingTrailingBlanks() }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The cursor's row counted from the first line ever shown.
    var cursorRow: Int { scrolledOff.count + row }

    /// The lines from absolute row `start` on, trailing blanks trimmed.
    func lines(from start: Int) -> [String] {
        let all = scrolledOff + grid.map { String($0).replacingTrailingBlanks() }
        return Array(all[min(max(0, start), all.count)...])
    }

    /// The cursor's column, from 0.
    var cursorColumn: Int { column }

    /// The row the cursor is on.
    var cursorLine: String { String(grid[row]).replacingTrailingBlanks() }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        var data = partial + Array(bytes)
        partial = []
        // Keep a UTF-8 sequence cut at the end of a read for the next one.
        if let start = data.indices.last(where: { data[$0] & 0xC0 != 0x80 }), data[start] >= 0xC0 {
            let length = data[start] >= 0xF0 ? 4 : (data[start] >= 0xE0 ? 3 : 2)
            if data.count - start < length {
                partial = Array(data[start...])
                data.removeSubrange(start...)
            }
        }
        for character in String(decoding: data, as: UTF8.self) { feed(character) }
    }

    private mutating func feed(_ c: Character) {
        if !pending.isEmpty {
            pending.append(c)
            escape()
            return
        }
        switch c {
        case "\u{1B}": pending = [c]
        case "\r": column = 0
        case "\n", "\u{0B}", "\u{0C}": lineFeed()
        case "\r\n": column = 0; lineFeed()
        case "\u{08}": column = max(0, column - 1)
        case "\t": column = min(columns - 1, (column / 8 + 1) * 8)
        case "\u{07}", "\0": break
        default:
            if column >= columns { column = 0; lineFeed() }
            grid[row][column] = c
            column += 1
        }
    }

    private mutating func lineFeed() {
        if row == rows - 1 {
            scrolledOff.append(String(grid.removeFirst()).replacingTrailingBlanks())
            grid.append(Array(repeating: " ", count: columns))
        } else {
            row += 1
        }
    }

    /// Acts on `pending` once it holds a whole sequence.
    private mutating func escape() {
        guard pending.count >= 2 else { return }
        let kind = pending[1]
        if kind == "[" {
            guard let last = pending.last, pending.count > 2, last.isLetter || "@`~".contains(last) else {
                if pending.count > 64 { pending = [] }
                return
            }
            let body = String(pending[2..<(pending.count - 1)])
            pending = []
            csi(body, last)
        } else if kind == "]" {
            // OSC: up to BEL or ESC \.
            if pending.last == "\u{07}" || (pending.count > 3 && pending[pending.count - 2] == "\u{1B}" && pending.last == "\\") {
                pending = []
            }
        } else if "()*+".contains(kind) {
            if pending.count >= 3 { pending = [] }
        } else {
            pending = []  // ESC =, ESC >, ESC 7, ...
        }
    }

    private mutating func csi(_ body: String, _ final: Character) {
        let privateMode = body.hasPrefix("?")
        let numbers = body.drop(while: { $0 == "?" }).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let n = max(1, (numbers.first ?? nil) ?? 1)
        let blank: Character = " "
        if privateMode { return }
        switch final {
        case "A": row = max(0, row - n)
        case "B": row = min(rows - 1, row + n)
        case "C": column = min(columns - 1, column + n)
        case "D": column = max(0, column - n)
        case "G": column = min(columns - 1, n - 1)
        case "H", "f":
            row = min(rows - 1, max(1, (numbers.first ?? 1) ?? 1) - 1)
            column = min(columns - 1, max(1, (numbers.count > 1 ? numbers[1] : 1) ?? 1) - 1)
        case "K":
            let mode = (numbers.first ?? 0) ?? 0
            let range = mode == 0 ? min(column, columns)..<columns : (mode == 1 ? 0..<min(column + 1, columns) : 0..<columns)
            for index in range { grid[row][index] = blank }
        case "J":
            let mode = (numbers.first ?? 0) ?? 0
            if mode == 0 {
                for index in min(column, columns)..<columns { grid[row][index] = blank }
                for r in (row + 1)..<rows { grid[r] = Array(repeating: blank, count: columns) }
            } else if mode == 2 {
                grid = Array(repeating: Array(repeating: blank, count: columns), count: rows)
            }
        case "@":
            let at = min(column, columns)
            grid[row].insert(contentsOf: Array(repeating: blank, count: n), at: at)
            grid[row].removeLast(n)
        case "P":
            let at = min(column, columns - 1)
            let count = min(n, columns - at)
            grid[row].removeSubrange(at..<(at + count))
            grid[row].append(contentsOf: Array(repeating: blank, count: count))
        case "X":
            for index in column..<min(columns, column + n) { grid[row][index] = blank }
        default:
            break  // colours (m), modes, and the rest do not move text
        }
    }
}

extension String {
    fileprivate func replacingTrailingBlanks() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
