import Foundation
import Testing

/// A malformed `--filter`/`--exclude` glob is bad usage said as such; a bad `# tags:` line
/// is pointed at the bad tag, and `--list` reports it (exit 2) as the run would.
@Suite struct BadGlobAndTagLineTests {
    @Test("a '[' that never closes, or a trailing '\\\\', is an invalid glob: exit 2, saying so, before running")
    func malformedGlob() throws {
        let dir = try CIRunTests.suiteFolder()
        defer { dir.remove() }
        for (flag, pattern, message) in [
            ("--filter", "cards/[a", "--filter cards/[a: not a valid glob: the '[' at character 7 opens a class that never closes with ']'"),
            ("--exclude", "t[!1", "--exclude t[!1: not a valid glob: the '[' at character 2 opens"),
            ("--filter", "cards\\", "--filter cards\\: not a valid glob: it ends with a '\\' that escapes nothing"),
        ] {
            let result = try Tourpass.run(["run", flag, pattern, "s"], directory: dir.path)
            #expect(result.status == 2)
            #expect(result.err.contains("Error: " + message), "\(result.err)")
            #expect(!result.err.contains("no scenario files found"), "\(result.err)")
            #expect(result.out.isEmpty)
        }
        // Closed classes still work, `]` first in a class included.
        let fine = try Tourpass.run(["run", "--list", "--filter", "cards/t[]0-1].scn", "s"], directory: dir.path)
        #expect(fine.status == 0 && fine.out == "s/cards/t0.scn\ns/cards/t1.scn\n", "\(fine.out)\(fine.err)")
    }

    @Test("a bad tag is pointed at by its column; --list --tags lists the file and reports it, exit 2, as the run does")
    func badTagLine() throws {
        let dir = try TemporaryDirectory("tourpass-tagline")
        defer { dir.remove() }
        try dir.write("s/a.scn", ScenarioFixtures.passing)
        try dir.write("s/b.scn", "# tags: bad tag!, ok\n" + ScenarioFixtures.passing)
        let run = try Tourpass.run(["run", "s"], directory: dir.path)
        #expect(run.status == 2)
        #expect(run.out.contains("s/b.scn:1:13: error: a tag is letters, digits, '_', '.' or '-': tag!\n    # tags: bad tag!, ok\n                ^\n"), "\(run.out)")
        // Whatever the expression, a file whose tags cannot be read is taken, and said.
        for expression in ["bad", "ok", "not bad"] {
            let listed = try Tourpass.run(["run", "--list", "--tags", expression, "s"], directory: dir.path)
            #expect(listed.status == 2, "\(expression)")
            #expect(listed.out.contains("s/b.scn\n"), "\(expression): \(listed.out)")
            #expect(listed.err == "s/b.scn:1:13: error: a tag is letters, digits, '_', '.' or '-': tag!\n", "\(expression): \(listed.err)")
        }
        let plain = try Tourpass.run(["run", "--list", "s"], directory: dir.path)
        #expect(plain.status == 2 && plain.out == "s/a.scn\ns/b.scn\n", "\(plain.out)")
        // Left out by name, it is not reported.
        let other = try Tourpass.run(["run", "--list", "--filter", "a.scn", "s"], directory: dir.path)
        #expect(other.status == 0 && other.err.isEmpty, "\(other.err)")
    }
}
