import ArgumentParser
import Foundation
import WalletScript

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenario files and folders (recursively) as golden tests.",
        discussion: "Exit 0 when all passed, 1 when some failed, 2 on bad usage or a file that does not parse."
    )

    @Argument(help: "Scenario files or folders.")
    var paths: [String]

    @Flag(help: "Rewrite the recorded output under every command.")
    var update = false

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Option(name: [.customShort("j"), .long], help: "Parallel jobs (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Run only scenarios whose path contains this text.")
    var filter: String?

    @Flag(help: "Check the ledger invariants after every step.")
    var checkInvariants = false

    @Flag(help: "Let --update and --junit replace a read-only file.")
    var force = false

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("-j takes 1 to 256 jobs") }
    }

    func run() throws {
        let options = SuiteOptions(update: update, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                   filter: filter, checkInvariants: checkInvariants, force: force)
        let suite = Suite.run(paths: paths, options: options)
        for line in Reporter.text(suite, style: Terminal.style(for: STDOUT_FILENO)) { print(line) }
        if let junit {
            do {
                try SafeFile.write(Reporter.junit(suite), to: junit, force: force)
            } catch {
                Terminal.printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        if suite.results.isEmpty && suite.unreadable.isEmpty {
            Terminal.printError("error: no scenario files found" + (filter.map { " matching \($0)" } ?? ""))
            throw ExitCode(2)
        }
        throw ExitCode(suite.exitCode)
    }
}
