#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one writer behind every file the tool writes (`:save`, `--update`, `--junit`, the
/// history file, the kept session, reports): nothing half-written, nothing that is not a
/// regular file replaced, nothing lost on a failed write. See docs/DECISIONS.md.
///
/// - regular file: a temporary file in the same folder, written in full, fsynced, given
///   the original's mode, renamed over the target, then the folder fsynced;
/// - symbolic link: followed; its final target is written as above (a dangling link
///   creates its target);
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: written to that
///   descriptor of this process;
/// - device, FIFO: opened without blocking and written in place, never renamed over; a FIFO
///   nothing reads is refused at once (its open would wait for a reader for ever);
/// - socket: refused;
/// - read-only file (no owner write bit): refused unless `force`;
/// - any failure: the target untouched, the temporary file removed, an error.
public enum SafeFile {
    /// Mode for a file that does not exist yet.
    public enum NewFileMode: Sendable {
        /// 0644.
        case shared
        /// 0600: the file may hold a payment password.
        case privateToOwner

        var bits: mode_t {
            switch self {
            case .shared: return 0o644
            case .privateToOwner: return 0o600
            }
        }
    }

    /// Why a write failed; `description` is a full sentence for the user.
    public struct WriteError: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            case readOnly
            case isDirectory
            /// A FIFO no process has open for reading.
            case noReader
            /// A socket: nothing a file write can reach.
            case socket
            /// A file kept only in a regular file of the user's own (the history) is something
            /// else here: `a FIFO`, `another user's file`, `a symbolic link of another user`.
            case notOwnFile(String)
            case system(operation: String, code: Int32)
        }
        public let path: String
        public let reason: Reason
        /// Whether the writer has a `--force` to offer for a read-only file (`run`, `report`,
        /// `coverage`); the REPL and the files kept on the user's behalf have none.
        public var forceOffered = false

        public init(path: String, reason: Reason, forceOffered: Bool = false) {
            self.path = path
            self.reason = reason
            self.forceOffered = forceOffered
        }

        public var description: String {
            switch reason {
            case .readOnly:
                let remedy = forceOffered ? "use --force to replace it" : "it is left as it is: write to another name"
                return "cannot write \(Printable.escaped(path)): the file is read-only (\(remedy))"
            case .isDirectory:
                return "cannot write \(Printable.escaped(path)): it is a directory"
            case .noReader:
                return "cannot write \(Printable.escaped(path)): it is a FIFO and nothing is reading it (writing would wait for ever)"
            case .socket:
                return "cannot write \(Printable.escaped(path)): it is a socket, not a file"
            case .notOwnFile(let what):
                return "cannot write \(Printable.escaped(path)): it is \(what), not a regular file of yours"
            case .system(let operation, let code):
                return "cannot write \(Printable.escaped(path)): \(operation): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Writes `text` to `path` as described above. `makeFolders` creates missing parent
    /// folders (0700), for files kept on the user's behalf. `force` nil: the writer has no
    /// `--force` (the REPL), so a read-only file's error does not offer one.
    public static func write(
        _ text: String, to path: String, newFileMode: NewFileMode = .shared,
        force: Bool? = nil, makeFolders: Bool = false
    ) throws(WriteError) {
        try write(bytes: Array(text.utf8), to: path, newFileMode: newFileMode, force: force, makeFolders: makeFolders)
    }

    public static func write(
        bytes: [UInt8], to path: String, newFileMode: NewFileMode = .shared,
        force: Bool? = nil, makeFolders: Bool = false
    ) throws(WriteError) {
        guard !path.isEmpty else { throw WriteError(path: path, reason: .system(operation: "open", code: ENOENT)) }
        let target = try resolve(path)
        switch target {
        case .descriptor(let fd):
            // What this process printed before must come first.
            fflush(nil)
            try writeAll(bytes, to: fd, path: path)
        case .file(let resolved):
            if makeFolders { try makeDirectories(parent(of: resolved), reportAs: path) }
            var info = stat()
            if stat(resolved, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    if force != true && (info.st_mode & S_IWUSR) == 0 {
                        throw WriteError(path: path, reason: .readOnly, forceOffered: force != nil)
                    }
                    try replace(resolved, with: bytes, mode: info.st_mode & 0o7777, owner: info, reportAs: path)
                case S_IFDIR:
                    throw WriteError(path: path, reason: .isDirectory)
                case S_IFSOCK:
                    throw WriteError(path: path, reason: .socket)
                default:
                    try writeInPlace(resolved, bytes, reportAs: path)
                }
            } else if errno == ENOENT {
                try replace(resolved, with: bytes, mode: newFileMode.bits, owner: nil, reportAs: path)
            } else {
                throw WriteError(path: path, reason: .system(operation: "stat", code: errno))
            }
        }
    }

    // MARK: resolving the target

    enum Target: Equatable {
        case file(String)
        case descriptor(Int32)
    }

    /// Follows symbolic links one by one (so a dangling link still names its target) and
    /// recognises the names of this process's own descriptors.
    /// `linkOwners`: when given, a link owned by anyone else is refused (a file shared by
    /// several processes of the user's, such as the history, goes through no one else's link).
    static func resolve(_ path: String, linkOwners: [uid_t]? = nil) throws(WriteError) -> Target {
        var current = path
        for _ in 0..<40 {
            if let fd = descriptorNumber(current) { return .descriptor(fd) }
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return .file(current) }
            if let linkOwners, !linkOwners.contains(info.st_uid) {
                throw WriteError(path: path, reason: .notOwnFile("a symbolic link of another user"))
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw WriteError(path: path, reason: .system(operation: "readlink", code: errno)) }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : join(parent(of: current), link)
        }
        throw WriteError(path: path, reason: .system(operation: "open", code: ELOOP))
    }

    /// `/dev/stdout` → 1, `/dev/fd/3` → 3, `/proc/self/fd/2` → 2; else nil.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        let ownPid = "/proc/\(getpid())/fd/"
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", ownPid] where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            guard !rest.isEmpty, rest.count < 10, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int32(rest)
        }
        return nil
    }

    // MARK: writing

    private static func replace(_ path: String, with bytes: [UInt8], mode: mode_t, owner: stat?, reportAs shown: String) throws(WriteError) {
        let folder = parent(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        var temporary = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            temporary = join(folder, ".\(name.prefix(200)).tmp-\(getpid())-\(attempt)")
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw WriteError(path: shown, reason: .system(operation: "create a temporary file in \(folder)", code: errno)) }
        var failure: WriteError? = nil
        do throws(WriteError) {
            try writeAll(bytes, to: fd, path: shown)
            // open() applies the umask; the original's mode (or the chosen one) wins.
            if fchmod(fd, mode) != 0 { throw WriteError(path: shown, reason: .system(operation: "chmod", code: errno)) }
            if let owner, owner.st_uid != geteuid() || owner.st_gid != getegid() {
                _ = fchown(fd, owner.st_uid, owner.st_gid) // best effort: only root may give a file away
            }
            if fsync(fd) != 0 { throw WriteError(path: shown, reason: .system(operation: "fsync", code: errno)) }
        } catch {
            failure = error
        }
        if close(fd) != 0, failure == nil { failure = WriteError(path: shown, reason: .system(operation: "close", code: errno)) }
        if failure == nil, rename(temporary, path) != 0 {
            failure = WriteError(path: shown, reason: .system(operation: "rename", code: errno))
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        // The rename is durable only once the folder is on disk too.
        let folderFd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFd >= 0 {
            _ = fsync(folderFd)
            close(folderFd)
        }
    }

    private static func writeInPlace(_ path: String, _ bytes: [UInt8], reportAs shown: String) throws(WriteError) {
        // No O_TRUNC: a device or FIFO has nothing to truncate, and it is not ours to reset.
        // O_NONBLOCK: a FIFO's open would otherwise wait for a reader for ever (ENXIO now).
        let fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw WriteError(path: shown, reason: errno == ENXIO ? .noReader : .system(operation: "open", code: errno))
        }
        // What was opened is what was checked: a file swapped for a regular one is not written
        // in place (untruncated), nor is a socket.
        var info = stat()
        guard fstat(fd, &info) == 0, [S_IFIFO, S_IFCHR, S_IFBLK].contains(info.st_mode & S_IFMT) else {
            close(fd)
            throw WriteError(path: shown, reason: .system(operation: "open (it changed while being opened)", code: EAGAIN))
        }
        // A reader is there: the writes may wait for it as a pipe's do.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var failure: WriteError? = nil
        do throws(WriteError) { try writeAll(bytes, to: fd, path: shown) } catch { failure = error }
        if close(fd) != 0, failure == nil { failure = WriteError(path: shown, reason: .system(operation: "close", code: errno)) }
        if let failure { throw failure }
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(WriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: .system(operation: "write", code: errno))
            }
            if written == 0 { throw WriteError(path: path, reason: .system(operation: "write", code: EIO)) }
            offset += written
        }
    }

    // MARK: paths

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `mkdir -p`, private to the user.
    static func makeDirectories(_ directory: String, reportAs shown: String) throws(WriteError) {
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 {
                let code = errno
                var info = stat()
                guard stat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw WriteError(path: shown, reason: .system(operation: "mkdir \(current)", code: code))
                }
            }
        }
    }
}

/// The C library's write(2): inside `SafeFile` the name means its own method.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}
