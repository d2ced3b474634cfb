#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How the history file is written, lent by the caller (the tool's one safe writer):
/// `append` adds one line and its newline in one write; `rewrite` replaces the whole file
/// with what its closure makes of the file read under the same lock.
public struct HistoryStorage {
    public var append: (_ text: String, _ path: String) throws -> Void
    public var rewrite: (_ path: String, _ make: (_ readPath: String) -> String) throws -> Void

    public init(append: @escaping (_ text: String, _ path: String) throws -> Void,
                rewrite: @escaping (_ path: String, _ make: (_ readPath: String) -> String) throws -> Void) {
        self.append = append
        self.rewrite = rewrite
    }
}

/// The history file: plain UTF-8, one entry per line, oldest first.
public enum HistoryFile {
    /// `$XDG_STATE_HOME/tourpass/history`, else `~/.tourpass_history`.
    public static func defaultPath() -> String? {
        path(xdgStateHome: environment("XDG_STATE_HOME"), home: environment("HOME"))
    }

    /// The XDG spec says a relative `XDG_STATE_HOME` is invalid and ignored.
    public static func path(xdgStateHome: String?, home: String?) -> String? {
        if let state = xdgStateHome, state.hasPrefix("/") {
            return join(state, "tourpass/history")
        }
        if let home, !home.isEmpty {
            return join(home, ".tourpass_history")
        }
        return nil
    }

    /// The entries in the file; none if it is missing or unreadable.
    public static func load(from path: String) -> [String] {
        guard let bytes = readAll(path) else { return [] }
        return bytes.split(separator: UInt8(ascii: "\n"))
            .filter { $0.count <= maxLineBytes }
            .map { String(decoding: $0, as: UTF8.self) }
            .filter { !$0.contains(where: \.isNewline) }
    }

    /// Each entry once, at its last position, and at most `limit` of the newest. Entries are
    /// the same when their bytes are: a `Set<String>` would merge lines that differ only in
    /// Unicode normalisation (`user "é"` precomposed and decomposed name two users).
    public static func normalized(_ lines: [String], limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        var seen = Set<[UInt8]>()
        var newestFirst: [String] = []
        for line in lines.reversed() where newestFirst.count < limit {
            guard isStorable(line), seen.insert(Array(line.utf8)).inserted else { continue }
            newestFirst.append(line)
        }
        return newestFirst.reversed()
    }

    /// The file's text for `normalized(lines, limit:)`: the caller writes it with the
    /// tool's one safe writer (private, 0600: commands may name people and amounts).
    public static func text(_ lines: [String], limit: Int) -> String {
        var text = normalized(lines, limit: limit).joined(separator: "\n")
        if !text.isEmpty { text += "\n" }
        return text
    }

    static func isStorable(_ line: String) -> Bool {
        !line.isEmpty && !line.contains(where: \.isNewline)
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let string = String(cString: value)
        return string.isEmpty ? nil : string
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// At most the last `maxLoadBytes` of the file (a huge history must not make the REPL
    /// start slowly or big), starting at a line boundary; lines longer than a command line
    /// can be are dropped.
    public static let maxLoadBytes = 1 << 20
    public static let maxLineBytes = 4_096

    private static func readAll(_ path: String) -> [UInt8]? {
        // O_NONBLOCK: a FIFO's open must not wait for a writer (it is then refused).
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let size = Int(info.st_size)
        let skipped = max(0, size - maxLoadBytes)
        if skipped > 0, lseek(fd, off_t(skipped), SEEK_SET) < 0 { return nil }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while result.count < maxLoadBytes {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, maxLoadBytes - result.count)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            result += buffer[..<count]
        }
        // Started mid-file: the first line is a tail of a longer one.
        if skipped > 0, let newline = result.firstIndex(of: UInt8(ascii: "\n")) { result.removeSubrange(...newline) }
        return result
    }
}
