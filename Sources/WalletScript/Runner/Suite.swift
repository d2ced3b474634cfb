import Foundation

/// Runs many scenario files, in parallel, and reports in a fixed order.
public struct SuiteOptions: Sendable {
    public var update = false
    public var jobs = 1
    public var filter: String? = nil
    public var checkInvariants = false

    public init(update: Bool = false, jobs: Int = 1, filter: String? = nil, checkInvariants: Bool = false) {
        self.update = update
        self.jobs = jobs
        self.filter = filter
        self.checkInvariants = checkInvariants
    }
}

public struct SuiteResult: Sendable {
    public let results: [ScenarioResult]
    /// Paths given that do not exist or cannot be read.
    public let unreadable: [String]
    public let updatedFiles: [String]

    public var passedCount: Int { results.filter(\.passed).count }
    /// A path that cannot be read counts as a failed scenario, so no report looks green.
    public var failedCount: Int { results.count - passedCount + unreadable.count }
    public var hasParseErrors: Bool { results.contains { !$0.diagnostics.isEmpty } || !unreadable.isEmpty }

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
        for slot in slots.values {
            switch slot {
            case .result(let result, let wasUpdated):
                results.append(result)
                if wasUpdated { updated.append(result.path) }
            case .unreadable(let path): unreadable.append(path)
            case nil: break
            }
        }
        return SuiteResult(results: results, unreadable: unreadable, updatedFiles: updated)
    }

    enum Slot: Sendable {
        case result(ScenarioResult, updated: Bool)
        case unreadable(String)
    }

    static func runFile(_ path: String, options: SuiteOptions) -> Slot {
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable(path) }
        let text = String(decoding: data, as: UTF8.self)
        let (result, scenario) = ScenarioRunner.run(text: text, path: path, checkInvariants: options.checkInvariants, renderAll: options.update)
        guard options.update, let scenario else { return .result(result, updated: false) }
        let newText = scenario.updated(with: result.actual)
        guard newText != text else { return .result(result, updated: false) }
        guard writeAtomically(newText, to: path) else { return .unreadable(path) }
        // Recorded output now matches: only assertion failures and unhandled errors remain.
        let (rerun, _) = ScenarioRunner.run(text: newText, path: path, checkInvariants: options.checkInvariants)
        return .result(rerun, updated: true)
    }

    /// Writes a temporary file beside the target and renames it over, so an interrupted
    /// update never leaves a half-written scenario.
    public static func writeAtomically(_ text: String, to path: String, privateFile: Bool = false) -> Bool {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let attributes: [FileAttributeKey: Any]? = privateFile ? [.posixPermissions: 0o600] : nil
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: attributes) else { return false }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return false
        }
        return true
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
