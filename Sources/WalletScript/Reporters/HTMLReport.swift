import Foundation
import WalletCore

/// `tourpass report --html` and the REPL's `:report`: one self-contained HTML page (inline
/// CSS and SVG, no script, nothing fetched) with each scenario's result, its diffs, and a
/// chart of each user's money over simulated time. Nothing on the page depends on the wall
/// clock, the machine or the job count: the same run gives the same bytes.
public enum HTMLReport {
    /// One scenario (or the REPL session) on the page.
    public struct Item: Sendable {
        public let name: String
        public let passed: Bool
        /// Parse problems, rendered (`file:line:col: error: …`).
        public let problems: [String]
        /// Each failure: where (`file:line: command`) and its details (a diff, or the reason).
        public let failures: [(place: String, details: [String])]
        public let chart: String?
        /// The session's lines (REPL only), passwords hidden.
        public let transcript: [String]?

        /// PASS, FAIL, or ERROR for a file that did not parse (not run; JUnit's `<error>`).
        var badge: String { passed ? "PASS" : (problems.isEmpty ? "FAIL" : "ERROR") }
    }

    // MARK: sources

    /// Runs scenario files and folders (a test a row of an examples table, includes
    /// followed) and builds the page; the suite result gives the exit status.
    public static func run(paths: [String], options: RunOptions = RunOptions()) -> (html: String, suite: SuiteResult) {
        let plan = Suite.plan(paths: paths, selection: Selection())
        var items: [Item] = []
        var results: [ScenarioResult] = []
        for name in plan.tests {
            let result: ScenarioResult
            var chart: String? = nil
            switch RegularFile.contents(name.path) {
            case .success(let data):
                var stream = ScenarioStream(name: name, options: options)
                // From the bytes: a line that is not UTF-8 is shown with `\xFF` (`InvalidBytes`).
                data.withUnsafeBufferPointer { bytes in LineReader.forEachLine(in: bytes) { stream.feed($0) } }
                result = stream.finish()
                if result.diagnostics.isEmpty { chart = BalanceChart.svg(stream.currentSession, id: "chart-\(items.count + 1)") }
            case .failure(let failure):
                let diagnostic = Diagnostic(file: name.path, line: 1, column: 1, message: "cannot read the file: \(failure.message)")
                result = ScenarioResult(name: name, failures: [], diagnostics: [diagnostic])
            }
            results.append(result)
            items.append(Item(name: name.label, passed: result.passed, problems: result.diagnostics.map(\.rendered),
                              failures: result.failures.map { failure in
                                  let place = "\(failure.file ?? name.path):\(failure.line): \(Console.redacted(failure.source))"
                                  let chain = failure.includedFrom.isEmpty ? "" : " (included from \(failure.includedFrom.joined(separator: ", ")))"
                                  return (place + chain, failure.details)
                              },
                              chart: chart, transcript: nil))
        }
        let suite = SuiteResult(results: results, unreadable: plan.missing, updatedFiles: [])
        let title = "TourPass Lab report: " + paths.joined(separator: " ")
        return (page(title: title, items: items, unreadable: plan.missing), suite)
    }

    /// The REPL session so far, as one item.
    public static func session(_ console: Console) -> String {
        let chart = BalanceChart.svg(console.session, id: "chart-1")
        let transcript = console.savedScenario.split(separator: "\n", omittingEmptySubsequences: false).map { maskCardNumber(Console.redacted(String($0))) }
        let item = Item(name: "REPL session (\(console.session.world.now))", passed: true, problems: [], failures: [],
                        chart: chart, transcript: transcript)
        return page(title: "TourPass Lab: REPL session", items: [item], unreadable: [])
    }

    /// `card 4111 1111 1111 1111 …` as `card •••• •••• •••• 1111 …`: a page may be shared.
    static func maskCardNumber(_ line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 1, words[0] == "card" || words[0] == "link", words[1].first?.isNumber == true else { return line }
        // The number is the words after the command up to the first option.
        let numberWords = words.dropFirst().prefix { !$0.contains(":") }
        let digits = numberWords.reduce(0) { $0 + $1.filter(\.isNumber).count }
        var seen = 0
        let masked = numberWords.map { word in
            String(word.map { character -> Character in
                guard character.isNumber else { return character }
                seen += 1
                return seen > digits - 4 ? character : "•"
            })
        }
        return ([String(words[0])] + masked + words.dropFirst(1 + numberWords.count).map(String.init)).joined(separator: " ")
    }

