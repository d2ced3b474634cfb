import ArgumentParser
import WalletCore

/// `tourpass rules`: every command's rules in check order, from the rule data itself.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every command's rules in check order, with their error codes and policy keys."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(help: "text or markdown.")
    var format: Format = .text

    func run() throws {
        for line in RulesListing.lines(format) { print(line) }
    }
}

enum RulesListing {
    static func lines(_ format: Rules.Format) -> [String] {
        var lines: [String] = []
        for list in RuleBook.lists {
            let title = list.command + (list.variant.isEmpty ? "" : " (\(list.variant))")
            switch format {
            case .text:
                if !lines.isEmpty { lines.append("") }
                lines.append(title + ":")
                let width = list.rules.map(\.id.count).max() ?? 0
                let codeWidth = list.rules.map(\.code.rawValue.count).max() ?? 0
                for (index, rule) in list.rules.enumerated() {
                    let keys = rule.policyKeys.isEmpty ? "" : "  [" + rule.policyKeys.joined(separator: ", ") + "]"
                    let number = "\(index + 1).", numberWidth = "\(list.rules.count).".count
                    lines.append("  " + pad(number, numberWidth) + " " + pad(rule.id, width) + "  " + pad(rule.code.rawValue, codeWidth) + "  " + rule.statement + keys)
                }
            case .markdown:
                if !lines.isEmpty { lines.append("") }
                lines += ["## \(title)", "", "| # | rule | code | policy keys | statement |", "|---|---|---|---|---|"]
                for (index, rule) in list.rules.enumerated() {
                    let keys = rule.policyKeys.map { "`\($0)`" }.joined(separator: ", ")
                    lines.append("| \(index + 1) | `\(rule.id)` | `\(rule.code.rawValue)` | \(keys) | \(rule.statement) |")
                }
            }
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
