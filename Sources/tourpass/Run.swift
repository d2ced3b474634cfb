import ArgumentParser
import Foundation
import WalletCore
import WalletScript

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenario files and folders (recursively) as golden tests.",
        discussion: """
            Exit 0 when all passed, 1 when some failed, 2 on bad usage or a file that does not parse (2 wins over 1).
            A test is named by its path relative to the PATH argument it was found under; --filter, --exclude, \
            --list, shards and JUnit use that name (a file named directly is sharded by its file name). Shards also come from LIT_NUM_SHARDS/LIT_RUN_SHARD and from \
            Bazel's TEST_TOTAL_SHARDS/TEST_SHARD_INDEX (with TEST_SHARD_STATUS_FILE and XML_OUTPUT_FILE).
            """
    )

    @Argument(help: "Scenario files or folders.")
    var paths: [String]

    @Flag(help: "Rewrite the recorded output under every command.")
    var update = false

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    // Unconditional: `-j -1` is a bad number of jobs, not a missing value.
    @Option(name: [.customShort("j"), .long], parsing: .unconditional, help: "Parallel jobs (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Run only tests whose name matches this glob (*, ?, [...]; without them, a substring). Repeatable; any match selects.")
    var filter: [String] = []

    @Option(help: "Leave out tests whose name matches this glob or substring. Repeatable; wins over --filter.")
    var exclude: [String] = []

    @Option(help: "Run only files whose tags match this expression: and, or, not, parentheses (`policy and not slow`). A file's tags are its `# tags:` and the folders of its test name (`run scenarios --tags policy` takes scenarios/policy/).")
    var tags: String?

    @Flag(help: "Print the selected tests, one a line, and exit (2 when none is selected, as without --list); with --tags, the files it selects, by `# tags:` or folder.")
    var list = false

    // Unconditional: `--max-failures -1` is a bad number, not a missing value.
    @Option(parsing: .unconditional, help: "Stop starting files once N have failed (the report stops at the Nth failure in file order).")
    var maxFailures: Int?

    @Flag(help: "Stop each file at its first failure.")
    var failFast = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Print the N slowest files with their times to standard error (--time-tests alone: 10).", valueName: "N"))
    var timeTests: Int?

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set or TERM is dumb), always, never.")
    var color: ColorChoice = .auto

    // Unconditional: `--shard -1/4` is a bad shard, not a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("Run one shard, counted from 1: --shard 2/4.", valueName: "I/N"))
    var shard: String?

    // Strings, read as `--shard` and the variables are: the parser's integers take `+4`.
    @Option(parsing: .unconditional, help: ArgumentHelp("Shards in all (lit's spelling; with --run-shard).", valueName: "N"))
    var numShards: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The shard to run, counted from 1 (lit's spelling; with --num-shards).", valueName: "I"))
    var runShard: String?

    @Flag(help: "Check the ledger invariants after every step.")
    var checkInvariants = false

    @Flag(help: "Let --update and --junit replace a read-only file.")
    var force = false

    @Option(help: ArgumentHelp("Start every world with this policy value (what-if runs); repeatable, applied together: --policy topup.fee=3% --policy pass.days=30.", valueName: "KEY=VALUE"))
    var policy: [String] = []

    @Flag(name: [.customShort("i"), .customLong("interactive")], help: "Show each changed output block and ask: accept, skip, accept all, quit (written atomically, as --update).")
    var interactive = false

    @Flag(help: "Count how often each rule passed and failed over the whole run; after the summary, list the rules never run, never seen failing and never seen passing, and a one-line summary.")
    var coverage = false

    @Option(help: ArgumentHelp("Write the rule coverage as JSON to this file (counts every rule; implies counting).", valueName: "FILE"))
    var coverageJson: String?

    @Option(help: ArgumentHelp("Exit 1 unless at least PERCENT of the rules were seen both failing and passing (implies counting).", valueName: "PERCENT"))
    var minCoverage: String?

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("-j takes 1 to 256 jobs") }
        if let maxFailures, maxFailures < 1 { throw ValidationError("--max-failures takes 1 or more (got \(maxFailures))") }
        if let timeTests, timeTests < 1 { throw ValidationError("--time-tests takes 1 or more (got \(timeTests))") }
        if shard != nil && (numShards != nil || runShard != nil) {
            throw ValidationError("give --shard I/N or --num-shards N --run-shard I, not both")
        }
        if interactive && update { throw ValidationError("give -i or --update, not both (-i asks before each change --update would make)") }
        if !policy.isEmpty && (update || interactive) {
            throw ValidationError("--policy is a what-if run: it never rewrites recorded output (drop --update or -i)")
        }
        _ = try whatIfPolicy()
        _ = try minimumCoverage()
        // Checked here, not in run(): a ValidationError from validate() prints `tourpass run`'s
        // usage; from run() it would print the top-level one.
        _ = try ShardSpec.resolve(shard: shard, numShards: numShards, runShard: runShard, environment: ProcessInfo.processInfo.environment)
        if let tags, case .failure(let problem) = TagExpression.parse(tags) { throw ValidationError("--tags: \(problem.message)") }
        for (flag, patterns) in [("--filter", filter), ("--exclude", exclude)] {
            for pattern in patterns {
                if let problem = Selection.problem(in: pattern) { throw ValidationError("\(flag) \(Printable.escaped(String(pattern.prefix(60)))): not a valid glob: \(problem)") }
            }
        }
    }

    /// `--min-coverage`, checked: 0 to 100 with at most two decimals.
    func minimumCoverage() throws -> CoveragePercent? {
        guard let minCoverage else { return nil }
        guard let percent = CoveragePercent(minCoverage) else {
            throw ValidationError("--min-coverage takes a percentage from 0 to 100 (at most two decimals), such as 100 or 97.5; got \(minCoverage.prefix(40))")
        }
        return percent
    }

    /// The `--policy` values applied together, checked once; every problem named, one a line.
    func whatIfPolicy() throws -> Policy? {
        guard !policy.isEmpty else { return nil }
        var pairs: [(key: String, value: String)] = []
        var problems: [String] = []
        for item in policy {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                problems.append("--policy \(item.prefix(60)): expected KEY=VALUE, such as --policy topup.fee=3%")
                continue
            }
            pairs.append((String(item[..<equals]), String(item[item.index(after: equals)...])))
        }
        switch Policy.applying(pairs) {
        case .success(let value) where problems.isEmpty: return value
        case .success: break
        case .failure(let problem): problems += problem.problems.map { "--policy: " + $0 }
        }
        throw ValidationError(problems.joined(separator: "\n"))
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        try refuseReportsOntoInputs(environment)
        var selection = Selection(filters: filter, excludes: exclude)
        if let tags {
            switch TagExpression.parse(tags) {
            case .success(let expression): selection.tags = expression
            case .failure(let problem): throw ValidationError("--tags: \(problem.message)")
            }
        }
        let sharding = try ShardSpec.resolve(shard: shard, numShards: numShards, runShard: runShard, environment: environment)
        selection.shard = sharding?.shard
        // Bazel asks a test runner that shards to say so by touching this file: touched
        // whenever the run is sharded, by any spelling (flags win over Bazel's variables,
        // and Bazel still checks the file).
        if sharding != nil, let status = environment["TEST_SHARD_STATUS_FILE"], !status.isEmpty {
            guard Self.touch(status) else {
                // Bazel fails a sharded target whose runner did not touch the file: say why now.
                Terminal.printError("error: cannot create TEST_SHARD_STATUS_FILE \(Printable.escaped(status))")
                throw ExitCode(2)
            }
        }

        let plan = Suite.plan(paths: paths, selection: selection)
        // An empty selection is a mistake (a misspelt --filter), listed or run: exit 2 both
        // ways, so a CI step that lists first fails where the run would. A shard left with
        // nothing while the selection has files is no mistake.
        if plan.tests.isEmpty && plan.missing.isEmpty && !(selection.shard != nil && plan.foundCount > 0) {
            let criteria = (filter.map { "--filter \($0)" } + exclude.map { "--exclude \($0)" } + (tags.map { ["--tags \($0)"] } ?? []))
            Terminal.printError("error: no scenario files found" + (criteria.isEmpty ? "" : " matching " + criteria.joined(separator: " ")))
            throw ExitCode(2)
        }
        if list {
            for line in Reporter.list(plan) { print(line) }
            // Said as `run` says it, on standard error: standard output holds only names.
            if plan.tests.isEmpty, let shard = selection.shard {
                Terminal.printError("shard \(shard) has no scenario files (\(plan.foundCount) selected in all)")
            }
            for path in plan.missing { Terminal.printError("error: cannot read \(Printable.escaped(path)): \(ReadProblem.reason(path))") }
            // A listed file whose header does not parse would make the run exit 2: so does
            // the list, saying why (the file stays listed: it is taken, and its problem shown).
            for problem in plan.headerProblems { Terminal.printError(problem.rendered) }
            throw ExitCode(plan.missing.isEmpty && plan.headerProblems.isEmpty ? 0 : 2)
        }

        var options = SuiteOptions(update: update, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, checkInvariants: checkInvariants, force: force)
        options.selection = selection
        options.failFast = failFast
        options.maxFailures = maxFailures
        options.policy = try whatIfPolicy()
        options.interactive = interactive
        let minimum = try minimumCoverage()
        options.coverage = coverage || coverageJson != nil || minimum != nil
        var suite = Suite.run(plan, options: options)
        let style = style(environment)
        if interactive {
            let runOptions = RunOptions(checkInvariants: checkInvariants)
            suite = Accept.run(suite, options: runOptions, force: force, style: style,
                               show: { lines in for line in lines { print(line) } },
                               ask: { question in
                                   print(question, terminator: "")
                                   StandardOutput.flush()
                                   return readLine(strippingNewline: true)
                               })
            print("")
        }
        if let policy = options.policy {
            print("what-if run with " + Policy.describeChanges(from: Policy(), to: policy)
                  + ": each failure below is a recorded outcome this change alters")
            print("")
        }
        for line in Reporter.text(suite, style: style) { print(line) }
        // A file that failed may now pass only because its error was recorded: said, on
        // standard error, the exit status as it was.
        for note in suite.updateNotes { Terminal.printError(note) }
        var exitCode = suite.exitCode
        if let counts = suite.coverage {
            if coverage {
                print("")
                for line in CoverageReport.text(counts, style: style) { print(line) }
            }
            if let minimum {
                if sharding != nil {
                    // A shard sees only its files: its rule counts say nothing about the suite's.
                    print("note: --min-coverage \(minimum) is not judged on a shard (it sees only its own files); give it to an unsharded run, or merge every shard's --coverage-json with `tourpass coverage merge`")
                } else if let shortfall = CoverageReport.shortfall(counts, minimum: minimum) {
                    print(style.red(shortfall))
                    if exitCode == 0 { exitCode = 1 }
                }
            }
            if let target = coverageJson { try Coverage.writeJSON(counts, to: target, force: force) }
        }
        if let timeTests {
            for line in Reporter.timings(suite, count: timeTests) { Terminal.printError(line) }
        }
        if let target = junit ?? environment["XML_OUTPUT_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            do {
                try SafeFile.write(Reporter.junit(suite, hostname: Self.hostname), to: target, force: force)
            } catch {
                Terminal.printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        throw ExitCode(exitCode)
    }

    /// A report file is never a scenario: `--junit self.scn self.scn`, or `--junit` whose
    /// value was forgotten (`--junit a.scn b.scn` eats `a.scn`), replaced a scenario with XML.
    /// Refused before anything runs: a `.scn` name at all, or any file this run would read.
    private func refuseReportsOntoInputs(_ environment: [String: String]) throws {
        var targets: [(flag: String, path: String)] = []
        if let junit {
            targets.append(("--junit", junit))
        } else if let xml = environment["XML_OUTPUT_FILE"], !xml.isEmpty {
            targets.append(("XML_OUTPUT_FILE", xml))
        }
        if let coverageJson { targets.append(("--coverage-json", coverageJson)) }
        guard !targets.isEmpty else { return }
        let inputs = ReportTarget.scenarioInputs(paths)
        for (flag, path) in targets {
            let example = flag == "--coverage-json" ? "--coverage-json coverage.json" : "--junit report.xml"
            try Terminal.stop(onRefusal: ReportTarget.refusal(flag, path, example: example, inputs: inputs,
                                                              kind: flag == "--coverage-json" ? .coverageJSON : .junit))
        }
    }

    private func style(_ environment: [String: String]) -> Style {
        switch color {
        case .always: return Style(colour: true)
        case .never: return Style(colour: false)
        case .auto: return Terminal.style(for: STDOUT_FILENO)
        }
    }

    /// Creates the file if missing, as `touch` does: an existing file keeps its bytes
    /// (FileManager's createFile emptied it, a scenario named there too).
    static func touch(_ path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    static var hostname: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `--time-tests` may stand alone: it then means 10.
    static func normalizing(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (index, argument) in arguments.enumerated() {
            guard argument == "--time-tests" else { out.append(argument); continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : ""
            // A signed number is its value too (`-1`: then said to be no count), never an option.
            let digits = next.hasPrefix("-") ? Substring(next.dropFirst()) : Substring(next)
            out.append(!digits.isEmpty && digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? argument : "--time-tests=10")
        }
        return out
    }
}

/// Where the shard came from: flags first, then lit's variables, then Bazel's.
struct ShardSpec {
    let shard: Shard

    static func resolve(shard text: String?, numShards: String?, runShard: String?, environment: [String: String]) throws -> ShardSpec? {
        if let text {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = wholeNumber(parts[0]), let count = wholeNumber(parts[1]) else {
                throw ValidationError("--shard takes I/N, such as 2/4 (got \(text.prefix(40)))")
            }
            return try make(index: index, count: count, what: "--shard")
        }
        if numShards != nil || runShard != nil {
            guard let numShards, let runShard else { throw ValidationError("--num-shards and --run-shard go together") }
            // Digits only, as `--shard` and the variables: `+4` and `-2` are no shard numbers.
            guard let count = wholeNumber(Substring(numShards)) else { throw ValidationError("--num-shards is not a number: \(numShards.prefix(40))") }
            guard let index = wholeNumber(Substring(runShard)) else { throw ValidationError("--run-shard is not a number: \(runShard.prefix(40))") }
            return try make(index: index, count: count, what: "--run-shard/--num-shards")
        }
        func number(_ key: String) throws -> Int? {
            guard let value = environment[key], !value.isEmpty else { return nil }
            guard let number = wholeNumber(Substring(value)) else { throw ValidationError("\(key) is not a number: \(value.prefix(40))") }
            return number
        }
        // Either variable of a pair alone is a mistake, said as such, whichever it is.
        let litCount = try number("LIT_NUM_SHARDS"), litIndex = try number("LIT_RUN_SHARD")
        let bazel = try bazelShard(environment, number: number)
        if litCount != nil || litIndex != nil {
            guard let count = litCount else { throw ValidationError("LIT_RUN_SHARD is set but LIT_NUM_SHARDS is not") }
            guard let index = litIndex else { throw ValidationError("LIT_NUM_SHARDS is set but LIT_RUN_SHARD is not") }
            let lit = try make(index: index, count: count, what: "LIT_RUN_SHARD/LIT_NUM_SHARDS")
            // Both pairs naming one shard is no conflict; two different ones are, as `--shard`
            // with `--run-shard` is: neither wins silently.
            if let bazel, bazel.shard != lit.shard {
                throw ValidationError("LIT_NUM_SHARDS/LIT_RUN_SHARD (shard \(lit.shard)) and TEST_TOTAL_SHARDS/TEST_SHARD_INDEX (shard \(bazel.shard), counted from 1) are both set and disagree: unset one pair")
            }
            return lit
        }
        return bazel
    }

    /// Bazel's pair, counted from 0, or nil when neither is set.
    private static func bazelShard(_ environment: [String: String], number: (String) throws -> Int?) throws -> ShardSpec? {
        let bazelCount = try number("TEST_TOTAL_SHARDS"), bazelIndex = try number("TEST_SHARD_INDEX")
        if bazelCount != nil || bazelIndex != nil {
            guard let count = bazelCount else { throw ValidationError("TEST_SHARD_INDEX is set but TEST_TOTAL_SHARDS is not") }
            guard let index = bazelIndex else { throw ValidationError("TEST_TOTAL_SHARDS is set but TEST_SHARD_INDEX is not") }
            guard count >= 1 else { throw ValidationError("TEST_TOTAL_SHARDS is 0: it is the number of shards, 1 or more") }
            // Bazel counts from 0.
            guard let shard = Shard(index: index, count: count) else {
                throw ValidationError("TEST_SHARD_INDEX \(index) is not in 0 to \(count - 1) (Bazel counts from 0; TEST_TOTAL_SHARDS is \(count))")
            }
            return ShardSpec(shard: shard)
        }
        return nil
    }

    /// Digits only: `+4`, ` 4` and `4.0` are no shard numbers.
    private static func wholeNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    private static func make(index: Int, count: Int, what: String) throws -> ShardSpec {
        guard count >= 1, let shard = Shard(index: index - 1, count: count) else {
            throw ValidationError("\(what): the shard is counted from 1 to N, and N is at least 1 (got \(index) of \(count))")
        }
        return ShardSpec(shard: shard)
    }
}
