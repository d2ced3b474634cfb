import Foundation
import Testing

/// Examples tables, `include`, `--policy` and `-i` through the built binary: exit codes,
/// test names and messages.
@Suite("authoring: examples, include, what-if, -i")
struct AuthoringEndToEndTests {
    static let bounds = """
        # tags: topup
        examples:
          amount  | code
          99.99   | topup.below_minimum
          2000.01 | topup.above_maximum
          2000.01 | topup.below_minimum

        user alice
        verify
        card visa
        topup <amount>
        expect error <code>

        """

    static let setup = "user alice\nverify\ncard visa\ntopup 500\nexpect balance 500\n"

    @Test("an examples table: a test a row, named PATH[column=value], rows sharing a value numbered")
    func examplesRows() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("s/bounds.scn", Self.bounds)
        let run = try Tourpass.run(["run", "-j", "2", "--junit", dir.file("r.xml"), dir.file("s")])
        #expect(run.status == 1)
        let base = dir.file("s/bounds.scn")
        #expect(run.outLines.prefix(3) == ["PASS \(base)[amount=99.99]", "PASS \(base)[amount=2000.01#2]", "FAIL \(base)[amount=2000.01#3]"])
        #expect(run.out.contains("\(base):12:1: expect error topup.below_minimum\n  examples row amount=2000.01#3\n  expected error topup.below_minimum, got topup.above_maximum"))
        #expect(run.out.hasSuffix("2 passed, 1 failed\n"))
        let junit = dir.read("r.xml") ?? ""
        #expect(junit.contains("name=\"bounds.scn[amount=2000.01#2]\""))

