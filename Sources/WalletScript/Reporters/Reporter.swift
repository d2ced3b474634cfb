/// Renders suite results as text (with optional colour) and as JUnit XML.
public struct Style: Sendable {
    public let colour: Bool
    public init(colour: Bool) { self.colour = colour }

    public func red(_ text: String) -> String { colour ? "\u{1B}[31m" + text + "\u{1B}[0m" : text }
    public func green(_ text: String) -> String { colour ? "\u{1B}[32m" + text + "\u{1B}[0m" : text }
    public func cyan(_ text: String) -> String { colour ? "\u{1B}[36m" + text + "\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }

    public func line(_ line: OutputLine) -> String {
        switch line.kind {
        case .info: return line.text
        case .event: return cyan(line.text)
        case .error: return red(line.text)
        }
    }

    public func diffLine(_ text: String) -> String {
        if text.hasPrefix("+++") || text.hasPrefix("---") { return bold(text) }
        if text.hasPrefix("+") { return green(text) }
        if text.hasPrefix("-") { return red(text) }
        if text.hasPrefix("@@") { return cyan(text) }
        return text
    }
}

public enum Reporter {
    /// The text report: a line a file, then each failure, then `N passed, N failed`.
    public static func text(_ suite: SuiteResult, style: Style) -> [String] {
        var lines: [String] = []
        for path in suite.unreadable { lines.append(style.red("error: cannot read \(path)")) }
        for result in suite.results {
            lines.append((result.passed ? style.green("PASS") : style.red("FAIL")) + " " + result.path)
        }
        for result in suite.results where !result.passed {
            lines.append("")
            for diagnostic in result.diagnostics { lines.append(style.red(diagnostic.rendered)) }
            for failure in result.failures {
                lines.append(style.bold("\(result.path):\(failure.line): \(failure.source)"))
                lines += failure.details.map { "  " + style.diffLine($0) }
            }
        }
        for problem in suite.writeErrors { lines.append(style.red("error: " + problem)) }
        if !suite.updatedFiles.isEmpty {
            lines.append("")
            lines += suite.updatedFiles.map { "updated \($0)" }
        }
        lines.append("")
        lines.append("\(suite.passedCount) passed, \(suite.failedCount) failed")
        return lines
    }

    /// JUnit XML: one testcase a scenario file, failures with their details.
    public static func junit(_ suite: SuiteResult) -> String {
        let total = suite.results.count + suite.unreadable.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites tests=\"\(total)\" failures=\"\(suite.failedCount)\">\n"
        xml += "  <testsuite name=\"tourpass\" tests=\"\(total)\" failures=\"\(suite.failedCount)\" errors=\"0\">\n"
        for path in suite.unreadable {
            xml += "    <testcase classname=\"scenarios\" name=\"\(escape(path))\" file=\"\(escape(path))\">\n"
            xml += "      <failure message=\"cannot read\">cannot read \(escape(path))</failure>\n"
            xml += "    </testcase>\n"
        }
        for result in suite.results {
            let name = escape(result.path)
            if result.passed {
                xml += "    <testcase classname=\"scenarios\" name=\"\(name)\" file=\"\(name)\"/>\n"
                continue
            }
            var details: [String] = result.diagnostics.map(\.rendered)
            for failure in result.failures {
                details.append("\(result.path):\(failure.line): \(failure.source)")
                details += failure.details.map { "  " + $0 }
            }
            let message = result.diagnostics.isEmpty ? "\(result.failures.count) failure(s)" : "does not parse"
            xml += "    <testcase classname=\"scenarios\" name=\"\(name)\" file=\"\(name)\">\n"
            xml += "      <failure message=\"\(escape(message))\">\(escape(details.joined(separator: "\n")))</failure>\n"
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// XML-escapes text, dropping characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
