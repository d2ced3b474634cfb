import CEditLine

/// Ctrl-C while a command runs: the command asks `pending` and stops where it is.
public enum Interrupt {
    /// Runs `body` with Ctrl-C setting a flag instead of being ignored; SIGINT is ignored again after.
    public static func watch<T>(_ body: () -> T) -> T {
        tp_interrupt_watch_begin()
        defer { tp_interrupt_watch_end() }
        return body()
    }

    /// Whether Ctrl-C was pressed since the watch began.
    public static var pending: Bool { tp_interrupt_pending() != 0 }

    /// The signal that made `pending` true first (SIGINT for Ctrl-C, or SIGTERM, SIGHUP,
    /// SIGQUIT), or nil: a stopped command names it.
    public static var cause: Int32? {
        let signal = tp_interrupt_cause()
        return signal == 0 ? nil : signal
    }

    /// From now on SIGHUP (the terminal closed), SIGTERM and SIGQUIT only set a flag and end
    /// a blocked `readLine` (as end of input) and a running command (as Ctrl-C would), so
    /// the REPL can keep the session and the history before it exits. One ignored at start
    /// (`nohup`) stays ignored.
    public static func catchEndingSignals() { tp_ending_signals_catch() }

    /// The first of SIGHUP, SIGTERM, SIGQUIT that arrived since `catchEndingSignals`, or nil.
    public static var endingSignal: Int32? {
        let signal = tp_ending_signal()
        return signal == 0 ? nil : signal
    }

    /// Hands freed heap pages back to the system after a command that used many (a search).
    public static func releaseFreedMemory() { tp_release_freed_memory() }
}
