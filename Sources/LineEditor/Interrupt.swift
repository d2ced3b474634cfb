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

    /// Hands freed heap pages back to the system after a command that used many (a search).
    public static func releaseFreedMemory() { tp_release_freed_memory() }
}
