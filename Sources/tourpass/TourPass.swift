import ArgumentParser
import Foundation
import WalletScript

@main
struct TourPass: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tourpass",
        abstract: "Try Alipay's international version (TourPass) without a phone, a bank or a calendar.",
        discussion: "With no subcommand: a REPL on a terminal; with piped input, runs the lines and prints their output (exit 1 if an expect failed or a failed command was not expected, 2 if a line did not parse).",
        version: "0.1.0",
        subcommands: [Run.self, Report.self, Bench.self, Explore.self, Rules.self, Coverage.self]
    )

    func run() throws {
        if Terminal.isInteractive {
            Repl.start()
        } else {
            throw ExitCode(Piped.run())
        }
    }

    /// Bad usage exits 2, as the language contract says (not ArgumentParser's 64). Output
    /// that could not be written (`> /dev/full`) is said once on standard error, exit 2.
    static func main() {
        var status: Int32 = 0
        do {
            var command = try parseAsRoot(Run.normalizing(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .validationFailure {
                Terminal.printError(message)
                status = 2
            } else {
                // What ArgumentParser's exit(withError:) does, but returning here.
                if !message.isEmpty {
                    if code == .success { print(message) } else { Terminal.printError(message) }
                }
                status = code.rawValue
            }
        }
        if let failure = StandardOutput.failure() {
            Terminal.printError("tourpass: cannot write standard output: \(failure)")
            status = 2
        }
        Foundation.exit(status)
    }
}

enum Terminal {
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal that takes escapes, never with NO_COLOR (`--color auto`;
    /// `always` colours whatever these say).
    static func style(for descriptor: Int32) -> Style {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Style(colour: takesEscapes(descriptor) && !noColor)
    }

    /// A terminal, but not `TERM=dumb` (Emacs' shell, some CI consoles): it shows escapes as
    /// text, so neither colour nor a progress line rewritten in place goes there.
    static func takesEscapes(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Ends the command with exit 2, before anything runs, when `refusal`
    /// (`ReportTarget.refusal`) says a report or output file must not be written there.
    static func stop(onRefusal refusal: String?) throws {
        guard let refusal else { return }
        printError("error: " + refusal)
        throw ExitCode(2)
    }

    /// Standard output is flushed first, so both streams read in order where they meet.
    static func printError(_ text: String) {
        StandardOutput.flush()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Piped standard input through the interpreter, read in bounded chunks: a line over the
/// limit is reported as soon as it passes it and the rest of it is skipped; a failed read
/// is an error (exit 2), never the end of input.
enum Piped {
    static func run() -> Int32 {
        var run = PipedRun(inputName: "<stdin>")
        let style = Terminal.style(for: STDOUT_FILENO)
        let failure = LineReader.forEachLine(descriptor: STDIN_FILENO) { event in
            let printed: PipedRun.Printed
            switch event {
            // The first bytes past the limit are enough for the lexer to name the problem.
            case .line(let line), .tooLong(let line): printed = run.feed(line)
            }
            for text in printed.before { Terminal.printError(text) }
            for output in printed.out { print(style.line(output)) }
            for text in printed.err { Terminal.printError(text) }
            return !printed.quit
        }
        let (err, code) = run.finish()
        for text in err { Terminal.printError(text) }
        if let failure {
            Terminal.printError("<stdin>:\(failure.line): error: cannot read standard input: \(failure.message)")
            return 2
        }
        return code
    }
}
