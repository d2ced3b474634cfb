#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why saving the history failed: the path, the step and errno.
public struct HistoryFileError: Error, Equatable, Sendable {
    public var path: String
    public var operation: String
    public var code: Int32
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
        return String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map(String.init)
    }

    /// Each entry once, at its last position, and at most `limit` of the newest.
    public static func normalized(_ lines: [String], limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        var seen = Set<String>()
        var newestFirst: [String] = []
        for line in lines.reversed() where newestFirst.count < limit {
            guard isStorable(line), seen.insert(line).inserted else { continue }
            newestFirst.append(line)
        }
        return newestFirst.reversed()
    }

    /// Writes `normalized(lines, limit:)` to a temporary file and renames it
    /// over `path`, so a crash never leaves a truncated history. The file is
    /// private (0600): commands may name people and amounts.
    public static func save(_ lines: [String], to path: String, limit: Int) throws {
        try makeDirectories(parent(of: path))
        var text = normalized(lines, limit: limit).joined(separator: "\n")
        if !text.isEmpty { text += "\n" }
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw HistoryFileError(path: temporary, operation: "open", code: errno) }
        var failure: HistoryFileError?
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = HistoryFileError(path: temporary, operation: "write", code: errno)
                break
            }
            bytes = bytes.dropFirst(written)
        }
        if close(fd) != 0, failure == nil {
            failure = HistoryFileError(path: temporary, operation: "close", code: errno)
        }
        if failure == nil, rename(temporary, path) != 0 {
            failure = HistoryFileError(path: path, operation: "rename", code: errno)
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
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

    /// `mkdir -p`, private to the user like the file itself.
    private static func makeDirectories(_ directory: String) throws {
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 {
                let code = errno
                var info = stat()
                guard stat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw HistoryFileError(path: current, operation: "mkdir", code: code)
                }
            }
        }
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            result += buffer[..<count]
        }
        return result
    }
}
