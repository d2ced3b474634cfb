#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file several processes of the user's share, a line at a time (the REPL's history: two
/// windows on one HOME). Each line is appended when it is entered, so none is lost to the
/// other window's exit or to a SIGKILL; a rewrite (the trim at exit) re-reads the file under
/// the lock appends take, so it keeps the other window's lines. Only a regular file owned
/// by the user (or a missing one, created 0600) is written, through links of the user's or
/// root's only: never a device, a FIFO, a socket or someone else's file.
extension SafeFile {
    /// Appends `text` (one line and its newline) in one write(2) with O_APPEND, so lines of
    /// several processes never interleave.
    public static func append(_ text: String, to path: String, makeFolders: Bool = false) throws(WriteError) {
        let resolved = try ownFile(path)
        if makeFolders { try makeDirectories(parent(of: resolved), reportAs: path) }
        let fd = try openLocked(resolved, flags: O_WRONLY | O_APPEND, reportAs: path)
        defer { close(fd) }
        try writeAll(Array(text.utf8), to: fd, path: path)
    }

    /// Rewrites the file under the appenders' lock: `make` gets the path to read and gives
    /// the whole new text, written by the one writer (temporary file, rename) before the lock
    /// is let go. A line appended meanwhile waits, then finds the new file and lands there.
    public static func rewrite(_ path: String, makeFolders: Bool = false, _ make: (_ readPath: String) -> String) throws(WriteError) {
        let resolved = try ownFile(path)
        if makeFolders { try makeDirectories(parent(of: resolved), reportAs: path) }
        let fd = try openLocked(resolved, flags: O_RDONLY, reportAs: path)
        defer { close(fd) }
        try write(make(resolved), to: resolved, newFileMode: .privateToOwner)
    }

    /// PATH with links followed (each the user's or root's); refused when it names a
    /// descriptor of this process.
    static func ownFile(_ path: String) throws(WriteError) -> String {
        guard !path.isEmpty else { throw WriteError(path: path, reason: .system(operation: "open", code: ENOENT)) }
        switch try resolve(path, linkOwners: [geteuid(), 0]) {
        case .descriptor: throw WriteError(path: path, reason: .notOwnFile("a descriptor of this process"))
        case .file(let resolved): return resolved
        }
    }

    /// Opens the regular file RESOLVED (created 0600 when missing), checks it is the user's,
    /// takes an exclusive `flock` and checks the path still names it (a rewrite may have
    /// renamed a new file over it while this waited: then the new one is opened).
    static func openLocked(_ resolved: String, flags: Int32, reportAs shown: String) throws(WriteError) -> Int32 {
        for _ in 0..<20 {
            // O_NOFOLLOW: a link put there since the path was resolved is not followed.
            // O_NONBLOCK: a FIFO's open must not wait for a reader (it is refused below).
            let fd = open(resolved, flags | O_CREAT | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                let code = errno
                if code == ELOOP { throw WriteError(path: shown, reason: .notOwnFile("a symbolic link")) }
                if code == ENXIO { throw WriteError(path: shown, reason: .notOwnFile("a FIFO")) }
                throw WriteError(path: shown, reason: code == EISDIR ? .isDirectory : .system(operation: "open", code: code))
            }
            var info = stat()
            guard fstat(fd, &info) == 0 else {
                let code = errno
                close(fd)
                throw WriteError(path: shown, reason: .system(operation: "fstat", code: code))
            }
            if let kind = RegularFile.kind(info.st_mode) {
                close(fd)
                throw WriteError(path: shown, reason: kind == "a directory" ? .isDirectory : .notOwnFile(kind))
            }
            guard info.st_uid == geteuid() else {
                close(fd)
                throw WriteError(path: shown, reason: .notOwnFile("another user's file"))
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(fd)
                    throw WriteError(path: shown, reason: .system(operation: "lock", code: code))
                }
            }
            var now = stat()
            if stat(resolved, &now) == 0, now.st_dev == info.st_dev, now.st_ino == info.st_ino { return fd }
            close(fd)
        }
        throw WriteError(path: shown, reason: .system(operation: "lock (the file kept being replaced)", code: EAGAIN))
    }
}