    // MARK: the page

    static func page(title: String, items: [Item], unreadable: [String]) -> String {
        // Counted as `run`'s summary counts: a file that did not parse (or could not be
        // read) is said apart, never among the failed.
        let passed = items.filter(\.passed).count
        let unparsed = items.filter { !$0.problems.isEmpty }.count
        let failed = items.count - passed - unparsed
        let total = items.count + unreadable.count
        var counts = ["<span class=\"count pass\">\(passed) passed</span>",
                      "<span class=\"count \(failed > 0 ? "fail" : "none")\">\(failed) failed</span>"]
        if unparsed > 0 { counts.append("<span class=\"count fail\">\(unparsed) did not parse</span>") }
        if !unreadable.isEmpty { counts.append("<span class=\"count fail\">\(unreadable.count) could not be read</span>") }
        let summary = "\(passed) passed, \(failed) failed"
            + (unparsed > 0 ? ", \(unparsed) did not parse" : "")
            + (unreadable.isEmpty ? "" : ", \(unreadable.count) could not be read")
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTML.escape(title))</h1>

            """
        html += "<p class=\"summary\">\(counts.joined(separator: ", ")) <span class=\"of\">of \(total) scenario\(total == 1 ? "" : "s")</span></p>\n"
        if total > 0 {
            let share = passed * 1000 / total
            html += "<div class=\"bar\" title=\"\(summary)\"><span class=\"pass\" style=\"width:\(share / 10).\(share % 10)%\"></span></div>\n"
        }
        html += "</header>\n<main>\n"
        for path in unreadable {
            html += "<section class=\"scenario fail\"><h2><span class=\"badge fail\">ERROR</span> \(HTML.escape(path))</h2><p class=\"problem\">cannot read \(HTML.escape(path))</p></section>\n"
        }
        if items.count > 1 { html += index(items) }
        // Small runs open every scenario; large ones open the failed ones.
        let openAll = items.count <= 12
        for (number, item) in items.enumerated() {
            html += section(item, number: number + 1, open: openAll || !item.passed)
        }
        html += "</main>\n<footer>Times are simulated China Standard Time. Hover a mark for its entry. Generated by <code>tourpass report</code>; the page holds no script and loads nothing.</footer>\n</body>\n</html>\n"
        return html
    }

    static func index(_ items: [Item]) -> String {
        var html = "<nav><table class=\"index\"><thead><tr><th>result</th><th>scenario</th><th>failures</th></tr></thead><tbody>\n"
        for (number, item) in items.enumerated() {
            let count = item.problems.count + item.failures.count
            html += "<tr class=\"\(item.passed ? "pass" : "fail")\"><td><span class=\"badge \(item.passed ? "pass" : "fail")\">\(item.badge)</span></td><td><a href=\"#s\(number + 1)\">\(HTML.escape(item.name))</a></td><td>\(count == 0 ? "" : "\(count)")</td></tr>\n"
        }
        return html + "</tbody></table></nav>\n"
    }

    static func section(_ item: Item, number: Int, open: Bool) -> String {
        let status = item.passed ? "pass" : "fail"
        var html = "<section class=\"scenario \(status)\" id=\"s\(number)\">\n<details\(open ? " open" : "")>\n"
        html += "<summary><span class=\"badge \(status)\">\(item.badge)</span> <span class=\"name\">\(HTML.escape(item.name))</span></summary>\n"
        for problem in item.problems { html += "<pre class=\"problem\">\(HTML.escape(problem))</pre>\n" }
        for failure in item.failures {
            html += "<div class=\"failure\"><div class=\"where\">\(HTML.escape(failure.place))</div>\n<pre class=\"diff\">"
            html += failure.details.map(diffLine).joined(separator: "\n")
            html += "</pre></div>\n"
        }
        if let chart = item.chart {
            html += "<figure>\n\(chart)\n<figcaption>TourPass balance of each user over simulated time (wallet dashed); marks show top-ups, payments, refunds, expiry, locks, lapses and failed attempts.</figcaption></figure>\n"
        } else if item.problems.isEmpty {
            html += "<p class=\"nochart\">No user moved money here: nothing to chart.</p>\n"
        }
        if let transcript = item.transcript {
            html += "<details class=\"transcript\"><summary>session lines</summary><pre>\(HTML.escape(transcript.joined(separator: "\n")))</pre></details>\n"
        }
        return html + "</details>\n</section>\n"
    }

    static func diffLine(_ line: String) -> String {
        let text = HTML.escape(line)
        if line.hasPrefix("+++") || line.hasPrefix("---") { return "<span class=\"hd\">\(text)</span>" }
        if line.hasPrefix("+") { return "<span class=\"add\">\(text)</span>" }
        if line.hasPrefix("-") { return "<span class=\"del\">\(text)</span>" }
        if line.hasPrefix("@@") { return "<span class=\"hunk\">\(text)</span>" }
        return text
    }

    static let style = """
        :root { color-scheme: light; --pass: #1f8a4c; --fail: #c62e3a; --ink: #1d2433; --muted: #5b6472; --line: #e3e6eb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #f6f7f9; }
        header, main, footer { max-width: 900px; margin: 0 auto; padding: 0 20px; }
        header { padding-top: 22px; }
        h1 { font-size: 20px; margin: 0 0 6px; word-break: break-word; }
        .summary { margin: 0 0 8px; color: var(--muted); }
        .count { font-weight: 600; margin-right: 6px; }
        .count.pass { color: var(--pass); } .count.fail { color: var(--fail); } .count.none { color: var(--muted); }
        .bar { height: 8px; background: var(--fail); border-radius: 4px; overflow: hidden; margin-bottom: 16px; }
        .bar .pass { display: block; height: 100%; background: var(--pass); }
        nav { margin: 0 0 16px; }
        table.index { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 6px; font-size: 13px; }
        table.index th { text-align: left; color: var(--muted); font-weight: 500; padding: 6px 10px; border-bottom: 1px solid var(--line); }
        table.index td { padding: 3px 10px; border-top: 1px solid #f0f1f4; }
        table.index a { color: var(--ink); text-decoration: none; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        table.index a:hover { text-decoration: underline; }
        .badge { display: inline-block; min-width: 42px; text-align: center; font-size: 11px; font-weight: 700; letter-spacing: .04em; color: #fff; border-radius: 4px; padding: 1px 6px; }
        .badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); }
        section.scenario { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--pass); border-radius: 6px; margin: 0 0 12px; padding: 10px 14px; }
        section.scenario.fail { border-left-color: var(--fail); }
        summary { cursor: pointer; }
        summary .name { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
        .failure { margin: 10px 0; }
        .where { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; font-weight: 600; margin-bottom: 4px; }
        pre { margin: 0; padding: 8px 10px; background: #f8f9fb; border: 1px solid var(--line); border-radius: 4px; overflow-x: auto; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
        pre.problem { color: var(--fail); margin-top: 8px; }
        .diff .add { color: #136c37; background: #e6f6ec; display: inline-block; min-width: 100%; }
        .diff .del { color: #a4232d; background: #fdeaec; display: inline-block; min-width: 100%; }
        .diff .hunk { color: #2f6db5; } .diff .hd { color: var(--muted); font-weight: 600; }
        figure { margin: 12px 0 4px; }
        figcaption { color: var(--muted); font-size: 12px; margin-top: 2px; }
        .nochart { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
        .transcript { margin-top: 10px; }
        svg.chart { width: 100%; height: auto; display: block; font-family: system-ui, "DejaVu Sans", sans-serif; }
        svg .grid { stroke: #eceef2; stroke-width: 1; }
        svg .axis { stroke: #9aa1ad; stroke-width: 1; }
        svg .tick { stroke: #9aa1ad; }
        svg .minor { stroke: #b9bec7; }
        svg text { font-size: 11px; fill: #4a5260; }
        svg .xlab { text-anchor: middle; }
        svg .ylab, svg .axis-title { text-anchor: end; }
        svg .axis-title { font-weight: 600; }
        svg .line { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
        svg .line.wallet { stroke-dasharray: 6 4; }
        svg .mk { stroke-width: 1; }
        svg .mk.hollow { stroke-width: 2; }
        svg .mk.cross { stroke-width: 2.6; stroke-linecap: round; }
        svg .mk.failed { stroke-width: 1.8; stroke-linecap: round; }
        svg .mk.padlock { stroke-width: 1.6; }
        svg .lock { fill-opacity: .10; }
        svg .rule { stroke-width: 1.2; }
        svg .rule.expiry { stroke: #5b6472; stroke-dasharray: 4 3; }
        svg .rule.lapse { stroke: #e08a00; stroke-dasharray: 2 3; }
        footer { color: var(--muted); font-size: 12px; padding: 8px 20px 28px; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        """
}

enum HTML {
    /// Text as HTML: markup characters escaped, control characters shown as U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
