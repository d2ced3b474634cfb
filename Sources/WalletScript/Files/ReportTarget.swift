import Foundation

/// The one check before a report or output file is written: it never replaces a scenario
/// (`--junit a.scn b.scn` is `--junit` whose value was forgotten, eating `a.scn`) nor a
/// file the same run reads. `run`, `report --html`, the REPL's `:report`, `coverage merge
/// --json` and `explore --out` all ask it before anything runs.
public enum ReportTarget {
    /// A regular file as the system knows it (links followed): two spellings of one file
    /// (`notes.txt`, `./notes.txt`, a link) are the same.
    public struct FileID: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    public static func identity(of path: String) -> FileID? { identity(bytes: Array(path.utf8)) }

    public static func identity(bytes path: [UInt8]) -> FileID? {
        var info = stat()
        guard RegularFile.withCPath(path, { stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The scenario files a run over `paths` reads: files named and found in folders, and
    /// the files they reach through `include` (`_setup.scn`, or `setup.txt`, which no `.scn`
    /// check catches).
    public static func scenarioInputs(_ paths: [String]) -> Set<FileID> {
        let names = Suite.collectNames(paths).names
        var inputs = Set(names.compactMap { identity(bytes: $0.pathBytes) })
        for name in names where name.rawPath == nil { addIncludes(of: name.path, depth: 0, into: &inputs) }
        return inputs
    }

    /// Adds the files `path` includes, and theirs, as the runner resolves them (relative to
    /// the including file). Only regular files are opened (a FIFO is never waited on); a
    /// file already in `inputs` is not read again, so a cycle ends; nesting stops where the
    /// runner's does. A path with a placeholder (`include _<who>.scn`) names no file until a
    /// row fills it in and is passed over.
    public static func addIncludes(of path: String, depth: Int, into inputs: inout Set<FileID>) {
        guard depth <= IncludePath.maxDepth, case .success(let descriptor) = RegularFile.open(path) else { return }
        var targets: [String] = []
        _ = LineReader.forEachLine(descriptor: descriptor) { event in
            // A line too long ends the file, as it ends the run of it.
            guard case .line(let raw) = event else { return false }
            // Only a line opening with `include` after blanks can be one.
            guard let first = raw.content.first(where: { $0 != 0x20 && $0 != 0x09 }),
                  first == UInt8(ascii: "i"), case .success(let include)? = IncludeLine.parse(raw.text),
                  !include.path.contains("<") else { return true }
            targets.append(IncludePath.resolve(include.path, from: path))
            return true
        }
        close(descriptor)
        for target in targets {
            guard let id = identity(of: target), inputs.insert(id).inserted else { continue }
            addIncludes(of: target, depth: depth + 1, into: &inputs)
        }
    }

    /// Why a report could not be written at `path`, said before the run rather than after it:
    /// no name, a folder, or a folder to put it in that does not exist. (Links are followed as
    /// the writer follows them; a descriptor's name is always fine.)
    static func unwritable(path: String, resolved: SafeFile.Target?) -> String? {
        if path.isEmpty { return "a report needs a file name" }
        guard case .file(let target)? = resolved else { return nil }
        var info = stat()
        if stat(target, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? "cannot write the report there: it is a directory; give a file in it" : nil
        }
        let folder = SafeFile.parent(of: target)
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            return "cannot write the report there: the folder \(Printable.escaped(folder)) does not exist; create it first or give a file in an existing folder"
        }
        return nil
    }

    /// Why `path` (given as `flag`) must not be written, or nil. A report never ends in
    /// `.scn` (it would be run next time); `scenarioOutput` files (explore's found
    /// scenarios) may, but like every target they never replace a file in `inputs`.
    /// `example` is the spelling suggested instead (`--junit report.xml`).
    /// With `kind`, an existing file is also refused unless it opens as that kind of report
    /// (`foreignFile`).
    public static func refusal(_ flag: String, _ path: String, example: String, inputs: Set<FileID>,
                               scenarioOutput: Bool = false, checking checked: String? = nil, kind: ReportKind? = nil) -> String? {
        let shown = Printable.escaped(path)
        let resolved = try? SafeFile.resolve(checked ?? path)
        if !scenarioOutput, let problem = unwritable(path: checked ?? path, resolved: resolved) {
            return "\(flag) \(shown.isEmpty ? "\"\"" : shown): \(problem), such as \(example)"
        }
        if !scenarioOutput, path.hasSuffix(".scn") {
            return "\(flag) \(shown): a report is never written onto a scenario file (.scn); give the report its own file, such as \(example)"
        }
        // Writing follows links to their target: `evil.xml -> victim.scn` is a scenario file too.
        if !scenarioOutput, case .file(let target)? = resolved, target.hasSuffix(".scn") {
            return "\(flag) \(shown) is a link to a scenario file (\(Printable.escaped(target))): a report is never written onto one; give the report its own file, such as \(example)"
        }
        if let id = identity(of: checked ?? path), inputs.contains(id) {
            let what = scenarioOutput ? "the scenario written" : "the report"
            return "\(flag) \(shown) is a file this run reads: \(what) would replace it; give \(scenarioOutput ? "it" : "the report") its own file"
        }
        if let kind { return foreignFile(flag, shown, checked ?? path, kind: kind, example: example) }
        return nil
    }

    /// Why an existing file is not this writer's to replace, or nil. Replaced: a missing or
    /// empty file, one that opens as `kind` (this tool's report of an earlier run), and any
    /// target that is no regular file (a device, a FIFO, `/dev/stdout`: written in place, as
    /// before). Anything else is someone's work (`--json package.json b.json`, the value of
    /// `--json` forgotten): refused before anything runs, the file left as it is.
    static func foreignFile(_ flag: String, _ shown: String, _ path: String, kind: ReportKind, example: String) -> String? {
        guard case .success(let descriptor) = RegularFile.open(path) else { return nil }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 4_096)
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        // Empty, or unreadable (the writer then says why it cannot write).
        guard count > 0, !kind.opens(Array(head.prefix(count))) else { return nil }
        let instead = example.isEmpty ? "another name" : "its own file, such as \(example)"
        return "\(flag) \(shown) exists and is not \(kind.noun): it is never replaced; give the output \(instead), or remove the file first"
    }
}
