/// Rule coverage as `run --coverage` prints it and `--coverage-json` writes it; the same
/// bytes for any `-j`.
public enum CoverageReport {
    /// The rules never run, then those run but never seen failing, then those run but never
    /// seen passing, each with its command, then the one-line summary.
    public static func text(_ coverage: RuleCoverage, style: Style) -> [String] {
        var lines: [String] = []
        // A rule never run is in neither list below but in its own, once.
        let groups = [("never run", coverage.neverRun), ("never seen failing", coverage.neverFailingOnlyPassed),
                      ("never seen passing", coverage.neverPassingOnlyFailed)]
        let shown = groups.flatMap(\.1)
        let commandWidth = max(7, shown.map(\.command.count).max() ?? 0)
        let ruleWidth = max(4, shown.map(\.rule.id.count).max() ?? 0)
        let codeWidth = max(4, shown.map(\.rule.code.rawValue.count).max() ?? 0)
        for (title, entries) in groups where !entries.isEmpty {
            lines.append(style.red("rules \(title) (\(entries.count)):"))
            lines.append("  " + Layout.pad("command", commandWidth) + "  " + Layout.pad("rule", ruleWidth) + "  "
                         + Layout.pad("code", codeWidth) + "  passed  failed")
            for entry in entries {
                let counts = coverage.counts(of: entry.rule.id) ?? (0, 0)
                lines.append("  " + Layout.pad(entry.command, commandWidth) + "  " + Layout.pad(entry.rule.id, ruleWidth) + "  "
                             + Layout.pad(entry.rule.code.rawValue, codeWidth) + "  " + right(counts.passed, 6) + "  " + right(counts.failed, 6))
            }
            lines.append("")
        }
        lines.append(summary(coverage))
        return lines
    }

    /// `rules: 71/74 seen failing, 74/74 seen passing`
    public static func summary(_ coverage: RuleCoverage) -> String {
        "rules: \(coverage.seenFailing)/\(coverage.ruleCount) seen failing, \(coverage.seenPassing)/\(coverage.ruleCount) seen passing"
    }

    /// Why the run falls short of `--min-coverage`, naming the figures below it; nil when
    /// it does not. A rule counts as covered when seen both failing and passing.
    public static func shortfall(_ coverage: RuleCoverage, minimum: CoveragePercent) -> String? {
        let total = coverage.ruleCount
        guard !minimum.isMet(by: coverage.covered, of: total) else { return nil }
        var below: [String] = []
        if !minimum.isMet(by: coverage.seenFailing, of: total) {
            below.append("\(coverage.seenFailing)/\(total) rules seen failing (\(percent(coverage.seenFailing, total)))")
        }
        if !minimum.isMet(by: coverage.seenPassing, of: total) {
            below.append("\(coverage.seenPassing)/\(total) rules seen passing (\(percent(coverage.seenPassing, total)))")
        }
        // Each figure may reach it while the rules seen both ways do not.
        if below.isEmpty {
            below.append("\(coverage.covered)/\(total) rules seen both failing and passing (\(percent(coverage.covered, total)))")
        }
        return "rule coverage below --min-coverage \(minimum): " + below.joined(separator: "; ")
    }

    /// Rounded down to a tenth, so 99.96% never reads as 100.0%.
    static func percent(_ count: Int, _ total: Int) -> String {
        guard total > 0 else { return "100%" }
        let tenths = count * 1_000 / total
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The same as JSON for tools, keys in a fixed order: the summary, then every rule in
    /// the rule book's order with its counts.
    public static func json(_ coverage: RuleCoverage) -> String {
        var out = "{\n"
        out += "  \"rules\": \(coverage.ruleCount),\n"
        out += "  \"seen_failing\": \(coverage.seenFailing),\n"
        out += "  \"seen_passing\": \(coverage.seenPassing),\n"
        out += "  \"covered\": \(coverage.covered),\n"
        out += "  \"never_seen_failing\": [" + coverage.neverFailing.map { quoted($0.rule.id) }.joined(separator: ", ") + "],\n"
        out += "  \"never_seen_passing\": [" + coverage.neverPassing.map { quoted($0.rule.id) }.joined(separator: ", ") + "],\n"
        out += "  \"by_rule\": ["
        let rows = RuleCoverage.entries.indices.map { index in
            let entry = RuleCoverage.entries[index]
            return "\n    {\"id\": \(quoted(entry.rule.id)), \"command\": \(quoted(entry.command)), \"code\": \(quoted(entry.rule.code.rawValue)), "
                + "\"passed\": \(coverage.passed[index]), \"failed\": \(coverage.failed[index])}"
        }
        out += rows.joined(separator: ",") + (rows.isEmpty ? "" : "\n  ") + "]\n}\n"
        return out
    }

    private static func right(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
