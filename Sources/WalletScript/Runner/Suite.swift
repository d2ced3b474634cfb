import Foundation
import WalletCore

/// Runs many scenario files, in parallel, and reports in a fixed order.
public struct SuiteOptions: Sendable {
    public var update = false
    public var jobs = 1
    public var selection = Selection()
    public var checkInvariants = false
    /// A file stops at its first failure.
    public var failFast = false
    /// Stop scheduling files after this many failed.
    public var maxFailures: Int? = nil
    /// Let `--update` replace a read-only file.
    public var force = false
    /// The policy every world starts with (`--policy`, what-if runs).
    public var policy: Policy? = nil
    /// `-i`: compute each file's changed output blocks but write nothing; the caller asks.
    public var interactive = false
    /// Count how often each rule passed and failed (`--coverage`).
    public var coverage = false

    public init(update: Bool = false, jobs: Int = 1, filter: String? = nil, checkInvariants: Bool = false, force: Bool = false) {
        self.update = update
        self.jobs = jobs
        self.selection = Selection(filters: filter.map { [$0] } ?? [])
        self.checkInvariants = checkInvariants
        self.force = force
    }
}

public struct SuiteResult: Sendable {
    public internal(set) var results: [ScenarioResult]
    /// Paths given that do not exist.
    public let unreadable: [String]
    public internal(set) var updatedFiles: [String]
    /// Files `--update` could not write, each with why: the file is left as it was.
    public var writeErrors: [String] = []
    /// Files `--update` or `-i` left as they were because they have an examples table.
    public var untouchedFiles: [String] = []
    /// Files `--update` or `-i` left as they were because they did not parse (LANGUAGE.md:
    /// `--update` "leaves such a file untouched and says so").
    public var unparsedUntouchedFiles: [String] = []
    /// `--update`: a note for each failed command that had no `expect error` and now has its
    /// error recorded under it (which excuses it), in file order: `note: x.scn:3: …`.
    public var updateNotes: [String] = []
    /// `-i`: the files whose output blocks changed, in file order, to ask about.
    public var rewrites: [(name: TestName, rewrite: Rewrite)] = []
    /// Selected tests not run because `--max-failures` was reached, in file order.
    public var notRunTests: [TestName] = []
    /// How many: `N not run`.
    public var notRun: Int { notRunTests.count }
    /// The `--max-failures` value that stopped the run, when one did.
    public var maxFailures: Int? = nil
    /// The shard run, when sharded.
    public var shard: Shard? = nil
    /// Files found before the shard was applied.
    public var foundCount = 0
    /// When the run started (JUnit's timestamp) and how long it took.
    public var started = Date(timeIntervalSince1970: 0)
    public var duration: Duration = .zero
    /// The rule counts of every file run, merged (`--coverage`), else nil.
    public var coverage: RuleCoverage? = nil

    public init(results: [ScenarioResult], unreadable: [String], updatedFiles: [String]) {
        self.results = results
        self.unreadable = unreadable
        self.updatedFiles = updatedFiles
    }

    public var passedCount: Int { results.filter(\.passed).count }
    /// A path that cannot be read counts as a failed scenario, so no report looks green.
    public var failedCount: Int { results.count - passedCount + unreadable.count }
    /// Files that did not parse: not run at all (part of `failedCount`, said apart in the summary).
    public var unparsedCount: Int { results.filter { !$0.diagnostics.isEmpty }.count }
    public var hasParseErrors: Bool {
        results.contains { !$0.diagnostics.isEmpty } || !unreadable.isEmpty || !writeErrors.isEmpty
    }

    /// 0 all passed, 1 some failed, 2 bad usage or a file that does not parse (2 wins).
    public var exitCode: Int32 { hasParseErrors ? 2 : (failedCount > 0 ? 1 : 0) }
}

/// The files a run takes, in order.
public struct SuitePlan: Sendable {
    public let tests: [TestName]
    public let missing: [String]
    /// Files found before the shard was applied (after the other selection).
    public let foundCount: Int
    /// Problems in the headers of the files taken (a bad `# tags:` line, a broken examples
    /// table, a file that cannot be read): the run reports them in full; `--list` says them.
    public var headerProblems: [Diagnostic] = []
}

