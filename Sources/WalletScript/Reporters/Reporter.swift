import Foundation

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
    /// The same bytes for any `-j`: no times here (see `timings`).
    public static func text(_ suite: SuiteResult, style: Style) -> [String] {
        var lines: [String] = []
        // Paths and recorded lines come from the file system and files: shown escaped, a
        // file name with a newline or ESC cannot forge report lines or drive the terminal.
        for path in suite.unreadable { lines.append(style.red("error: cannot read \(Printable.escaped(path)): \(ReadProblem.reason(path))")) }
        for result in suite.results {
            lines.append((result.passed ? style.green("PASS") : style.red("FAIL")) + " " + result.name.label)
        }
        for result in suite.results where !result.passed {
            lines.append("")
            lines += details(of: result, style: style)
        }
        for problem in suite.writeErrors { lines.append(style.red("error: " + problem)) }
        if !suite.updatedFiles.isEmpty {
            lines.append("")
            lines += suite.updatedFiles.map { "updated \(Printable.escaped($0))" }
        }
        if !suite.untouchedFiles.isEmpty || !suite.unparsedUntouchedFiles.isEmpty {
            lines.append("")
            lines += suite.untouchedFiles.map { "left as it is: \(Printable.escaped($0)) has an examples table (it holds assertions, not recorded output)" }
            lines += suite.unparsedUntouchedFiles.map { "left as it is: \(Printable.escaped($0)) did not parse, so no output in it was rewritten" }
        }
        lines.append("")
        if let shard = suite.shard {
            lines.append(suite.results.isEmpty && suite.unreadable.isEmpty
                ? "shard \(shard) has no scenario files (\(suite.foundCount) selected in all)"
                : "shard \(shard): \(suite.results.count + suite.notRun) of \(suite.foundCount) files")
        }
        if suite.notRun > 0 {
            lines.append("stopped after \(suite.failedCount) failed file\(suite.failedCount == 1 ? "" : "s") (--max-failures): \(suite.notRun) not run")
        }
        lines.append(summary(suite))
        return lines
    }

    /// `166 passed, 1 failed, 1 did not parse, 1 could not be read`: the last two only when
    /// there are any; `N passed, N failed` always leads, for scripts that read it.
    public static func summary(_ suite: SuiteResult) -> String {
        let unparsed = suite.unparsedCount
        let failed = suite.failedCount - unparsed - suite.unreadable.count
        return "\(suite.passedCount) passed, \(failed) failed"
            + (unparsed > 0 ? ", \(unparsed) did not parse" : "")
            + (suite.unreadable.isEmpty ? "" : ", \(suite.unreadable.count) could not be read")
    }

    /// A failed file's report: its parse problems, or each failing line with what differed.
    static func details(of result: ScenarioResult, style: Style) -> [String] {
        var lines: [String] = []
        for diagnostic in result.diagnostics {
            lines.append(style.red(diagnostic.rendered))
            if let source = diagnostic.source { lines.append(diagnostic.caret(under: Secrets.redacted(source))) }
        }
        for failure in result.failures {
            lines.append(style.bold("\(location(of: failure, in: result)): \(Printable.escaped(Secrets.redacted(failure.source)))"))
            if let row = result.name.row { lines.append("  examples row \(Printable.escaped(row))") }
            if !failure.includedFrom.isEmpty { lines.append("  included from " + Printable.escaped(failure.includedFrom.reversed().joined(separator: ", "))) }
            lines += failure.details.map { "  " + style.diffLine(Printable.escaped($0)) }
        }
        if result.omitted > 0 { lines.append("\(Printable.escaped(result.path)): \(result.omitted) more problems not shown") }
        return lines
    }

    /// `file:line:column` of a failure, the column where its command starts: its own file
    /// when it is in an included one.
    public static func location(of failure: Failure, in result: ScenarioResult) -> String {
        let column = failure.source.prefix { $0 == " " || $0 == "\t" }.count + 1
        return "\(Printable.escaped(failure.file ?? result.path)):\(failure.line):\(column)"
    }

    /// The `count` slowest files with their times, slowest first (ties by name).
    public static func timings(_ suite: SuiteResult, count: Int) -> [String] {
        let slowest = suite.results.sorted {
            $0.duration != $1.duration ? $0.duration > $1.duration : $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
        }.prefix(count)
        var lines = ["slowest \(slowest.count) of \(suite.results.count) files (total \(seconds(suite.duration)) s):"]
        for result in slowest { lines.append("  \(seconds(result.duration)) s  \(result.name.label)") }
        return lines
    }

    /// `--list`: the selected tests, one a line, as reports name them.
    public static func list(_ plan: SuitePlan) -> [String] { plan.tests.map(\.label) }

    /// JUnit XML, valid against the Jenkins JUnit schema (a copy is in Tests/): one
    /// testcase a file with its time, `classname` from its folder, a failure message naming
    /// the first failing line, the whole report in the body, parse problems as <error>.
    public static func junit(_ suite: SuiteResult, hostname: String = "localhost") -> String {
        let total = suite.results.count + suite.unreadable.count + suite.notRun
        let errors = suite.results.filter { !$0.diagnostics.isEmpty }.count + suite.unreadable.count
        let failures = suite.results.filter { $0.diagnostics.isEmpty && !$0.failures.isEmpty }.count
        let time = seconds(suite.duration)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"tourpass\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(time)\">\n"
        xml += "  <testsuite name=\"tourpass\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(suite.notRun)\" time=\"\(time)\""
        xml += " timestamp=\"\(timestamp(suite.started))\" hostname=\"\(escape(hostname))\" id=\"0\" package=\"tourpass\">\n"
        for path in suite.unreadable {
            let name = TestName(path: path)
            xml += "    <testcase classname=\"\(escape(name.className))\" name=\"\(escape(name.fileName))\" time=\"0.000\">\n"
            let shown = escape(Printable.escaped(path))
            xml += "      <error message=\"cannot read \(shown)\" type=\"unreadable\">cannot read \(shown)</error>\n"
            xml += "    </testcase>\n"
        }
        for result in suite.results {
            let open = "    <testcase classname=\"\(escape(result.name.className))\" name=\"\(escape(result.name.fileName))\" time=\"\(seconds(result.duration))\""
            if result.passed {
                xml += open + "/>\n"
                continue
            }
            let body = escape(details(of: result, style: Style(colour: false)).joined(separator: "\n"))
            xml += open + ">\n"
            if let first = result.diagnostics.first {
                xml += "      <error message=\"\(escape(attribute(first.rendered)))\" type=\"parse\">\(body)</error>\n"
            } else if let first = result.failures.first {
                let more = result.failures.count + result.omitted - 1
                let message = "\(location(of: first, in: result)): \(Printable.escaped(Secrets.redacted(first.source))): \(summary(of: first))" + (more > 0 ? " (and \(more) more)" : "")
                xml += "      <failure message=\"\(escape(attribute(message)))\" type=\"failure\">\(body)</failure>\n"
            }
            xml += "    </testcase>\n"
        }
        // Selected but never started (`--max-failures`): CI shows them as skipped, so the
        // report counts every selected test, as the text report's `N not run` does.
        let stop = suite.maxFailures.map { "not run: --max-failures \($0) reached" } ?? "not run"
        for name in suite.notRunTests {
            xml += "    <testcase classname=\"\(escape(name.className))\" name=\"\(escape(name.fileName))\" time=\"0.000\">\n"
            xml += "      <skipped message=\"\(escape(stop))\"/>\n"
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// What differed at a failing line, in one line: the first removed and added output
    /// lines of a diff, else the first detail.
    static func summary(of failure: Failure) -> String {
        let removed = failure.details.first { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        let added = failure.details.first { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        if removed != nil || added != nil {
            return "expected \(removed.map { "'\($0.dropFirst())'" } ?? "nothing"), got \(added.map { "'\($0.dropFirst())'" } ?? "nothing")"
        }
        return failure.details.first ?? "failed"
    }

    /// An attribute holds one line: newlines become spaces, long text is cut.
    static func attribute(_ text: String) -> String {
        let flat = text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : String($0) }.joined()
        return flat.count > 500 ? String(flat.prefix(500)) + "…" : flat
    }

    static func seconds(_ duration: Duration) -> String {
        let (whole, atto) = duration.components
        let millis = max(0, whole) * 1_000 + max(0, atto) / 1_000_000_000_000_000
        let fraction = String(millis % 1_000)
        return "\(millis / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// ISO 8601 in UTC without a zone suffix, as JUnit writers do: 2026-11-23T18:04:05.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
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
