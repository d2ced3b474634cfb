import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real binary on a pseudo-terminal of its own: a new session whose controlling
/// terminal is the pty, so Ctrl-C typed into it raises SIGINT as on a real terminal.
/// Every wait has a deadline; on a timeout the error carries the screen so far.
/// Call `close()` (in a `defer`): it kills the child if it still runs.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private let slavePath: String
    private(set) var screen: TerminalScreen
    private(set) var raw: [UInt8] = []
    private var exitStatus: Int32?
    private var hungUp = false

    init(arguments: [String] = [], environment: [String: String], columns: Int = 80, rows: Int = 24) throws {
        var masterFD: Int32 = -1, slaveFD: Int32 = -1
        var name = [CChar](repeating: 0, count: 4096)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, &name, nil, &size) == 0 else {
            throw EndToEndError("openpty failed: errno \(errno)")
        }
        _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slaveFD, F_SETFD, FD_CLOEXEC)
        defer { Glibc.close(slaveFD) }
        master = masterFD
        slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        screen = TerminalScreen(columns: columns, rows: rows)
        do {
            pid = try Self.spawn(TourpassBinary.path, arguments, environment, terminal: slavePath)
        } catch {
            Glibc.close(masterFD)
            throw error
        }
    }

    deinit { close() }

    /// posix_spawn with POSIX_SPAWN_SETSID; opening the pty as fd 0 in the new session
    /// makes it the controlling terminal (Linux), then 1 and 2 are copies.
    private static func spawn(_ path: String, _ arguments: [String], _ environment: [String: String], terminal: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Nothing else of the test process (other tests' pipes) may leak into the child.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        } else {
            for fd in Int32(3)..<1024 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (a GNU extension Swift does not import)
        posix_spawnattr_setflags(&attributes, Int16(setsid | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw EndToEndError("posix_spawn \(path) failed: \(String(cString: strerror(result)))") }
        return child
    }

    // MARK: typing and reading

    func type(_ keys: String) throws {
        var bytes = Array(keys.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw EndToEndError("cannot type into the terminal: errno \(errno)\n\(screenDump)")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// The absolute row of the cursor; pass it to `waitFor(_:since:)`.
    var mark: Int { screen.cursorRow }
    var cursorRow: Int { screen.cursorRow }

    /// Waits until `needle` shows on a row at or below `row` (the cursor row by default).
    @discardableResult
    func waitFor(_ needle: String, since row: Int? = nil, timeout: TimeInterval = 10) throws -> String {
        let from = row ?? mark
        // The screen keeps no trailing blanks.
        let trimmed = String(needle.reversed().drop(while: { $0 == " " }).reversed())
        return try waitUntil("\"\(needle)\"", timeout: timeout) { screen in
            let text = screen.lines(from: from).joined(separator: "\n")
            return text.contains(trimmed) ? text : nil
        }
    }

    /// Waits for an empty prompt on a row below `row`, with the cursor after it, and for
    /// libedit to read keys. (It prints the prompt before it leaves cooked mode: keys typed
    /// in between would be echoed twice, and Ctrl-D would be taken as the tty's EOF.)
    func waitForPrompt(_ prompt: String, after row: Int, timeout: TimeInterval = 10) throws {
        let trimmed = prompt.trimmingCharacters(in: .whitespaces)
        try waitUntil("the prompt \"\(prompt)\" below row \(row), in raw mode", timeout: timeout) { screen in
            screen.cursorRow > row && screen.cursorLine == trimmed && screen.cursorColumn == prompt.count
                && isReadingKeys ? "" : nil
        }
    }

    /// True when the terminal is out of canonical mode: the line editor is reading keys.
    var isReadingKeys: Bool { localModes.map { $0 & tcflag_t(ICANON) == 0 } ?? false }

    /// The terminal's local modes (ICANON, ECHO, …), or nil when they cannot be read.
    var localModes: tcflag_t? {
        let fd = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var settings = termios()
        return tcgetattr(fd, &settings) == 0 ? settings.c_lflag : nil
    }

    /// Reads until `check` gives a value, or throws with the screen so far.
    @discardableResult
    func waitUntil<T>(_ what: String, timeout: TimeInterval = 10, _ check: (TerminalScreen) -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = check(screen) { return value }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || hungUp {
                throw EndToEndError("\(hungUp ? "the terminal closed" : "timed out after \(timeout) s") waiting for \(what)\n\(screenDump)")
            }
            pump(milliseconds: Int32(min(remaining, 0.2) * 1000) + 1)
        }
    }

    /// Reads what is there within `milliseconds`.
    private func pump(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            raw += buffer[..<count]
            screen.feed(buffer[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            hungUp = true  // EIO: every copy of the slave side is closed
        }
    }

    /// Types `line` and Enter, waits for the next empty `prompt` and returns what was
    /// shown from the typed line on (the line itself, then its output).
    @discardableResult
    func enter(_ line: String, prompt: String, timeout: TimeInterval = 10) throws -> String {
        let row = mark
        try type(line + "\r")
        try waitForPrompt(prompt, after: row, timeout: timeout)
        return screen.lines(from: row).dropLast().joined(separator: "\n")
    }

    /// Waits until the cursor row shows exactly `text` with the cursor at its end
    /// (trailing blanks count: `card visa ` leaves the cursor after the space).
    func waitForLine(_ text: String, timeout: TimeInterval = 10) throws {
        let trimmed = String(text.reversed().drop(while: { $0 == " " }).reversed())
        try waitUntil("the line \"\(text)\" with the cursor at its end", timeout: timeout) { screen in
            screen.cursorLine == trimmed && screen.cursorColumn == text.count ? "" : nil
        }
    }

    var screenDump: String { "----- screen -----\n\(screen.text)\n------------------" }

    // MARK: the end

    /// Waits for the child to exit (reading what it still prints); its exit status,
    /// or 128 + the signal that ended it.
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            reap(options: WNOHANG)
            if exitStatus != nil { break }
            guard Date() < deadline else {
                throw EndToEndError("the REPL did not exit within \(timeout) s\n\(screenDump)")
            }
            if hungUp { usleep(20_000) } else { pump(milliseconds: 50) }
        }
        // What it printed last is still in the terminal: read until the slave side is closed.
        let drainDeadline = Date().addingTimeInterval(2)
        while !hungUp, Date() < drainDeadline { pump(milliseconds: 50) }
        return exitStatus ?? -1
    }

    private func reap(options: Int32) {
        var status: Int32 = 0
        guard exitStatus == nil, waitpid(pid, &status, options) == pid else { return }
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private var closed = false

    /// Kills the child if it still runs, reaps it and closes the terminal.
    func close() {
        guard !closed else { return }
        closed = true
        reap(options: WNOHANG)
        if exitStatus == nil {
            kill(pid, SIGKILL)
            reap(options: 0)
        }
        Glibc.close(master)
    }
}