public enum Suite {
    /// Every `.scn` file under the paths (folders recursively), sorted, without repeats.
    public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
        let (names, missing) = collectNames(paths)
        return (names.map(\.path), missing)
    }

    /// The same, as test names relative to the PATH argument each was found under.
    public static func collectNames(_ paths: [String]) -> (names: [TestName], missing: [String]) {
        var byPath: [[UInt8]: TestName] = [:]
        var missing: [String] = []
        // One file, one test, however it is spelt (`a.scn ./a.scn s//a.scn`, a link): the
        // first spelling met wins.
        var seenFiles: Set<[UInt64]> = []
        func isNew(_ path: [UInt8]) -> Bool {
            var info = stat()
            guard RegularFile.withCPath(path, { stat($0, &info) }) == 0 else { return true }
            return seenFiles.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted
        }
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A row as `--list` prints it: that row of the file alone.
                if let (file, row) = RowPath.split(path), ReportTarget.identity(of: file) != nil {
                    let key = Array(file.utf8)
                    if var named = byPath[key] {
                        // A file also named whole (no rows wanted) keeps all its rows.
                        if var rows = named.rowsWanted, !rows.contains(row) { rows.append(row); named.rowsWanted = rows; byPath[key] = named }
                    } else if isNew(key) {
                        var name = TestName(path: file, shardKey: TestName.fileName(of: file))
                        name.rowsWanted = [row]
                        byPath[key] = name
                    }
                    continue
                }
                missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                let key = Array(path.utf8)
                if byPath[key]?.rowsWanted != nil { byPath[key]?.rowsWanted = nil }
                if byPath[key] == nil, isNew(key) { byPath[key] = TestName(path: path, shardKey: TestName.fileName(of: path)) }
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            // The walk does not follow a symlinked folder inside; names keep the path as given.
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            for relative in FolderWalk.scenarioFiles(under: Array(resolved.utf8)) {
                let full = Array(base.utf8) + [FolderWalk.slash] + relative
                guard byPath[full] == nil, isNew(Array(resolved.utf8) + [FolderWalk.slash] + relative) else { continue }
                let shown = FolderWalk.displayName(relative)
                var name = TestName(path: base + "/" + shown, relative: shown)
                name.root = base
                if String(validating: relative, as: UTF8.self) == nil { name.rawPath = full }
                byPath[full] = name
            }
        }
        let names = byPath.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
        return (names, missing)
    }

    /// Collects and selects: a file with an examples table becomes a test a row, then
    /// names, then tags (each file's header's and its folders'), then the shard.
    public static func plan(paths: [String], selection: Selection) -> SuitePlan {
        var (files, missing) = collectNames(paths)
        var picked: [TestName] = []
        var problems: [TestName: Diagnostic] = [:]
        for file in files {
            let header = header(of: file.path, rawPath: file.rawPath)
            // A header that does not parse has no tags to judge: the file is taken whatever
            // the expression, so its problem is reported, never hidden by `--tags`.
            if header.problem == nil, let tags = selection.tags, !tags.matches(header.tags + file.folderTags) { continue }
            var tests = header.examples.map(file.rows(of:)) ?? [file]
            if let wanted = file.rowsWanted {
                // Rows named as PATHs, in the table's order; a row it lacks cannot be read.
                tests = tests.filter { test in test.row.map(wanted.contains) ?? false }
                missing += wanted.filter { row in !tests.contains { $0.row == row } }.map { file.path + "[\($0)]" }
            }
            let named = tests.filter(selection.matchesName)
            picked += named
            if let problem = header.problem, let first = named.first { problems[first] = problem }
        }
        let found = picked.count
        if let shard = selection.shard { picked = picked.filter(shard.contains) }
        let headerProblems = picked.compactMap { problems[$0] }
        return SuitePlan(tests: picked, missing: missing, foundCount: found, headerProblems: headerProblems)
    }

    /// The `# tags:` of a file, read up to its first command (unreadable: none).
    public static func headerTags(of path: String) -> [String] { header(of: path).tags }

    /// A file's tags and its examples table (nil when it has none, or a broken one: the run
    /// then reports the problem), read up to the first command; and the first problem found
    /// there (a bad tag, a broken table, a file that cannot be read), which `--list` reports.
    public static func header(of path: String, rawPath: [UInt8]? = nil) -> (tags: [String], examples: ExamplesTable?, problem: Diagnostic?) {
        let descriptor: Int32
        switch RegularFile.open(path, rawPath: rawPath) {
        case .failure(let failure):
            return ([], nil, Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file: \(failure.message)"))
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        var reader = ScenarioReader(path: path)
        reader.headerOnly = true
        var broken = false
        var problem: Diagnostic? = nil
        var stopped = false
        var count = 0
        _ = LineReader.forEachLine(descriptor: descriptor) { event in
            guard case .line(let line) = event else { broken = true; return false }
            count = line.number
            switch reader.read(line) {
            case .nothing, .output:
                stopped = reader.headerDone
                return !stopped
            case .step, .include:
                stopped = true
                return false
            case .problem(var diagnostic):
                broken = !reader.headerDone
                if diagnostic.line == line.number { InvalidBytes.show(in: &diagnostic, line: line.content) }
                if broken { problem = diagnostic }
                return false
            }
        }
        // A table ending the file: only the table's own end is checked (no rows: no table).
        let end = reader.finish(lines: count)
        if !stopped, !broken, problem == nil { problem = end }
        let table = broken ? nil : reader.examples
        return (reader.tags, table?.rows.isEmpty == false ? table : nil, problem)
    }

    public static func run(paths: [String], options: SuiteOptions) -> SuiteResult {
        run(plan(paths: paths, selection: options.selection), options: options)
    }

    public static func run(_ plan: SuitePlan, options: SuiteOptions) -> SuiteResult {
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let tests = plan.tests
        let slots = ResultSlots(count: tests.count, maxFailures: options.maxFailures)
        let jobs = max(1, min(options.jobs, 64, tests.count))
        // Files are taken in order; results land in their own slot, so the report's order is fixed.
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = slots.next() {
                slots.set(index, runFile(tests[index], options: options))
            }
        }
        var results: [ScenarioResult] = []
        var updated: [String] = []
        var writeErrors: [String] = []
        var untouched: [String] = []
        var unparsedUntouched: [String] = []
        var rewrites: [(name: TestName, rewrite: Rewrite)] = []
        var notes: [String] = []
        var notRun: [TestName] = []
        var failed = 0
        // With --max-failures the report stops at the Nth failure in file order, whichever
        // files the jobs happened to finish, so the report is the same for any -j.
        for (index, slot) in slots.values.enumerated() {
            if let limit = options.maxFailures, failed >= limit { notRun.append(tests[index]); continue }
            guard let slot else { notRun.append(tests[index]); continue }
            results.append(slot.result)
            if slot.updated { updated.append(slot.result.path) }
            notes += slot.notes
            if let problem = slot.writeError { writeErrors.append(problem) }
            if slot.untouched, untouched.last != slot.result.path { untouched.append(slot.result.path) }
            // Each row of an examples file is a test: the file is named once.
            if slot.unparsedUntouched, unparsedUntouched.last != slot.result.path { unparsedUntouched.append(slot.result.path) }
            if let rewrite = slot.rewrite { rewrites.append((slot.result.name, rewrite)) }
            if !slot.result.passed { failed += 1 }
        }
        var suite = SuiteResult(results: results, unreadable: plan.missing, updatedFiles: updated)
        suite.writeErrors = writeErrors
        suite.untouchedFiles = untouched
        suite.unparsedUntouchedFiles = unparsedUntouched
        suite.rewrites = rewrites
        suite.updateNotes = notes
        suite.notRunTests = notRun
        suite.maxFailures = options.maxFailures
        suite.shard = options.selection.shard
        suite.foundCount = plan.foundCount
        suite.started = started
        suite.duration = clock.now - start
        if options.coverage { suite.coverage = RuleCoverage.merged(results.compactMap(\.coverage)) }
        return suite
    }

    struct Slot: Sendable {
        var result: ScenarioResult
        var updated = false
        /// `--update` could not write the file: the result before the update, and why.
        var writeError: String? = nil
        /// An examples file `--update` left as it was.
        var untouched = false
        /// A file `--update` left as it was because it did not parse.
        var unparsedUntouched = false
        /// `-i`: the changed output blocks, not yet written.
        var rewrite: Rewrite? = nil
        /// `--update`: the failed commands whose error it recorded (`SuiteResult.updateNotes`).
        var notes: [String] = []
    }

    static func runFile(_ name: TestName, options: SuiteOptions) -> Slot {
        let clock = ContinuousClock()
        let start = clock.now
        var runOptions = RunOptions(checkInvariants: options.checkInvariants, failFast: options.failFast,
                                    update: options.update || options.interactive)
        runOptions.policy = options.policy
        runOptions.coverage = options.coverage
        var slot: Slot
        switch ScenarioRunner.runFile(name.path, rawPath: name.rawPath, name: name, options: runOptions) {
        case .failure(let failure):
            let diagnostic = Diagnostic(file: name.path, line: failure.line, column: 1, message: "cannot read the file: \(failure.message)")
            slot = Slot(result: ScenarioResult(name: name, failures: [], diagnostics: [diagnostic]), updated: false)
        case .success(let (result, rewrite)):
            slot = Slot(result: result, updated: false)
            slot.untouched = runOptions.update && name.exampleRow != nil && result.diagnostics.isEmpty
            slot.unparsedUntouched = runOptions.update && !result.diagnostics.isEmpty
            if let rewrite {
                if options.interactive {
                    slot.rewrite = rewrite
                } else {
                    slot = update(name, with: rewrite.applying { _ in true }, before: result, options: runOptions, force: options.force)
                    if slot.updated { slot.notes = Self.recordedErrorNotes(name, rewrite) }
                }
            }
        }
        slot.result.duration = clock.now - start
        return slot
    }

    /// `note: x.scn:3: recorded the error topup.below_minimum as expected output; check it is meant`
    static func recordedErrorNotes(_ name: TestName, _ rewrite: Rewrite) -> [String] {
        rewrite.edits.compactMap { edit in
            edit.recordedError.map { "note: \(Printable.escaped(name.path)):\(edit.line): recorded the error \($0) as expected output; check it is meant" }
        }
    }

    /// Writes the updated file, then runs it again: only assertion failures and unexcused
    /// errors remain. A file that cannot be written says why and is left as it was.
    static func update(_ name: TestName, with bytes: [UInt8], before: ScenarioResult, options: RunOptions, force: Bool) -> Slot {
        switch write(name, bytes, options: options, force: force) {
        case .success(let result): return Slot(result: result, updated: true)
        case .failure(let problem): return Slot(result: before, updated: false, writeError: problem.description)
        }
    }

    /// Writes a file with the one safe writer and runs it again (`-i` after its questions).
    public static func write(_ name: TestName, _ bytes: [UInt8], options: RunOptions, force: Bool) -> Result<ScenarioResult, SafeFile.WriteError> {
        // The writer takes a `String` path, which cannot spell this name: it would write
        // another file. Left as it was, and said.
        if name.rawPath != nil { return .failure(SafeFile.WriteError(path: name.path, reason: .system(operation: "its name is not UTF-8", code: EILSEQ))) }
        do {
            try SafeFile.write(bytes: bytes, to: name.path, force: force)
        } catch {
            return .failure(error)
        }
        var rerunOptions = options
        rerunOptions.update = false
        let text = String(decoding: bytes, as: UTF8.self)
        return .success(ScenarioRunner.run(text: text, name: name, options: rerunOptions).result)
    }

    /// `SafeFile.write`, answering only whether it worked.
    public static func writeAtomically(_ text: String, to path: String, privateFile: Bool = false) -> Bool {
        (try? SafeFile.write(text, to: path, newFileMode: privateFile ? .privateToOwner : .shared)) != nil
    }
}

/// Result slots filled from several threads, each index by exactly one job; files are
/// handed out in order, and no more once `maxFailures` files have failed.
final class ResultSlots: @unchecked Sendable {
    private var slots: [Suite.Slot?]
    private var nextIndex = 0
    private var failed = 0
    private let maxFailures: Int?
    private let lock = NSLock()

    init(count: Int, maxFailures: Int?) {
        slots = Array(repeating: nil, count: count)
        self.maxFailures = maxFailures
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if let maxFailures, failed >= maxFailures { return nil }
        guard nextIndex < slots.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func set(_ index: Int, _ slot: Suite.Slot) {
        lock.lock()
        slots[index] = slot
        if !slot.result.passed { failed += 1 }
        lock.unlock()
    }

    var values: [Suite.Slot?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
