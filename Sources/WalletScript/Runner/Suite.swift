import Foundation

/// Runs many scenario files, in parallel, and reports in a fixed order.
public struct SuiteOptions: Sendable {
    public var update = false
    public var jobs = 1
    public var filter: String? = nil
    public var checkInvariants = false
    /// Let `--update` replace a read-only file.
    public var force = false

    public init(update: Bool = false, jobs: Int = 1, filter: String? = nil, checkInvariants: Bool = false, force: Bool = false) {
        self.update = update
        self.jobs = jobs
        self.filter = filter
        self.checkInvariants = checkInvariants
        self.force = force
    }
}

public struct SuiteResult: Sendable {
    public let results: [ScenarioResult]
    /// Paths given that do not exist or cannot be read.
    public let unreadable: [String]
    public let updatedFiles: [String]
    /// Files `--update` could not write, each with why: the file is left as it was.
    public var writeErrors: [String] = []

    public var passedCount: Int { results.filter(\.passed).count }
    /// A path that cannot be read counts as a failed scenario, so no report looks green.
    public var failedCount: Int { results.count - passedCount + unreadable.count }
    public var hasParseErrors: Bool {
        results.contains { !$0.diagnostics.isEmpty } || !unreadable.isEmpty || !writeErrors.isEmpty
    }

    /// 0 all passed, 1 some failed, 2 bad usage or a file that does not parse.
    public var exitCode: Int32 { hasParseErrors ? 2 : (failedCount > 0 ? 1 : 0) }
}

public enum Suite {
    /// Every `.scn` file under the paths (folders recursively), sorted, without repeats.
    public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: Set<String> = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(path); continue }
            guard isDirectory.boolValue else { files.insert(path); continue }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            // The enumerator does not follow a symlinked folder; names keep the path as given.
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            for case let relative as String in manager.enumerator(atPath: resolved) ?? FileManager.DirectoryEnumerator() where relative.hasSuffix(".scn") {
                files.insert(base + "/" + relative)
            }
        }
        return (files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, missing)
    }

    public static func run(paths: [String], options: SuiteOptions) -> SuiteResult {
        let (all, missing) = collect(paths)
        let files = options.filter.map { filter in all.filter { $0.contains(filter) } } ?? all
        let slots = ResultSlots(count: files.count)
        let jobs = max(1, min(options.jobs, 64, files.count))
        // Each job takes every jobs-th file; results land in their own slot, so order is fixed.
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            for index in stride(from: job, to: files.count, by: jobs) {
                slots.set(index, runFile(files[index], options: options))
            }
        }
        var results: [ScenarioResult] = []
        var unreadable = missing
        var updated: [String] = []
        var writeErrors: [String] = []
        for slot in slots.values {
            switch slot {
            case .result(let result, let wasUpdated):
                results.append(result)
                if wasUpdated { updated.append(result.path) }
            case .unreadable(let path): unreadable.append(path)
            case .notWritten(let result, let problem):
                results.append(result)
                writeErrors.append(problem)
            case nil: break
            }
        }
        var suite = SuiteResult(results: results, unreadable: unreadable, updatedFiles: updated)
        suite.writeErrors = writeErrors
        return suite
    }

    enum Slot: Sendable {
        case result(ScenarioResult, updated: Bool)
        case unreadable(String)
        /// `--update` could not write the file: its result before the update, and why.
        case notWritten(ScenarioResult, String)
    }

    static func runFile(_ path: String, options: SuiteOptions) -> Slot {
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable(path) }
        let text = String(decoding: data, as: UTF8.self)
        let (result, scenario) = ScenarioRunner.run(text: text, path: path, checkInvariants: options.checkInvariants, renderAll: options.update)
        guard options.update, let scenario else { return .result(result, updated: false) }
        let newText = scenario.updated(with: result.actual)
        guard newText != text else { return .result(result, updated: false) }
        do {
            try SafeFile.write(newText, to: path, force: options.force)
        } catch {
            return .notWritten(result, error.description)
        }
        // Recorded output now matches: only assertion failures and unhandled errors remain.
        let (rerun, _) = ScenarioRunner.run(text: newText, path: path, checkInvariants: options.checkInvariants)
        return .result(rerun, updated: true)
    }

    /// `SafeFile.write`, answering only whether it worked.
    public static func writeAtomically(_ text: String, to path: String, privateFile: Bool = false) -> Bool {
        (try? SafeFile.write(text, to: path, newFileMode: privateFile ? .privateToOwner : .shared)) != nil
    }
}

/// Result slots filled from several threads, each index by exactly one job.
final class ResultSlots: @unchecked Sendable {
    private var slots: [Suite.Slot?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ slot: Suite.Slot) {
        lock.lock()
        slots[index] = slot
        lock.unlock()
    }

    var values: [Suite.Slot?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
