// The C streams are shared mutable state to Swift 6; this file only flushes and asks for errors.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Standard output goes through the C library's buffer (what `print` writes to).
enum StandardOutput {
    /// Before anything goes to standard error: when both go to one place, they stay in order.
    static func flush() {
        fflush(stdout)
    }

    /// At exit: why writing standard output failed (`/dev/full`), if it did. A closed pipe
    /// stays quiet as before: SIGPIPE ends the process, and where SIGPIPE is ignored the
    /// reader left on purpose (`| head`), which is no error worth a message.
    static func failure() -> String? {
        errno = 0
        let flushed = fflush(stdout) == 0
        guard !flushed || ferror(stdout) != 0 else { return nil }
        let code = errno
        if code == EPIPE { return nil }
        return code == 0 ? "write error" : String(cString: strerror(code))
    }
}