        let list = try Tourpass.run(["run", "--list", "--filter", "amount=2000", dir.file("s")])
        #expect(list.status == 0)
        #expect(list.outLines == ["\(base)[amount=2000.01#2]", "\(base)[amount=2000.01#3]", ""])
        let one = try Tourpass.run(["run", "--filter", "bounds.scn[[]amount=99.99]", dir.file("s")])
        #expect(one.status == 0, "\(one.out)")
        #expect(one.out.hasSuffix("1 passed, 0 failed\n"))
        let excluded = try Tourpass.run(["run", "--exclude", "#3", "--tags", "topup", dir.file("s")])
        #expect(excluded.status == 0)
    }

    @Test("a broken table, an unknown placeholder or recorded output: exit 2 with file:line:column")
    func examplesProblems() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("t.scn", "examples:\n  amount | code\n  100\n\nuser a\ntopup <amont>\n| recorded\n")
        let run = try Tourpass.run(["run", path])
        #expect(run.status == 2)
        #expect(run.out.contains("\(path):3:6: error: this row has 1 cell, the table has 2 columns (amount, code)"))
        #expect(run.out.contains("\(path):6:7: error: unknown placeholder <amont> (the examples table has <amount>, <code>)"))
        #expect(run.out.contains("\(path):7:1: error: a file with an examples table holds assertions, not recorded output (remove the `|` lines)"))
    }

    @Test("--update leaves a file with an examples table untouched and says so")
    func examplesUpdate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("bounds.scn", Self.bounds.replacingOccurrences(of: "  2000.01 | topup.below_minimum\n", with: ""))
        let before = dir.read("bounds.scn")
        let run = try Tourpass.run(["run", "--update", path])
        #expect(run.status == 0)
        #expect(dir.read("bounds.scn") == before)
        #expect(run.out.contains("left as it is: \(path) has an examples table (it holds assertions, not recorded output)"))
        #expect(!run.out.contains("updated "))
    }

    @Test("include: shared setup runs; a failure inside names its own file:line and the includer")
    func includeRuns() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("s/_setup.scn", Self.setup)
        try dir.write("s/_broke.scn", "# a domestic-only code refuses\npay 20 qr:domestic\n")
        try dir.write("s/ok.scn", "include _setup.scn\npay 38.50 qr:cross\nexpect balance 461.50\n")
        try dir.write("s/fails.scn", "include \"_setup.scn\"\ninclude _broke.scn\n")
        let run = try Tourpass.run(["run", dir.file("s")])
        #expect(run.status == 1)
        #expect(run.outLines.prefix(2) == ["FAIL \(dir.file("s/fails.scn"))", "PASS \(dir.file("s/ok.scn"))"], "include-only files are not walked")
        #expect(run.out.contains("\(dir.file("s/_broke.scn")):2:1: pay 20 qr:domestic\n  included from \(dir.file("s/fails.scn")):2\n  failed with pay.domestic_qr"))
        let named = try Tourpass.run(["run", dir.file("s/_setup.scn")])
        #expect(named.status == 0)
        #expect(named.out.contains("PASS \(dir.file("s/_setup.scn"))"))
    }

    @Test("include: a missing file or a cycle is exit 2 naming the chain of file:line")
    func includeProblems() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let missing = try dir.write("missing.scn", "user a\n  include   _nope.scn\n")
        let a = try dir.write("a.scn", "include sub/_b.scn\n")
        let b = try dir.write("sub/_b.scn", "now\ninclude ../a.scn\n")
        let run = try Tourpass.run(["run", missing, a])
        #expect(run.status == 2)
        #expect(run.out.contains("\(missing):2:13: error: cannot include \(dir.file("_nope.scn")): No such file or directory"))
        #expect(run.out.contains("\(b):2:9: error: include cycle: \(a):1 → \(b):2 → \(dir.file("sub/../a.scn")), which is already running"))
    }

    @Test("piped include is relative to the working directory; its failures set the exit status")
    func pipedInclude() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.setup + "expect balance 1\n")
        let run = try Tourpass.run([], stdin: "include _setup.scn\nbalance\n", directory: dir.path)
        #expect(run.status == 1)
        #expect(run.out.contains("> topup 500\n"))
        #expect(run.out.contains("included 6 lines from _setup.scn (1 expect failed)\nTourPass CNY 500.00"))
        #expect(run.err.contains("_setup.scn:6: error: expect failed (included from <stdin>:1)"))
        let missing = try Tourpass.run([], stdin: "include nope.scn\n", directory: dir.path)
        #expect(missing.status == 2)
        #expect(missing.err.contains("<stdin>:1:9: error: cannot include nope.scn: No such file or directory"))
    }

    @Test("--policy: every world starts with the values; failures show the outcomes they alter")
    func whatIf() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("fee.scn", """
            user alice
            verify
            card visa
            topup 500
            | topped up CNY 500.00 from visa ••1111: charged CNY 525.00 (about US$75.29) including a CNY 25.00 fee
            | TourPass opened, valid until 2026-04-01 00:00
            | TourPass balance CNY 500.00
            expect fees 25

            """)
        #expect(try Tourpass.run(["run", path]).status == 0)
        let run = try Tourpass.run(["run", "--policy", "topup.fee=3%", "--policy", "pass.days=30", path])
        #expect(run.status == 1)
        #expect(run.outLines.first == "what-if run with topup.fee=3%, pass.days=30: each failure below is a recorded outcome this change alters")
        #expect(run.out.contains("""
            \(path):4:1: topup 500
              --- recorded
              +++ with topup.fee=3%, pass.days=30
              @@ -1,3 +1,3 @@
              -topped up CNY 500.00 from visa ••1111: charged CNY 525.00 (about US$75.29) including a CNY 25.00 fee
              -TourPass opened, valid until 2026-04-01 00:00
              +topped up CNY 500.00 from visa ••1111: charged CNY 515.00 (about US$73.85) including a CNY 15.00 fee
              +TourPass opened, valid until 2026-01-31 00:00
               TourPass balance CNY 500.00
            \(path):8:1: expect fees 25
              fees paid is CNY 15.00, expected CNY 25.00
            """))
        // Applied together: the minimum may pass the default maximum when the maximum rises too.
        #expect(try Tourpass.run(["run", "--policy", "topup.min=3000", "--policy", "topup.max=5000", path]).status == 1)
    }

    @Test("the suite's own what-if file and authoring folder: pass as recorded, fail exactly where a policy alters them")
    func suiteFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/authoring").path
        let plain = try Tourpass.run(["run", folder])
        #expect(plain.status == 0, "\(plain.out)")
        #expect(plain.out.contains("PASS \(folder)/topup-bounds.scn[amount=99.99]"))
        #expect(!plain.out.contains("_verified-visa.scn"))
        let file = folder + "/what-if-fee.scn"
        let whatIf = try Tourpass.run(["run", "--policy", "pass.days=30", file])
        #expect(whatIf.status == 1)
        let failing = whatIf.outLines.filter { $0.hasPrefix(file + ":") }
        #expect(failing == ["\(file):13:1: topup 500", "\(file):19:1: advance 31d", "\(file):22:1: status"])
        #expect(whatIf.out.contains("  +2026-01-31 00:00  TourPass of alice expired; refunded CNY 461.50 to visa ••1111"))
    }

    @Test("--policy problems are usage errors (exit 2) naming each one")
    func whatIfUsage() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("a.scn", "now\n")
        let many = try Tourpass.run(["run", "--policy", "topup.fees=3%", "--policy", "pass.days=0", "--policy", "nonsense", path])
        #expect(many.status == 2)
        #expect(many.out.isEmpty)
        #expect(many.err.contains("--policy nonsense: expected KEY=VALUE, such as --policy topup.fee=3%"))
        #expect(many.err.contains("--policy: no policy key 'topup.fees'; did you mean 'topup.fee'?"))
        #expect(many.err.contains("--policy: pass.days: expected a number of days from 1 to 36500"))
        let conflict = try Tourpass.run(["run", "--policy", "topup.min=3000", path])
        #expect(conflict.status == 2)
        #expect(conflict.err.contains("--policy: topup.min 3000.00 would be above topup.max 2000.00: no top-up amount would be valid"))
        let twice = try Tourpass.run(["run", "--policy", "topup.fee=3%", "--policy", "topup.fee=4%", path])
        #expect(twice.err.contains("--policy: topup.fee is given twice (3% and 4%)") && twice.status == 2)
        let update = try Tourpass.run(["run", "--update", "--policy", "topup.fee=3%", path])
        #expect(update.status == 2 && update.err.contains("--policy is a what-if run: it never rewrites recorded output"))
    }

    static let stale = """
        user alice
        | alice signed up with 44-7700900001 (international version)
        | SMS code 0000 sent to 44-7700900001 and entered
        verify
        | alice verified: passport P0000001 (GB, expires 2036-01-01), name NOBODY
        card visa
        | linked visa ••1111 (ALICE, expires 01/31)
        | payment password set

        """

    static func environment(_ dir: TemporaryDirectory) -> [String: String] {
        ["TERM": "xterm", "HOME": dir.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    @Test("-i on a terminal: each hunk in colour, then accept, skip, accept all; written atomically")
    func interactiveAccept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = try dir.write("a.scn", Self.stale)
        let b = try dir.write("b.scn", Self.stale)
        let term = try PseudoTerminal(arguments: ["run", "-i", "-j", "1", a, b], environment: Self.environment(dir), columns: 120, rows: 60)
        defer { term.close() }
        let question = "accept this change? [y]es, [n]o, [a]ll, [q]uit:"
        var shown = try term.waitFor(question, since: 0)
        #expect(shown.contains("\(a):1: user alice"))
        #expect(shown.contains("-| SMS code 0000 sent to 44-7700900001 and entered"))
        #expect(shown.contains("+| SMS code 6844 sent to 44-7700900001 and entered"))
        #expect(String(decoding: term.raw, as: UTF8.self).contains("\u{1B}[31m-| SMS code 0000"), "red on a terminal")
        var row = term.mark
        try term.type("y\r")
        shown = try term.waitFor(question, since: row + 1)
        #expect(shown.contains("\(a):4: verify"))
        row = term.mark
        try term.type("what\r")
        try term.waitFor("answer y (accept), n (skip), a (accept this and all the rest) or q (quit)", since: row)
        row = term.mark
        try term.type("n\r")
        shown = try term.waitFor(question, since: row + 1)
        #expect(shown.contains("\(b):1: user alice"))
        try term.type("a\r")
        let status = try term.waitForExit()
        #expect(status == 1, "a.scn still differs where the change was skipped\n\(term.screenDump)")
        #expect(term.screen.text.contains("accepted 3 changes, skipped 1"))
        #expect(term.screen.text.contains("updated \(a)") && term.screen.text.contains("updated \(b)"))
        let fixed = Self.stale.replacingOccurrences(of: "code 0000", with: "code 6844")
        #expect(dir.read("a.scn") == fixed)
        #expect(dir.read("b.scn") == fixed.replacingOccurrences(of: "name NOBODY", with: "name ALICE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.scn", "b.scn"], "no temporary files left")
    }

    @Test("-i: quit at the first question writes nothing; end of input is quit")
    func interactiveQuit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = try dir.write("a.scn", Self.stale)
        let term = try PseudoTerminal(arguments: ["run", "-i", a], environment: Self.environment(dir).merging(["NO_COLOR": "1"]) { $1 })
        defer { term.close() }
        try term.waitFor("accept this change?", since: 0)
        #expect(!String(decoding: term.raw, as: UTF8.self).contains("\u{1B}[31m"), "NO_COLOR: no colour")
        try term.type("q\r")
        #expect(try term.waitForExit() == 1)
        #expect(dir.read("a.scn") == Self.stale)
        #expect(term.screen.text.contains("accepted 0 changes, skipped 2"))
        // Piped answers work too; at their end, the rest is skipped.
        let piped = try Tourpass.run(["run", "-i", a], stdin: "y\n")
        #expect(piped.status == 1)
        #expect(dir.read("a.scn") == Self.stale.replacingOccurrences(of: "code 0000", with: "code 6844"))
        #expect(piped.out.contains("accepted 1 change, skipped 1"))
    }
}
