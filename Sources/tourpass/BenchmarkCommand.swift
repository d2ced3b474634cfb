import ArgumentParser
import Foundation
import WalletScript

/// Speed figures, printed rather than asserted: timed tests flake, figures inform.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the interpreter, the core API and the scenario runner, and print the figures."
    )

    @Option(help: "Commands in the generated workload.")
    var commands = 1_000_000

    @Option(help: "Scenario files to generate and run.")
    var files = 1_000

    @Option(name: [.customShort("j"), .long], parsing: .unconditional, help: "Parallel jobs for the files (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Runs of each measurement; the median and the best are printed.")
    var repeats = 5

    @Option(help: ArgumentHelp("Write the generated run file (d) to this path and exit.", visibility: .hidden))
    var writeRunFile: String?

    func validate() throws {
        guard (1...20_000_000).contains(commands) else { throw ValidationError("--commands takes 1 to 20000000") }
        guard (1...100_000).contains(files) else { throw ValidationError("--files takes 1 to 100000") }
        guard (1...50).contains(repeats) else { throw ValidationError("--repeats takes 1 to 50") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("-j takes 1 to 256 jobs") }
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let ops = Workload.generate(count: commands)
        let lines = ops.map(\.line)
        let runFile = Workload.scenarioText(lines)
        if let writeRunFile {
            // The one safe writer, as every file the user names: atomic, and never through a
            // read-only file, a FIFO or a device.
            do throws(SafeFile.WriteError) {
                try SafeFile.write(runFile.text, to: writeRunFile)
            } catch {
                Terminal.printError("error: \(error)")
                throw ExitCode(2)
            }
            print("wrote \(runFile.steps) commands and assertions to \(writeRunFile)")
            return
        }

        // Interleaved runs, so a noisy moment on a shared machine hits all three alike.
        var interpreted: [Duration] = [], rendered: [Duration] = [], direct: [Duration] = []
        var failures = (0, 0)
        for _ in 0..<repeats {
            let a = time { Workload.runInterpreted(lines) }
            let r = time { Workload.runInterpreted(lines, render: true) }
            let b = time { Workload.runDirect(ops) }
            interpreted.append(a.duration); rendered.append(r.duration); direct.append(b.duration)
            failures = (a.value, b.value)
        }
        let (a, r, b) = (median(interpreted), median(rendered), median(direct))
        print("machine:     \(cores) cores; one thread for (a) and (b); median (best) of \(repeats) runs")
        print("(a) interpreted: \(commands) commands in \(seconds(a)) s = \(rate(commands, a)) (\(rate(commands, best(interpreted)))) commands/s (lex, parse, run, output values; \(failures.0) failed as designed)")
        print("    and rendered: \(commands) commands in \(seconds(r)) s = \(rate(commands, r)) (\(rate(commands, best(rendered)))) commands/s (the same, every output value also turned into text)")
        print("(b) direct API:  \(commands) operations in \(seconds(b)) s = \(rate(commands, b)) (\(rate(commands, best(direct)))) operations/s (\(failures.1) failed as designed)")
        print("    ratio:        interpreted takes \(ratio(a, b))x the time of the direct API (\(ratio(r, b))x with text), from the medians")

        // (d) `tourpass run` on one big file, end to end: bytes read in chunks, lines
        // classified, steps streamed into the session, the verdict.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tourpass-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bigFile = folder.appendingPathComponent("big.scn").path
        try Data(runFile.text.utf8).write(to: URL(fileURLWithPath: bigFile))
        var fileRuns: [Duration] = []
        var verdict = "?"
        for _ in 0..<repeats {
            let run = time { ScenarioRunner.run(file: bigFile, name: TestName(path: bigFile), options: RunOptions()) }
            fileRuns.append(run.duration)
            verdict = switch run.value {
            case .success(let outcome): outcome.result.passed ? "passed" : "FAILED (\(outcome.result.failures.count) failures)"
            case .failure(let failure): "unreadable: \(failure.message)"
            }
        }
        let d = median(fileRuns)
        print("(d) run a file:  \(runFile.steps) commands and assertions (\(runFile.text.utf8.count) bytes) in \(seconds(d)) s = \(rate(runFile.steps, d)) (\(rate(runFile.steps, best(fileRuns)))) commands/s, one thread (\(verdict))")
        print("    ratio:        run takes \(ratio(d, b))x the time of the direct API for \(commands) operations")

        let filesFolder = folder.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: filesFolder, withIntermediateDirectories: true)
        for index in 0..<files {
            let text = BenchFiles.scenario(index)
            try Data(text.utf8).write(to: filesFolder.appendingPathComponent("s\(index).scn"))
        }
        let jobCount = jobs ?? cores
        var runs: [Duration] = []
        var outcome = (passed: 0, failed: 0)
        for _ in 0..<repeats {
            let suite = time { Suite.run(paths: [filesFolder.path], options: SuiteOptions(jobs: jobCount)) }
            runs.append(suite.duration)
            outcome = (suite.value.passedCount, suite.value.failedCount)
        }
        let c = median(runs)
        print("(c) files:       \(files) scenario files in \(seconds(c)) s with -j \(jobCount) = \(rate(files, c)) (\(rate(files, best(runs)))) files/s (\(outcome.passed) passed, \(outcome.failed) failed)")
    }

    private func time<T>(_ body: () -> T) -> (value: T, duration: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = body()
        return (value, clock.now - start)
    }

    private func median(_ durations: [Duration]) -> Duration { durations.sorted()[durations.count / 2] }
    private func best(_ durations: [Duration]) -> Duration { durations.min() ?? .zero }

    private func secondsValue(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func seconds(_ duration: Duration) -> String { String(format: "%.3f", secondsValue(duration)) }

    private func rate(_ count: Int, _ duration: Duration) -> String {
        String(Int((Double(count) / max(secondsValue(duration), 1e-9)).rounded()))
    }

    private func ratio(_ a: Duration, _ b: Duration) -> String {
        String(format: "%.2f", secondsValue(a) / max(secondsValue(b), 1e-9))
    }
}

/// Generated scenario files: a realistic golden test each, with recorded output.
enum BenchFiles {
    static func scenario(_ index: Int) -> String {
        let amount = 100 + index % 1_900
        return """
            # generated benchmark scenario \(index)
            user u\(index)
            verify
            card visa
            topup \(amount)
            expect balance \(amount)
            pay 10 qr:cross
            expect balance \(amount - 10)
            pay 5 qr:domestic
            expect error pay.domestic_qr
            advance 90d
            expect status expired
            expect refunded \(amount - 10)

            """
    }
}
