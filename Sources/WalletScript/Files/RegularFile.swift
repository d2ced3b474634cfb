import Foundation

/// Opens a file for reading only when it is a regular file. A FIFO, socket or device named
/// as a scenario, an include or a `:load` would block a read for ever (or never end), so it
/// is refused with what it is, and never opened for a blocking read.
public enum RegularFile {
    /// What PATH is when it is not a regular file (`a FIFO`), nil for a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a regular file"
        }
    }

    /// `it is a FIFO, not a regular file`; `it is a directory`, as `run` and `:load` said before.
    static func refusal(_ kind: String) -> String {
        switch kind {
        case "not a regular file": return "it is not a regular file"
        case "a directory": return "it is a directory"
        default: return "it is \(kind), not a regular file"
        }
    }

    /// A descriptor open for blocking reads of the regular file PATH (follows links), or why not.
    /// Opened without blocking (a FIFO's open would wait for a writer) and checked with
    /// `fstat`, so a file swapped for a FIFO after `stat` is refused too.
    public static func open(_ path: String) -> Result<Int32, ReadFailure> {
        path.withCString { open(cPath: $0) }
    }

    /// The same by the name's own bytes when they are not UTF-8 (a file found in a folder
    /// walk, `bad\xFF.scn`): a `String` cannot hold them, so PATH alone would name another file.
    public static func open(_ path: String, rawPath: [UInt8]?) -> Result<Int32, ReadFailure> {
        guard let rawPath else { return open(path) }
        return withCPath(rawPath) { open(cPath: $0) }
    }

    /// Calls `body` with the bytes as a NUL-terminated C string.
    public static func withCPath<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let cString = bytes.map { CChar(bitPattern: $0) } + [0]
        return body(cString)
    }

    private static func open(cPath path: UnsafePointer<CChar>) -> Result<Int32, ReadFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(ReadFailure(message: String(cString: strerror(errno)))) }
        if let kind = kind(info.st_mode) { return .failure(ReadFailure(message: refusal(kind))) }
        let descriptor = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure(message: String(cString: strerror(errno)))) }
        guard fstat(descriptor, &info) == 0 else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            return .failure(ReadFailure(message: message))
        }
        if let kind = kind(info.st_mode) {
            close(descriptor)
            return .failure(ReadFailure(message: refusal(kind)))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return .success(descriptor)
    }

    /// The whole regular file PATH, or why it cannot be read.
    public static func contents(_ path: String) -> Result<[UInt8], ReadFailure> {
        let descriptor: Int32
        switch open(path) {
        case .failure(let failure): return .failure(failure)
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(message: String(cString: strerror(errno))))
            }
            if got == 0 { return .success(bytes) }
            bytes += buffer[..<got]
        }
    }
}
