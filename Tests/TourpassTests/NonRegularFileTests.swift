import Foundation
import Testing

/// A FIFO, socket or device named or found as a scenario, an include or a `:load` is refused
/// at once with what it is, never opened for a blocking read (fix-c, tester's item 2).
@Suite struct NonRegularFileTests {
    static func folderWithFifo() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("tourpass-fifo")
        try dir.write("loop/ok.scn", ScenarioFixtures.passing)
        #expect(mkfifo(dir.file("loop/fifo.scn"), 0o644) == 0)
        return dir
    }

    @Test("run over a folder holding a FIFO: the other files run, the FIFO is a file that cannot be read (exit 2)")
    func fifoInFolder() throws {
        let dir = try Self.folderWithFifo()
        defer { dir.remove() }
        let result = try Tourpass.run(["run", "loop"], directory: dir.path, timeout: 20)
        #expect(result.status == 2)
        #expect(result.out.contains("loop/fifo.scn:1:1: error: cannot read the file: it is a FIFO, not a regular file"), "\(result.out)")
        #expect(result.out.contains("PASS loop/ok.scn"), "\(result.out)")
        // Listing reads each file's header (tags, examples): the FIFO is not waited on. It is
        // listed, and said, exit 2, as the run exits.
        let listed = try Tourpass.run(["run", "--list", "loop"], directory: dir.path, timeout: 20)
        #expect(listed.status == 2 && listed.out == "loop/fifo.scn\nloop/ok.scn\n", "\(listed.out) \(listed.err)")
        #expect(listed.err == "loop/fifo.scn:1:1: error: cannot read the file: it is a FIFO, not a regular file\n", "\(listed.err)")
    }

    @Test("a FIFO or a device named directly is refused, as is one given to report and coverage merge")
    func namedDirectly() throws {
        let dir = try Self.folderWithFifo()
        defer { dir.remove() }
        let fifo = try Tourpass.run(["run", "loop/fifo.scn"], directory: dir.path, timeout: 20)
        #expect(fifo.status == 2)
        #expect(fifo.out.contains("cannot read the file: it is a FIFO, not a regular file"), "\(fifo.out)")
        let device = try Tourpass.run(["run", "/dev/null"], directory: dir.path, timeout: 20)
        #expect(device.status == 2)
        #expect(device.out.contains("/dev/null:1:1: error: cannot read the file: it is a character device, not a regular file"), "\(device.out)")
        let report = try Tourpass.run(["report", "--html", "r.html", "loop"], directory: dir.path, timeout: 20)
        #expect(report.status == 2, "\(report.out) \(report.err)")
        let merge = try Tourpass.run(["coverage", "merge", "loop/fifo.scn"], directory: dir.path, timeout: 20)
        #expect(merge.status == 2)
        #expect(merge.err.contains("loop/fifo.scn: cannot read the file: it is a FIFO, not a regular file"), "\(merge.err)")
    }

    @Test("include of a FIFO, in a file and piped, and :load of one: an error naming it, at once")
    func includeAndLoad() throws {
        let dir = try Self.folderWithFifo()
        defer { dir.remove() }
        try dir.write("inc.scn", "user a\ninclude loop/fifo.scn\n")
        let file = try Tourpass.run(["run", "inc.scn"], directory: dir.path, timeout: 20)
        #expect(file.status == 2)
        #expect(file.out.contains("inc.scn:2:9: error: cannot include loop/fifo.scn: it is a FIFO, not a regular file"), "\(file.out)")
        let piped = try Tourpass.run([], stdin: "include loop/fifo.scn\n:load loop/fifo.scn\nuser a\n", directory: dir.path, timeout: 20)
        #expect(piped.status == 2)
        #expect(piped.err.contains("<stdin>:1:9: error: cannot include loop/fifo.scn: it is a FIFO, not a regular file"), "\(piped.err)")
        #expect(piped.err.contains("<stdin>:2: error: cannot read loop/fifo.scn: it is a FIFO, not a regular file"), "\(piped.err)")
        #expect(piped.out.contains("a signed up"), "the session goes on: \(piped.out)")
    }

    @Test("--junit onto a FIFO nothing reads and :save onto one are refused at once, never waited on")
    func writingToAFifo() throws {
        let dir = try Self.folderWithFifo()
        defer { dir.remove() }
        #expect(mkfifo(dir.file("jf.fifo"), 0o644) == 0)
        let junit = try Tourpass.run(["run", "--junit", "jf.fifo", "loop/ok.scn"], directory: dir.path, timeout: 20)
        #expect(junit.status == 2, "\(junit.out) \(junit.err)")
        #expect(junit.err.contains("cannot write jf.fifo: it is a FIFO and nothing is reading it"), "\(junit.err)")
        #expect(junit.out.contains("PASS loop/ok.scn"), "\(junit.out)")
        let fifo = dir.file("jf.fifo")
        let saved = try Self.repl(dir, [(":save \(fifo)", "bob"), ("user carol", "carol")])
        #expect(saved.contains(Self.squeezed("cannot write \(fifo): it is a FIFO and nothing is reading it")), "\(saved)")
        #expect(saved.contains("carolsignedup"), "the session goes on: \(saved)")
        // /dev/stdout, as the README shows, still works.
        let stdout = try Tourpass.run(["run", "--junit", "/dev/stdout", "loop/ok.scn"], directory: dir.path, timeout: 20)
        #expect(stdout.status == 0 && stdout.out.contains("<testsuites"), "\(stdout.out) \(stdout.err)")
    }

    /// The REPL on a terminal: `user bob`, then `lines` (a line, then the user its prompt
    /// shows); the screen without spaces or line breaks (a line wrapped at 80 loses its space).
    static func repl(_ dir: TemporaryDirectory, _ lines: [(String, String)]) throws -> String {
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter("user bob", prompt: "bob 2026-01-01 00:00> ")
        for (line, user) in lines { _ = try term.enter(line, prompt: "\(user) 2026-01-01 00:00> ") }
        return squeezed(term.screen.text)
    }

    static func squeezed(_ text: String) -> String { text.filter { $0 != " " && $0 != "\n" } }

    @Test(":save onto a read-only file does not offer the REPL a --force it does not have")
    func saveReadOnly() throws {
        let dir = try TemporaryDirectory("tourpass-ro")
        defer { dir.remove() }
        let path = try dir.write("ro.scn", "old\n")
        #expect(chmod(path, 0o444) == 0)
        let said = try Self.repl(dir, [(":save \(path)", "bob")])
        #expect(said.contains(Self.squeezed("cannot write \(path): the file is read-only (it is left as it is: write to another name)")), "\(said)")
        #expect(!said.contains("--force"), "\(said)")
        #expect(dir.read("ro.scn") == "old\n")
    }
}
