import Foundation

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

    public init(update: Bool = false, jobs: Int = 1, filter: String? = nil, checkInvariants: Bool = false, force: Bool = false) {
        self.update = update
        self.jobs = jobs
        self.selection = Selection(filters: filter.map { [$0] } ?? [])
        self.checkInvariants = checkInvariants
        self.force = force
    }
}

public struct SuiteResult: Sendable {
    public let results: [ScenarioResult]
    /// Paths given that do not exist.
    public let unreadable: [String]
    public let updatedFiles: [String]
    /// Files `--update` could not write, each with why: the file is left as it was.
    public var writeErrors: [String] = []
    /// Selected files not run because `--max-failures` was reached.
    public var notRun = 0
    /// The shard run, when sharded.
    public var shard: Shard? = nil
    /// Files found before the shard was applied.
    public var foundCount = 0
    /// When the run started (JUnit's timestamp) and how long it took.
    public var started = Date(timeIntervalSince1970: 0)
    public var duration: Duration = .zero

    public init(results: [ScenarioResult], unreadable: [String], updatedFiles: [String]) {
        self.results = results
        self.unreadable = unreadable
        self.updatedFiles = updatedFiles
    }

    public var passedCount: Int { results.filter(\.passed).count }
    /// A path that cannot be read counts as a failed scenario, so no report looks green.
    public var failedCount: Int { results.count - passedCount + unreadable.count }
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
}

public enum Suite {
    /// Every `.scn` file under the paths (folders recursively), sorted, without repeats.
    public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
        let (names, missing) = collectNames(paths)
        return (names.map(\.path), missing)
    }

    /// The same, as test names relative to the PATH argument each was found under.
    public static func collectNames(_ paths: [String]) -> (names: [TestName], missing: [String]) {
        var byPath: [String: TestName] = [:]
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(path); continue }
            guard isDirectory.boolValue else {
                if byPath[path] == nil { byPath[path] = TestName(path: path) }
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            // The enumerator does not follow a symlinked folder; names keep the path as given.
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            for case let relative as String in manager.enumerator(atPath: resolved) ?? FileManager.DirectoryEnumerator() where relative.hasSuffix(".scn") {
                let full = base + "/" + relative
                if byPath[full] == nil { byPath[full] = TestName(path: full, relative: relative) }
            }
        }
        let names = byPath.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return (names, missing)
    }

    /// Collects and selects: names, then tags (read from each file's header), then the shard.
    public static func plan(paths: [String], selection: Selection) -> SuitePlan {
        let (all, missing) = collectNames(paths)
        var picked = all.filter(selection.matchesName)
        if let tags = selection.tags {
            picked = picked.filter { tags.matches(headerTags(of: $0.path)) }
        }
        let found = picked.count
        if let shard = selection.shard { picked = picked.filter(shard.contains) }
        return SuitePlan(tests: picked, missing: missing, foundCount: found)
    }

    /// The `# tags:` of a file, read up to its first command (unreadable: none).
    public static func headerTags(of path: String) -> [String] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var reader = ScenarioReader(path: path)
        _ = LineReader.forEachLine(descriptor: descriptor) { event in
            guard case .line(let line) = event else { return false }
            switch reader.read(line) {
            case .nothing, .output: return true
            case .step, .problem: return false
            }
        }
        return reader.tags
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
        var notRun = 0
        var failed = 0
        // With --max-failures the report stops at the Nth failure in file order, whichever
        // files the jobs happened to finish, so the report is the same for any -j.
        for slot in slots.values {
            if let limit = options.maxFailures, failed >= limit { notRun += 1; continue }
            guard let slot else { notRun += 1; continue }
            results.append(slot.result)
            if slot.updated { updated.append(slot.result.path) }
            if let problem = slot.writeError { writeErrors.append(problem) }
            if !slot.result.passed { failed += 1 }
        }
        var suite = SuiteResult(results: results, unreadable: plan.missing, updatedFiles: updated)
        suite.writeErrors = writeErrors
        suite.notRun = notRun
        suite.shard = options.selection.shard
        suite.foundCount = plan.foundCount
        suite.started = started
        suite.duration = clock.now - start
        return suite
    }

    struct Slot: Sendable {
        var result: ScenarioResult
        var updated = false
        /// `--update` could not write the file: the result before the update, and why.
        var writeError: String? = nil
    }

    static func runFile(_ name: TestName, options: SuiteOptions) -> Slot {
        let clock = ContinuousClock()
        let start = clock.now
        let runOptions = RunOptions(checkInvariants: options.checkInvariants, failFast: options.failFast, update: options.update)
        var slot: Slot
        switch ScenarioRunner.run(file: name.path, name: name, options: runOptions) {
        case .failure(let failure):
            let diagnostic = Diagnostic(file: name.path, line: failure.line, column: 1, message: "cannot read the file: \(failure.message)")
            slot = Slot(result: ScenarioResult(name: name, failures: [], diagnostics: [diagnostic]), updated: false)
        case .success(let (result, newBytes)):
            slot = Slot(result: result, updated: false)
            if let newBytes {
                slot = update(name, with: newBytes, before: result, options: runOptions, force: options.force)
            }
        }
        slot.result.duration = clock.now - start
        return slot
    }

    /// Writes the updated file, then runs it again: only assertion failures and unexcused
    /// errors remain. A file that cannot be written says why and is left as it was.
    static func update(_ name: TestName, with bytes: [UInt8], before: ScenarioResult, options: RunOptions, force: Bool) -> Slot {
        do {
            try SafeFile.write(bytes: bytes, to: name.path, force: force)
        } catch {
            return Slot(result: before, updated: false, writeError: error.description)
        }
        var rerunOptions = options
        rerunOptions.update = false
        let text = String(decoding: bytes, as: UTF8.self)
        return Slot(result: ScenarioRunner.run(text: text, name: name, options: rerunOptions).result, updated: true)
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
