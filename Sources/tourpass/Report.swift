import ArgumentParser
import Foundation
import WalletScript

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenario files and folders and write one self-contained HTML page: results, diffs, and a chart of each scenario's money.",
        discussion: "Exit 0 when all passed, 1 when some failed, 2 on bad usage, a file that does not parse, or a page that cannot be written."
    )

    @Option(help: "The HTML file to write.")
    var html: String

    @Argument(help: "Scenario files or folders.")
    var paths: [String]

    @Flag(help: "Replace the HTML file even if it is read-only.")
    var force = false

    func run() throws {
        // Before anything runs: `report --html s.scn s.scn`, or `--html` whose value was
        // forgotten (`--html a.scn b.scn`), replaced a scenario with the page.
        try Terminal.stop(onRefusal: ReportTarget.refusal("--html", html, example: "--html report.html", inputs: ReportTarget.scenarioInputs(paths), kind: .html))
        let (page, suite) = HTMLReport.run(paths: paths)
        if suite.results.isEmpty && suite.unreadable.isEmpty {
            Terminal.printError("error: no scenario files found")
            throw ExitCode(2)
        }
        do throws(SafeFile.WriteError) {
            try SafeFile.write(page, to: html, force: force)
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(2)
        }
        // The summary `run` prints: files that did not parse are not counted as failed.
        print("wrote \(html): \(Reporter.summary(suite)), \(page.utf8.count) bytes")
        throw ExitCode(suite.exitCode)
    }
}
