import ArgumentParser
import Foundation
import WalletScript

/// `tourpass coverage merge`: a CI matrix's shards each write `run --coverage-json`; this
/// adds them up and judges the total, as one unsharded `run --coverage` would.
struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with rule coverage files (`run --coverage-json FILE`).",
        subcommands: [Merge.self]
    )

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add up the rule coverage of several runs (a CI matrix's shards) and print it as an unsharded `run --coverage` does.",
            discussion: "Prints the rules never run, never seen failing and never seen passing, then the `rules:` line: the same bytes as `tourpass run --coverage` over all the shards' files at once. Exit 0, 1 below --min-coverage, 2 when a file cannot be read or is not a coverage file of this tourpass's rules."
        )

        @Argument(help: ArgumentHelp("The --coverage-json files of the runs, one for each shard.", valueName: "FILE"))
        var files: [String] = []

        @Option(help: ArgumentHelp("Exit 1 unless at least PERCENT of the rules were seen both failing and passing over all the files.", valueName: "PERCENT"))
        var minCoverage: String?

        @Option(help: ArgumentHelp("Write the merged coverage as JSON to this file (the same bytes as an unsharded run's --coverage-json).", valueName: "FILE"))
        var json: String?

        @Flag(help: "Let --json replace a read-only file.")
        var force = false

        @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set or TERM is dumb), always or never.")
        var color: Run.ColorChoice = .auto

        func validate() throws {
            if files.isEmpty { throw ValidationError("give the --coverage-json files to merge: tourpass coverage merge A.json B.json") }
            _ = try minimum()
        }

        func minimum() throws -> CoveragePercent? {
            guard let minCoverage else { return nil }
            guard let percent = CoveragePercent(minCoverage) else {
                throw ValidationError("--min-coverage takes a percentage from 0 to 100 (at most two decimals), such as 100 or 97.5; got \(minCoverage.prefix(40))")
            }
            return percent
        }

        func run() throws {
            // `--json a.json b.json` (the value forgotten) would replace a.json, a shard's
            // counts, with b.json's alone: refused before anything is read.
            if let json {
                try Terminal.stop(onRefusal: ReportTarget.refusal("--json", json, example: "--json coverage.json",
                                                                  inputs: Set(files.compactMap(ReportTarget.identity(of:))), kind: .coverageJSON))
            }
            let counts: RuleCoverage
            switch CoverageMerge.merge(paths: files) {
            case .success(let merged): counts = merged
            case .failure(let problem):
                Terminal.printError("error: \(problem.message)")
                throw ExitCode(2)
            }
            let style: Style
            switch color {
            case .always: style = Style(colour: true)
            case .never: style = Style(colour: false)
            case .auto: style = Terminal.style(for: STDOUT_FILENO)
            }
            for line in CoverageReport.text(counts, style: style) { print(line) }
            var status: Int32 = 0
            if let minimum = try minimum(), let shortfall = CoverageReport.shortfall(counts, minimum: minimum) {
                print(style.red(shortfall))
                status = 1
            }
            if let target = json { try Coverage.writeJSON(counts, to: target, force: force) }
            throw ExitCode(status)
        }
    }

    /// Writes the coverage JSON through the safe writer, as `run --coverage-json` and `merge
    /// --json` both do; a file that cannot be written is exit 2.
    static func writeJSON(_ counts: RuleCoverage, to target: String, force: Bool) throws {
        do {
            try SafeFile.write(CoverageReport.json(counts), to: target, force: force)
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
