import WalletCore

/// `history` as text: a header line, a column line, then one line a row: when, entry,
/// result (attempts), balances (right-aligned). The rows an attempt caused are indented
/// under it and may run under the result column, which they never use. Widths come from
/// the rows shown, so the same statement always gives the same bytes.
enum StatementText {
    static func lines(_ statement: Statement, card: CardID?, since: Instant?, world: World) -> [String] {
        var title = statement.userName
        if let card { title += ", card \(world[card].masked)" }
        if let since { title += ", since \(since)" }
        var balances: [String] = []
        if statement.showsPass { balances.append("TourPass \(Money(fen: statement.passFen))") }
        if statement.showsWallet { balances.append("wallet \(Money(fen: statement.walletFen))") }
        var lines = ["statement of \(title): " + balances.joined(separator: ", ")]
        if statement.truncated {
            lines.append("(earlier entries not kept: a statement keeps each user's latest \(CappedLog<Attempt>.keep) attempts and events)")
        }
        let groups = statement.narrowed(card: card, since: since)
        guard !groups.isEmpty else {
            lines.append(statement.groups.isEmpty ? "no entries yet" : "no entries match")
            return lines
        }
        struct Cells { var when = "", entry = "", result = "", pass = "", wallet = ""; var isHead = true }
        var rows: [Cells] = []
        for group in groups {
            for (index, row) in ([group.head] + group.effects).enumerated() {
                rows.append(Cells(when: index == 0 ? "\(row.at)" : "", entry: (index == 0 ? "" : "  ") + row.text,
                                  result: row.result ?? "",
                                  pass: row.passFen.map { "\(Money(fen: $0))" } ?? "",
                                  wallet: row.walletFen.map { "\(Money(fen: $0))" } ?? "", isHead: index == 0))
            }
        }
        let hasResults = rows.contains { !$0.result.isEmpty }
        let header = Cells(when: "when", entry: "entry", result: hasResults ? "result" : " ",
                           pass: statement.showsPass ? "TourPass" : "", wallet: statement.showsWallet ? "wallet" : "")
        let all = [header] + rows
        let whenWidth = all.map { Layout.width($0.when) }.max() ?? 0
        let entryWidth = all.filter { $0.isHead && !$0.result.isEmpty }.map { Layout.width($0.entry) }.max() ?? 0
        let resultWidth = all.map { Layout.width($0.result) }.max() ?? 0
        let leftWidth = max(hasResults ? entryWidth + 2 + resultWidth : entryWidth, all.map { Layout.width($0.entry) }.max() ?? 0)
        let passWidth = all.map { Layout.width($0.pass) }.max() ?? 0
        let walletWidth = all.map { Layout.width($0.wallet) }.max() ?? 0
        func line(_ cells: Cells) -> String {
            var left = cells.entry
            if cells.isHead && hasResults && !cells.result.isEmpty { left = Layout.pad(left, entryWidth) + "  " + cells.result }
            var text = Layout.pad(cells.when, whenWidth) + "  " + Layout.pad(left, leftWidth)
            // Balances align right, like a bank statement.
            if statement.showsPass { text += "  " + padLeft(cells.pass, passWidth) }
            if statement.showsWallet { text += "  " + padLeft(cells.wallet, walletWidth) }
            while text.last == " " { text.removeLast() }
            return text
        }
        return lines + all.map(line)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        let used = Layout.width(text)
        return used >= width ? text : String(repeating: " ", count: width - used) + text
    }
}
