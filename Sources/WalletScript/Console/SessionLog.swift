/// What the REPL keeps for `:save` and `:undo`, in memory that grows linearly with the
/// lines typed: the log of every change, and a few sessions (checkpoints) along it.
/// `:undo` restores the nearest checkpoint before the undo point and replays the log from
/// there without output. Keeping a whole world per line instead made 10,000 pasted lines
/// take 6.5 GB (each copy shares storage until the next change copies it).
struct SessionLog {
    enum Change {
        case run(AnyCommand)
        case reset
    }

    /// A line `:save` writes, with its output.
    struct Kept {
        var source: String
        var output: [String]
    }

    private struct Entry {
        /// Nil for a comment: kept for `:save`, no change to the session.
        var change: Change?
        var kept: Kept?
    }

    private var entries: [Entry] = []
    /// The log length before each undoable line, that line, and how many lines that only
    /// looked (queries, `why`, assertions, comments) were typed after it.
    private var undoPoints: [(count: Int, source: String, looksAfter: Int)] = []
    /// The session after the first `count` entries, at multiples of `spacing`. When there
    /// are more than `maxCheckpoints`, every other one goes and the spacing doubles, so
    /// they cost at most a few worlds and an undo replays at most `spacing` lines.
    private var checkpoints: [(count: Int, session: Session)] = []
    private var spacing = 256
    static let maxCheckpoints = 8
    /// The first entry after the last `:reset`: `:save` writes from there.
    private var transcriptStart = 0

    mutating func markUndoPoint(_ source: String) {
        undoPoints.append((entries.count, source, 0))
    }

    /// Takes back the last undo point when nothing came after it (a `:load` stopped by
    /// Ctrl-C before its first line): `:undo` must not spend itself on nothing.
    mutating func dropUndoPointIfEmpty() {
        if let last = undoPoints.last, last.count == entries.count { undoPoints.removeLast() }
    }

    /// A typed line that changed nothing was kept after the last undo point: undoing that
    /// point takes it too (its output would no longer be true).
    mutating func noteLookAfterUndoPoint() {
        guard !undoPoints.isEmpty else { return }
        undoPoints[undoPoints.count - 1].looksAfter += 1
    }

    /// Records a change (or a comment); `session` is the session after it.
    mutating func append(_ change: Change?, kept: Kept?, session: Session) {
        entries.append(Entry(change: change, kept: kept))
        if case .reset = change { transcriptStart = entries.count }
        if entries.count - (checkpoints.last?.count ?? 0) >= spacing {
            checkpoints.append((entries.count, session))
            if checkpoints.count > Self.maxCheckpoints {
                spacing *= 2
                checkpoints.removeAll { $0.count % spacing != 0 }
            }
        }
    }

    /// The lines `:save` writes, oldest first.
    var transcript: [Kept] {
        entries[transcriptStart...].compactMap(\.kept)
    }

    /// Whether `:save` would write anything.
    var hasTranscript: Bool {
        entries[transcriptStart...].contains { $0.kept != nil }
    }

    /// Failed assertions since the last `:reset`: shown when typed, left out of `:save`.
    var failedAssertionsLeftOut: Int {
        entries[transcriptStart...].filter { entry in
            guard entry.kept == nil, case .run(let command)? = entry.change else { return false }
            return command.isAssertion
        }.count
    }

    /// Whether a line since the last `:reset` changed something (a failed attempt too).
    var changedWorld: Bool {
        entries[transcriptStart...].contains { entry in
            guard entry.kept != nil, case .run(let command)? = entry.change else { return false }
            return !command.isAssertion && !command.onlyLooks
        }
    }

    /// Steps back to before the last undo point, rebuilding `session`; the line undone and
    /// how many kept lines typed after it went with it, or nil when there is nothing to undo.
    mutating func undo(into session: inout Session) -> (source: String, looksAfter: Int)? {
        undo(steps: 1, into: &session).first
    }

    /// Steps back over the last `steps` undo points (all there are, if fewer), rebuilding
    /// `session` once: the lines undone, the last typed first (empty: nothing to undo).
    mutating func undo(steps: Int, into session: inout Session) -> [(source: String, looksAfter: Int)] {
        var undone: [(source: String, looksAfter: Int)] = []
        var cut = entries.count
        while undone.count < steps, let point = undoPoints.popLast() {
            undone.append((point.source, point.looksAfter))
            cut = point.count
        }
        guard !undone.isEmpty else { return [] }
        entries.removeSubrange(cut...)
        while let last = checkpoints.last, last.count > cut { checkpoints.removeLast() }
        var rebuilt = checkpoints.last?.session ?? Session()
        for entry in entries[(checkpoints.last?.count ?? 0)...] {
            switch entry.change {
            case .run(let command)?: _ = rebuilt.run(command)
            case .reset?: rebuilt = Session()
            case nil: break
            }
        }
        session = rebuilt
        let lastReset = entries.lastIndex { if case .reset? = $0.change { true } else { false } }
        transcriptStart = lastReset.map { $0 + 1 } ?? 0
        return undone
    }
}
