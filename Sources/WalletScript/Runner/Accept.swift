/// `tourpass run -i`: each changed output block (a hunk) is shown and the user answers
/// accept, skip, accept all or quit, as cram's `-i`. Accepted hunks are written with the
/// one safe writer, then the file is run again; nothing here touches a terminal.
public enum Accept {
    public enum Answer: Sendable, Equatable {
        case accept, skip, all, quit

        /// `y`, `yes`, `n`, `no`, `a`, `all`, `q`, `quit` (any case); an empty line skips.
        public init?(_ text: String) {
            switch text.trimmingSpaces.lowercased() {
            case "y", "yes": self = .accept
            case "n", "no", "s", "skip", "": self = .skip
            case "a", "all": self = .all
            case "q", "quit": self = .quit
            default: return nil
            }
        }
    }

    public static let question = "accept this change? [y]es, [n]o, [a]ll, [q]uit: "

    /// Asks about every hunk of every file in order, writes what was accepted, and returns
    /// the suite with those files' results from their run after the write. `show` prints
    /// lines; `ask` prints the question and reads one answer (nil: end of input, as quit).
    public static func run(_ suite: SuiteResult, options: RunOptions, force: Bool, style: Style,
                           show: ([String]) -> Void, ask: (String) -> String?) -> SuiteResult {
        var suite = suite
        var acceptAll = false
        var quit = false
        var written = 0, skipped = 0
        for (name, rewrite) in suite.rewrites {
            guard !quit else { skipped += rewrite.edits.count; continue }
            var accepted = Set<Int>()
            var shift = 0
            for (index, edit) in rewrite.edits.enumerated() {
                if quit { skipped += 1; continue }
                if acceptAll { accepted.insert(index); continue }
                show(hunk(edit, in: rewrite, file: name.path, shift: shift, style: style))
                var answer: Answer? = nil
                while answer == nil {
                    guard let text = ask(question) else { answer = .quit; break }
                    answer = Answer(text)
                    if answer == nil { show(["answer y (accept), n (skip), a (accept this and all the rest) or q (quit)"]) }
                }
                switch answer ?? .quit {
                case .accept: accepted.insert(index)
                case .skip: skipped += 1
                case .all: acceptAll = true; accepted.insert(index)
                case .quit: quit = true; skipped += 1
                }
                if accepted.contains(index) { shift += edit.new.count - edit.old.count }
            }
            guard !accepted.isEmpty else { continue }
            written += accepted.count
            switch Suite.write(name, rewrite.applying(accepted.contains), options: options, force: force) {
            case .success(let result):
                suite.replace(result)
                suite.updatedFiles.append(name.path)
            case .failure(let problem):
                suite.writeErrors.append(problem.description)
            }
        }
        suite.rewrites = []
        show(["accepted \(written) change\(written == 1 ? "" : "s"), skipped \(skipped)"])
        return suite
    }

    /// One hunk as the file would change: the command line as context, then the recorded
    /// lines removed and the fresh ones added, with the file's line numbers.
    static func hunk(_ edit: OutputEdit, in rewrite: Rewrite, file: String, shift: Int, style: Style) -> [String] {
        let start = rewrite.original[..<edit.range.lowerBound].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        var lines = [style.bold("\(file):\(edit.line): \(Console.redacted(edit.source))")]
        lines.append(style.cyan("@@ -\(start),\(edit.old.count) +\(start + shift),\(edit.new.count) @@"))
        lines.append(" " + Console.redacted(edit.source))
        lines += Diff.rendered(Diff.script(edit.old, edit.new)[...]) { op in
            let text = op.text.isEmpty ? "|" : "| " + op.text
            switch op.kind {
            case .same: return " " + text
            case .delete: return style.red("-" + text)
            case .insert: return style.green("+" + text)
            }
        }
        return lines
    }
}

extension SuiteResult {
    /// Puts a file's result from its run after a write in place of the one before.
    mutating func replace(_ result: ScenarioResult) {
        guard let index = results.firstIndex(where: { $0.name == result.name }) else { return }
        var result = result
        result.duration = results[index].duration
        results[index] = result
    }
}

extension String {
    var trimmingSpaces: Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
