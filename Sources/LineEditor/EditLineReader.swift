import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libedit on a terminal: emacs keys, Tab completion, Ctrl-R search,
/// history kept in `historyFile` and the user's ~/.editrc.
///
/// Each line is appended to the history file when it is entered (another REPL on the same
/// file, a SIGKILL, lose nothing); on leaving, the file is re-read and trimmed to the
/// newest `historySize` entries, keeping the lines other REPLs appended meanwhile.
public final class EditLineReader: LineReading {
    private let handle: OpaquePointer
    private let historyFile: String?
    private let historySize: Int
    private let completer: (_ textBeforeCursor: String) -> [String]
    private let storage: HistoryStorage
    private let keepLoaded: (_ entry: String) -> String?
    /// A problem writing the history is said once a session.
    private var toldHistoryProblem = false

    /// Nil when stdin or stdout is not a terminal or libedit cannot start;
    /// use `PlainLineReader` then.
    public init?(
        programName: String,
        historyFile: String?,
        historySize: Int,
        storage: HistoryStorage,
        completer: @escaping (_ textBeforeCursor: String) -> [String],
        keepLoaded: @escaping (_ entry: String) -> String? = { $0 }
    ) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
              let handle = tp_el_open(programName) else { return nil }
        self.handle = handle
        self.historyFile = historyFile
        self.historySize = max(0, historySize)
        self.completer = completer
        self.storage = storage
        self.keepLoaded = keepLoaded
        // An entry an earlier version kept that it should not have is dropped (or cut) on
        // load, and the file is cleaned at the trim on leaving.
        let loaded = historyFile.map(HistoryFile.load(from:)) ?? []
        let entries = HistoryFile.normalized(loaded.compactMap(keepLoaded), limit: self.historySize)

        // Without H_SETSIZE libedit keeps no history at all.
        tp_el_history_set_size(handle, Int32(clamping: self.historySize))
        tp_el_history_set_unique(handle, 1)
        for entry in entries { tp_el_history_enter(handle, entry) }

        // libedit calls back through a C function pointer, which cannot
        // capture anything, so the closure below is a non-capturing
        // trampoline and the reader travels as the opaque context pointer.
        // This avoids a global "current reader" (and nonisolated(unsafe)).
        // Unretained is safe: the reader owns the handle and closes it in deinit.
        let context = Unmanaged.passUnretained(self).toOpaque()
        tp_el_add_completion(handle, "tp-complete", "Complete the current word", { context in
            guard let context else { return UInt8(TP_CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(context).takeUnretainedValue().complete()
        }, context)
        tp_el_bind(handle, "^I", "tp-complete")
        tp_el_bind(handle, "^R", "em-inc-search-prev")
        // Last, so the user's own bindings win.
        tp_el_source_editrc(handle)
    }

    deinit {
        tp_el_close(handle)
    }

    public func readLine(prompt: String) -> LineReadResult {
        var wide = prompt.unicodeScalars.map { wchar_t(truncatingIfNeeded: $0.value) }
        wide.append(0)
        tp_el_set_prompt(handle, wide)
        var length: Int32 = 0
        var status = TP_READ_EOF
        let buffer = tp_el_read_line(handle, &length, &status)
        switch status {
        case TP_READ_LINE:
            guard let buffer else { return .line("") }
            return .line(Self.string(buffer, count: Int(length)))
        case TP_READ_INTERRUPTED:
            tp_el_write(handle, "^C\n")
            return .interrupted
        default:
            // End of input, or TP_READ_ENDED (a SIGHUP or SIGTERM: the caller asks
            // `Interrupt.endingSignal`). The cursor stays after the prompt; the caller ends that line.
            return .endOfInput
        }
    }

    /// Trailing blanks are dropped (Tab completion leaves one), so "help"
    /// and "help " are one entry. The line goes to the file at once, in one append.
    public func addHistory(_ line: String) {
        var line = line
        while line.last == " " || line.last == "\t" { line.removeLast() }
        guard HistoryFile.isStorable(line), line.utf8.count <= HistoryFile.maxLineBytes else { return }
        tp_el_history_enter(handle, line)
        guard let historyFile, historySize > 0 else { return }
        do {
            try storage.append(line + "\n", historyFile)
        } catch {
            tell("tourpass: the history is not kept: \(error)")
        }
    }

    /// Trims the file to the newest `historySize` entries, re-reading it under the lock
    /// appends take, so lines another REPL appended stay.
    public func saveHistory() {
        guard let historyFile else { return }
        let limit = historySize
        let keep = keepLoaded
        do {
            try storage.rewrite(historyFile) { path in
                HistoryFile.text(HistoryFile.load(from: path).compactMap(keep), limit: limit)
            }
        } catch {
            tell("tourpass: cannot save history: \(error)")
        }
    }

    private func tell(_ text: String) {
        guard !toldHistoryProblem else { return }
        toldHistoryProblem = true
        let message = text + "\n"
        _ = message.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }

    /// Runs inside el_wgets when Tab is pressed; returns a libedit CC_* code.
    private func complete() -> UInt8 {
        var cursor: Int32 = 0
        var length: Int32 = 0
        guard let buffer = tp_el_line(handle, &cursor, &length) else { return UInt8(TP_CC_ERROR) }
        let before = Self.string(buffer, count: Int(cursor))
        let completion = LineCompletion(textBeforeCursor: before, candidates: completer(before))
        switch completion.action {
        case .none:
            return UInt8(TP_CC_ERROR) // beeps
        case let .edit(deleting, inserting):
            if deleting > 0 { tp_el_delete_before_cursor(handle, Int32(clamping: deleting)) }
            var wide = inserting.unicodeScalars.map { wchar_t(truncatingIfNeeded: $0.value) }
            wide.append(0)
            let inserted = tp_el_insert(handle, wide) == 0
            return UInt8(inserted ? TP_CC_REFRESH : TP_CC_REFRESH_BEEP)
        case let .list(candidates):
            let width = Int(tp_el_columns(handle))
            tp_el_write(handle, "\n" + LineCompletion.layout(candidates, width: width))
            return UInt8(TP_CC_REDISPLAY) // prompt and line again below the list
        }
    }

    private static func string(_ buffer: UnsafePointer<wchar_t>, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for unit in UnsafeBufferPointer(start: buffer, count: max(0, count)) {
            if let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: unit)) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
