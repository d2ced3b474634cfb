import ArgumentParser
import Foundation
import WalletScript

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the shortest way to an error code, a rule failing, an event or a state; or walk at random checking invariants.",
        discussion: """
            --reach TARGET: breadth-first search for the shortest command sequence reaching TARGET (an error \
            code such as topup.cumulative_limit, an event such as pass-expired, or a state such as \
            "status expired"), printed as a scenario that `tourpass run` passes. --all: every code and event, one \
            scenario each into --out DIR. --random: seeded random walks checking the ledger invariants and \
            replay after every step; a violation is shrunk to a minimal scenario.
            Exit 0 when reached (or no violation), 1 when not, 2 on bad usage.
            """
    )

    @Option(help: "The target: an error code, a rule id (topup.max: a command fails by it), an event (pass-expired, payments-unlocked, signup-unlocked) or a state (\"status expired\").")
    var reach: String?

    @Flag(help: "Reach every error code and event; write one scenario each into --out DIR.")
    var all = false

    @Flag(help: "Seeded random walks over the same moves, checking invariants after every step.")
    var random = false

    @Flag(help: "Benchmark: search every command's moves with two users up to --max-states; print states per second.")
    var bench = false

    @Option(help: "Start from the end of this scenario file instead of a fresh world.")
    var from: String?

    @Option(help: "Write the scenario to this file (--all, --random: a folder).")
    var out: String?

    @Option(help: "The longest sequence to look for.")
    var maxDepth = SearchLimits.defaults.maxDepth

    @Option(help: "The most distinct states to visit in one search.")
    var maxStates = SearchLimits.defaults.maxStates

    @Option(help: "Start with this policy value (KEY=VALUE; repeatable). The policy stays fixed during a search.")
    var policy: [String] = []

    @Option(help: "--random: the seed of the walks.")
    var seed: UInt64 = RandomWalks.Options().seed

    @Option(help: "--random: how many walks.")
    var walks = RandomWalks.Options().walks

    @Option(help: "--random: steps per walk.")
    var steps = RandomWalks.Options().steps

    func validate() throws {
        guard (1...10_000_000).contains(walks) else { throw ValidationError("--walks takes 1 to 10000000") }
        guard (1...100_000).contains(steps) else { throw ValidationError("--steps takes 1 to 100000") }
        let modes = [reach != nil, all, random, bench].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give one of --reach TARGET, --all, --random or --bench") }
        if all && out == nil { throw ValidationError("--all writes one scenario per target: give --out DIR") }
        guard (1...1_000).contains(maxDepth) else { throw ValidationError("--max-depth takes 1 to 1000") }
        guard (1...100_000_000).contains(maxStates) else { throw ValidationError("--max-states takes 1 to 100000000") }
    }

    func run() throws {
        try refuseOutputOntoInput()
        let start = try makeStart()
        let limits = SearchLimits(maxDepth: maxDepth, maxStates: maxStates)
        if let reach {
            throw ExitCode(try reachOne(reach, start: start, limits: limits))
        }
        if all, let out {
            throw ExitCode(reachAll(into: out, start: start, limits: limits))
        }
        if random {
            throw ExitCode(walkAtRandom(start: start))
        }
        if bench {
            // A target no move reaches, in the cone of every command: the search runs to a bound.
            var explorer = Explorer(start: start.session, limits: limits)
            let cpuBefore = clock()
            let result = explorer.search(for: [.code(.registerLimit)], cone: Cone.everything(MoveSource.all))
            let cpu = Double(clock() - cpuBefore) / Double(CLOCKS_PER_SEC)
            print(String(format: "CPU time %.2f s: %@ states/s, %@ moves/s of CPU time (the wall clock counts other processes on a shared machine)", cpu,
                         ExploreReport.grouped(Int(Double(result.states) / max(cpu, 1e-9))),
                         ExploreReport.grouped(Int(Double(result.moves) / max(cpu, 1e-9)))))
            print("searched \(ExploreReport.grouped(result.states)) distinct states (\(ExploreReport.grouped(result.moves)) moves tried) to depth \(result.depth) in "
                  + String(format: "%.2f s: %@ states/s, %@ moves/s on one core; %@", result.seconds,
                           ExploreReport.grouped(Int(Double(result.states) / max(result.seconds, 1e-9))),
                           ExploreReport.grouped(Int(Double(result.moves) / max(result.seconds, 1e-9))), result.stop.explanation))
        }
    }

    /// What `--out` writes never replaces the `--from` file (`--from s.scn --out s.scn`
    /// turned the scenario into the one found): refused before anything runs. Found
    /// scenarios are scenarios, so `.scn` is their name.
    private func refuseOutputOntoInput() throws {
        guard let out else { return }
        // The files `--from` includes are read too (a shared `_setup.scn`).
        var inputs: Set<ReportTarget.FileID> = []
        if let from, let input = ReportTarget.identity(of: from) {
            inputs.insert(input)
            ReportTarget.addIncludes(of: from, depth: 0, into: &inputs)
        }
        let written: [String]
        if reach != nil {
            written = [out]
        } else if all {
            written = (ExploreReport.allTargets.map { $0.description + ".scn" } + ["summary.txt"]).map { (out as NSString).appendingPathComponent($0) }
        } else if random {
            written = [Self.violationFile(in: out, seed: seed)]
        } else {
            written = []
        }
        for path in written {
            try Terminal.stop(onRefusal: ReportTarget.refusal("--out", path, example: "", inputs: inputs, scenarioOutput: true,
                                                              kind: all && (path as NSString).lastPathComponent == "summary.txt" ? .exploreSummary : .exploreScenario))
        }
    }

    static func violationFile(in folder: String, seed: UInt64) -> String {
        (folder as NSString).appendingPathComponent("violation-seed-\(seed).scn")
    }

    private func walkAtRandom(start: ExploreStart) -> Int32 {
        let walker = RandomWalks(start: start, options: RandomWalks.Options(seed: seed, walks: walks, steps: steps))
        let report = walker.run()
        let codes = ExploreReport.allTargets.compactMap { target -> String? in
            if case .code(let code) = target { return code.rawValue } else { return nil }
        }
        let commands = MoveSource.all.map(\.command)
        print("walks: \(ExploreReport.grouped(report.walks)), steps: \(ExploreReport.grouped(report.steps)) (seed \(seed))")
        print("rules covered: \(report.codesSeen.count) of \(codes.count) codes answered, \(report.commandsSucceeded.count) of \(commands.count) commands succeeded")
        let missing = codes.filter { code in !report.codesSeen.contains { $0.rawValue == code } }
        if !missing.isEmpty { print("codes never answered: " + missing.joined(separator: " ")) }
        guard let violation = report.violation else {
            print("no invariant broken")
            return 0
        }
        let scenario = walker.scenario(for: violation)
        print("invariant broken: \(violation.problem)")
        print("shrunk from \(violation.foundLength) to \(violation.lines.count) commands:")
        print(scenario, terminator: "")
        if let out {
            let file = Self.violationFile(in: out, seed: seed)
            guard (try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)) != nil,
                  Suite.writeAtomically(scenario, to: file) else {
                Terminal.printError("error: cannot write \(file)")
                return 2
            }
            print("wrote \(file)")
        }
        return 1
    }

    private func makeStart() throws -> ExploreStart {
        var bytes: [UInt8]? = nil
        if let from {
            guard let data = FileManager.default.contents(atPath: from) else {
                Terminal.printError("error: cannot read \(from)")
                throw ExitCode(2)
            }
            bytes = Array(data)
        }
        switch ExploreStart.make(policy: policy, from: from, bytes: bytes) {
        case .success(let start): return start
        case .failure(let problem):
            Terminal.printError("error: " + problem.message)
            throw ExitCode(2)
        }
    }

    private func reachOne(_ text: String, start: ExploreStart, limits: SearchLimits) throws -> Int32 {
        let target: ExploreTarget
        switch ExploreTarget.parse(text) {
        case .success(let parsed): target = parsed
        case .failure(let problem):
            Terminal.printError("error: " + problem.message)
            return 2
        }
        if let reason = Unreachable.reason(for: target, policy: start.session.world.policy) {
            Terminal.printError("\(target) cannot be reached: \(reason)")
            return 1
        }
        var explorer = Explorer(start: start.session, limits: limits)
        let meter = ProgressMeter()
        explorer.progress = meter.show
        let result = explorer.search(for: [target])
        meter.clear()
        guard let reach = result.reaches.first, let path = reach.path else {
            Terminal.printError("\(target) not reached: \(result.stop.explanation) (\(ExploreReport.grouped(result.states)) states, depth \(result.depth))")
            return 1
        }
        let scenario = start.scenario(reaching: target, by: path, header: ExploreReport.header(for: reach, from: from, policy: policy))
        if let out {
            guard Suite.writeAtomically(scenario, to: out) else {
                Terminal.printError("error: cannot write \(out)")
                return 2
            }
            print("wrote \(out): \(path.count) command\(path.count == 1 ? "" : "s") to \(target)")
        } else {
            print(scenario, terminator: "")
        }
        return 0
    }

    private func reachAll(into folder: String, start: ExploreStart, limits: SearchLimits) -> Int32 {
        let meter = ProgressMeter()
        let report = ExploreReport.all(start: start, limits: limits, from: from, policyFlags: policy, progress: meter.show)
        meter.clear()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            Terminal.printError("error: cannot create \(folder)")
            return 2
        }
        for (name, text) in report.files {
            guard Suite.writeAtomically(text, to: (folder as NSString).appendingPathComponent(name)) else {
                Terminal.printError("error: cannot write \(name) in \(folder)")
                return 2
            }
        }
        for line in report.table { print(line) }
        print(String(format: "searched in %.1f s: %@ states, %@ states/s", report.seconds,
                     ExploreReport.grouped(report.states), ExploreReport.grouped(report.statesPerSecond)))
        return 0
    }
}

/// One progress line on a terminal (standard error), rewritten in place; nothing otherwise.
final class ProgressMeter: @unchecked Sendable {
    private let enabled = Terminal.takesEscapes(STDERR_FILENO)
    private var shown = false

    func show(_ p: SearchProgress) {
        guard enabled else { return }
        let line = "  \(ExploreReport.grouped(p.states)) states, depth \(p.depth), \(ExploreReport.grouped(p.statesPerSecond)) states/s"
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
