import Foundation

/// Where an `include` points, and the checks every include makes: the depth bound, a
/// cycle (a file already on the include stack), a file that cannot be read.
public enum IncludePath {
    /// Includes nested deeper than this are refused (memory stays bounded: one reader a level).
    public static let maxDepth = 16
    /// Lines run through includes in one test, in all: an include repeated in a loop ends here.
    public static let maxIncludedLines = 100_000

    /// PATH relative to the including file's folder (absolute stays absolute); `from` nil
    /// means the working directory (REPL and piped input). The folder keeps the including
    /// file's spelling (`./a.scn` includes `./b.scn`), so a chain or `included from` spells
    /// every path one way.
    public static func resolve(_ target: String, from file: String?) -> String {
        let cleaned = TestName.normalized(target)
        if target.hasPrefix("/") { return cleaned }
        guard let file, let slash = file.lastIndex(of: "/") else { return cleaned }
        let folder = file[..<slash]
        return (folder.isEmpty ? "/" : String(folder) + "/") + cleaned
    }

    /// What identifies a file on the stack: its real path when it exists.
    public static func key(_ path: String) -> String {
        guard let real = realpath(path, nil) else {
            return TestName.normalized(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        }
        defer { free(real) }
        return String(cString: real)
    }

    /// `(included from b.scn:3, a.scn:2)`, innermost first; empty for none.
    static func suffix(_ chain: [String]) -> String {
        chain.isEmpty ? "" : " (included from " + chain.reversed().joined(separator: ", ") + ")"
    }

    /// The problem with including `target` from `location` given the stack of files
    /// (outermost first, each with the line that included the next), or nil.
    static func refusal(key: String, display: String, stack: [(key: String, path: String, includedAt: String?)], location: String) -> String? {
        if stack.count > maxDepth {
            return "includes nest deeper than \(maxDepth) files: \(chain(stack, location)) → \(display)"
        }
        // By bytes: `café.scn` precomposed and decomposed are two files, not a cycle.
        if stack.contains(where: { $0.key.utf8.elementsEqual(key.utf8) }) {
            return "include cycle: \(chain(stack, location)) → \(display), which is already running"
        }
        return nil
    }

    /// `a.scn:2 → b.scn:1`: the include lines from the outermost file to `location`.
    static func chain(_ stack: [(key: String, path: String, includedAt: String?)], _ location: String) -> String {
        (stack.compactMap(\.includedAt) + [location]).joined(separator: " → ")
    }
}
