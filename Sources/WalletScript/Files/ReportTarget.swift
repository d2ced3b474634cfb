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

    /// The scenario files a run over `paths` reads (files named and found in folders).
    public static func scenarioInputs(_ paths: [String]) -> Set<FileID> {
        Set(Suite.collectNames(paths).names.compactMap { identity(bytes: $0.pathBytes) })
    }

    /// Why `path` (given as `flag`) must not be written, or nil. A report never ends in
    /// `.scn` (it would be run next time); `scenarioOutput` files (explore's found
    /// scenarios) may, but like every target they never replace a file in `inputs`.
    /// `example` is the spelling suggested instead (`--junit report.xml`).
    public static func refusal(_ flag: String, _ path: String, example: String, inputs: Set<FileID>,
                               scenarioOutput: Bool = false, checking checked: String? = nil) -> String? {
        let shown = Printable.escaped(path)
        if !scenarioOutput, path.hasSuffix(".scn") {
            return "\(flag) \(shown): a report is never written onto a scenario file (.scn); give the report its own file, such as \(example)"
        }
        if let id = identity(of: checked ?? path), inputs.contains(id) {
            let what = scenarioOutput ? "the scenario written" : "the report"
            return "\(flag) \(shown) is a file this run reads: \(what) would replace it; give \(scenarioOutput ? "it" : "the report") its own file"
        }
        return nil
    }
}
