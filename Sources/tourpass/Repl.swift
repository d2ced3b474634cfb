import Foundation
import LineEditor
import WalletScript

/// The interactive loop: a line editor in front of the Console.
enum Repl {
    /// Leaving never loses work: the session is kept as a scenario beside the history file,
    /// and the one kept before it moves to `tourpass-last-session.1.scn`. A session that
    /// changed nothing (only looked: `now`, `balance`) replaces neither.
    static func keepSession(_ console: Console, out: Style) {
        guard console.hasTranscript, let path = keptSessionPath() else { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let previous = folder.appendingPathComponent("tourpass-last-session.1.scn").path
        let hadOne = isRegularFile(path)
        guard console.changedWorld else {
            if hadOne { print(out.cyan("nothing changed this session: the kept session in \(Printable.escaped(path)) is as it was")) }
            return
        }
        // A rename keeps the earlier file whole (and private); only a regular file moves.
        let rotated = hadOne && rename(path, previous) == 0
        do {
            try console.writeSession(to: path, privateFile: true, makeFolders: true)
            print(out.cyan("session kept in \(Printable.escaped(path)) (:load it to go on)"))
            if rotated { print(out.cyan("the session before it is in \(Printable.escaped(previous))")) }
        } catch {
            // Say so: the README promises no work is lost to a forgotten :save.
            Terminal.printError("tourpass: the session was not kept: \(error) (use :save next time)"
                                + (rotated ? "; the session before it is in \(Printable.escaped(previous))" : ""))
        }
    }

    /// Where leaving keeps the session: beside the history file (nil without a home).
    static func keptSessionPath() -> String? {
        HistoryFile.defaultPath().map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("tourpass-last-session.scn").path }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Runs `body` with the terminal's echo off: keys typed while a command runs (a long
    /// `:reach`) would otherwise be echoed into its output, a payment password in clear;
    /// they stay queued and the line editor shows them at the next prompt.
    static func withoutEcho<T>(_ body: () -> T) -> T {
        var saved = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else { return body() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        return body()
    }

    /// A search's states are freed when it ends, but malloc keeps the pages for reuse: hand
    /// them back, so a long `:reach` does not leave the REPL holding a gigabyte.
    static func releaseFreedMemory() {
        Interrupt.releaseFreedMemory()
    }

    /// Holds the console so the completion callback can see the current world.
    final class Box { var console = Console(inputName: "<repl>") }

    static func start() {
        let box = Box()
        let out = Terminal.style(for: STDOUT_FILENO)
        let reader: LineReading = EditLineReader(
            programName: "tourpass",
            historyFile: HistoryFile.defaultPath(),
            historySize: 1_000,
            storage: HistoryStorage(
                append: { text, path in try SafeFile.append(text, to: path, makeFolders: true) },
                rewrite: { path, make in try SafeFile.rewrite(path, makeFolders: true, make) }),
            completer: { text in Completion.candidates(for: text, session: box.console.session) },
            keepLoaded: Console.historyEntry
        ) ?? PlainLineReader()
        print("TourPass Lab: Alipay's international version, simulated. `help` lists the commands, Tab completes, :quit leaves.")
        // Ctrl-C while a command runs must not end the session; while a line is being read
        // the line editor turns it into "abandon the line".
        signal(SIGINT, SIG_IGN)
        // Closing the terminal or a `kill` keeps the session and history as Ctrl-D does;
        // the writing happens here, in the loop, never in a signal handler.
        Interrupt.catchEndingSignals()
        let meter = SearchMeter()
        box.console.searchHooks = SearchHooks(progress: meter.show, shouldStop: { Interrupt.pending }, loadProgress: meter.showLoad,
                                              stoppedBy: { Interrupt.cause.map(stopName) ?? "Ctrl-C" })
        var toldHistoryLeftOut = false
        // Said truthfully: the kept session (which replays) holds every line as typed.
        let historyNote = "(not kept in the history: a line that may hold a payment password or a card number; "
            + (keptSessionPath().map { "the session kept on leaving, \(Printable.escaped($0)), private to you, keeps it as typed so it replays; " } ?? "")
            + "said once)"
        func leave() {
            reader.saveHistory()
            keepSession(box.console, out: out)
            if let signal = Interrupt.endingSignal {
                // The conventional status of a process ended by that signal (129 for SIGHUP).
                StandardOutput.flush()
                exit(128 + signal)
            }
        }
        while true {
            if let signal = Interrupt.endingSignal {
                print("")
                print(out.cyan("ended by \(signalName(signal)): keeping the session"))
                return leave()
            }
            switch reader.readLine(prompt: box.console.prompt) {
            case .endOfInput:
                // A signal is said at the top of the loop.
                if Interrupt.endingSignal != nil { continue }
                print("")
                return leave()
            case .interrupted:
                continue
            case .line(let line):
                // A line the lexer refuses for its length is not kept: recalled, it fails again.
                if !line.allSatisfy(\.isWhitespace), line.utf8.count <= Lexer.maxLineBytes {
                    if let entry = Console.historyEntry(line) {
                        reader.addHistory(entry)
                    } else if !toldHistoryLeftOut {
                        // Once a session, quietly: arrow-up will not bring this line back.
                        toldHistoryLeftOut = true
                        print(out.cyan(historyNote))
                    }
                }
                let response = withoutEcho { Interrupt.watch { box.console.handle(line) } }
                if meter.clear() { releaseFreedMemory() }
                if let diagnostic = response.diagnostic {
                    print(out.red("error: \(diagnostic.message)"))
                    print(diagnostic.caret(under: Console.redacted(line)))
                }
                for (index, output) in response.lines.enumerated() {
                    print(out.line(output))
                    // An `expect` that `:reach … apply` ran, ticked as a typed one is.
                    if response.heldAssertions.contains(index) { print(out.green("✓ holds")) }
                }
                for error in response.errors { print(out.red(error)) }
                // A passing assertion prints nothing in a scenario; here it deserves a tick.
                if let outcome = response.outcome, outcome.output.isEmpty, outcome.failedAssertion == nil,
                   line.drop(while: \.isWhitespace).hasPrefix("expect") {
                    print(out.green("✓ holds"))
                }
                if response.quit { return leave() }
            }
        }
    }

    /// What stopped a running command, for its message: `Ctrl-C` or the signal's name.
    static func stopName(_ signal: Int32) -> String {
        signal == SIGINT ? "Ctrl-C" : signalName(signal)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGHUP: return "SIGHUP (the terminal closed)"
        case SIGTERM: return "SIGTERM"
        case SIGQUIT: return "SIGQUIT"
        default: return "signal \(signal)"
        }
    }
}

/// A long search's or `:load`'s progress on a terminal's standard error, once a second
/// after the first, rewritten in place and cleared when it ends.
final class SearchMeter {
    private let enabled = Terminal.takesEscapes(STDERR_FILENO)
    private var shownAt = 0.0
    private var used = false
    private var shown = false
    private var loadStart: ContinuousClock.Instant? = nil

    func showLoad(_ done: Int, _ total: Int) {
        let now = ContinuousClock.now
        let start = loadStart ?? now
        loadStart = start
        let seconds = (now - start) / .seconds(1)
        guard enabled, seconds >= 1, seconds - shownAt >= 1 else { return }
        shownAt = seconds
        let line = "  loading: \(ExploreReport.grouped(done)) of \(ExploreReport.grouped(total)) lines, \(Int(seconds)) s (Ctrl-C stops)"
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        shown = true
    }

    func show(_ p: SearchProgress) {
        used = true
        guard enabled, p.seconds >= 1, p.seconds - shownAt >= 1 else { return }
        shownAt = p.seconds
        let line = "  searching: \(ExploreReport.grouped(p.states)) states, depth \(p.depth), \(Int(p.seconds)) s (Ctrl-C stops)"
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        shown = true
    }

    /// Clears the line; true when a search ran since the last call.
    func clear() -> Bool {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        defer { used = false; shown = false; shownAt = 0; loadStart = nil }
        return used
    }
}
