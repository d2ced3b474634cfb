import Foundation
import Testing

/// Output that reads in order, errors that are not swallowed, and `:load` that cannot hide a failure.
@Suite("output integrity")
struct OutputIntegrityTests {
    @Test("piped with 2>&1: diagnostics land between the lines they belong to")
    func orderedOutput() throws {
        let input = "user alice\ntopup 1.234\nbalance\nexpect balance 3\nnow\n"
        let result = try Shell.run("exec \"$0\" 2>&1", TourpassBinary.path, stdin: input)
        #expect(result.status == 2)
        let lines = result.outLines.filter { !$0.isEmpty }
        #expect(lines == [
            "alice signed up with 44-7700900001 (international version)",
            "SMS code 6844 sent to 44-7700900001 and entered",
            "<stdin>:2:7: error: amount has more than two decimals: 1.234",
            "TourPass CNY 0.00 (none)",
            "expect failed: the balance is CNY 0.00, expected CNY 3.00",
            "<stdin>:4: error: expect failed",
            "2026-01-01 00:00 (China Standard Time)",
        ], "\(result.out)")
    }

    @Test("piped with 2>&1: an unexcused failure is said as soon as a line ends its chance (a parse error too), before that line's output")
    func unexcusedFailureSaidAtOnce() throws {
        let input = "user alice\nverify\ntopup 100000000.00\nexpect balance 0\n# a note\n\nfrob\nfrob\npolicy topup.fee 100%\n"
        let result = try Shell.run("exec \"$0\" 2>&1", TourpassBinary.path, stdin: input)
        #expect(result.status == 2)
        let lines = result.outLines.filter { !$0.isEmpty }
        #expect(lines == [
            "alice signed up with 44-7700900001 (international version)",
            "SMS code 6844 sent to 44-7700900001 and entered",
            "alice verified: passport P0000001 (GB, expires 2036-01-01), name ALICE",
            "error card.none: no international bank card is linked: add a card first",
            "<stdin>:3: error: the command failed with card.none and no `expect error` follows",
            "<stdin>:7:1: error: unknown command 'frob'; type help for the list",
            "<stdin>:8:1: error: unknown command 'frob'; type help for the list",
            "topup.fee = 100% (was 5%)",
        ], "\(result.out)")
        // A meta-command ends the chance too, and is said before its own output.
        let meta = try Shell.run("exec \"$0\" 2>&1", TourpassBinary.path, stdin: "user alice\ntopup 100\n:help now\n")
        let metaLines = meta.outLines.filter { !$0.isEmpty }
        let said = try #require(metaLines.firstIndex { $0.hasPrefix("<stdin>:2: error: the command failed with") }, "\(meta.out)")
        #expect(said == 3 && metaLines.count > 4, "\(meta.out)")
    }

    @Test("> /dev/full: run, piped input and --help say so once and exit 2", arguments: [
        "exec \"$0\" run \"$1\" > /dev/full",
        "echo 'user alice' | exec \"$0\" > /dev/full",
        "exec \"$0\" --help > /dev/full",
    ])
    func fullStandardOutput(script: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let scenario = try dir.write("a.scn", "user alice\n")
        let result = try Shell.run(script, TourpassBinary.path, scenario)
        #expect(result.status == 2, "\(result.err)")
        let reports = result.err.components(separatedBy: "cannot write standard output: No space left on device").count - 1
        #expect(reports == 1, "\(result.err)")
    }

    @Test("a closed pipe still ends the run quietly (SIGPIPE unchanged), whether SIGPIPE is ignored or not")
    func closedPipe() throws {
        let input = String(repeating: "user alice\nnow\n", count: 20_000)
        for prefix in ["env --default-signal=PIPE ", ""] {
            let result = try Shell.run("\(prefix)\"$0\" | head -c 10 > /dev/null", TourpassBinary.path, stdin: input)
            #expect(result.err.isEmpty, "\(prefix): \(result.err)")
        }
    }

    @Test(":load in piped input fails the run as the typed lines would; its errors go to standard error")
    func loadCountsInPipedInput() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cases: [(String, Int32)] = [
            ("user alice\nexpect verified yes\n", 1),
            ("user alice\ntopup 500\nbalance\n", 1),
            ("user alice\ntopup 1.234\n", 2),
        ]
        for (index, (text, status)) in cases.enumerated() {
            let file = try dir.write("f\(index).scn", text)
            let loaded = try Tourpass.piped(":load \(file)\n")
            let typed = try Tourpass.piped(text)
            #expect(loaded.status == status && typed.status == status, "\(text): \(loaded.status) \(typed.status)")
            #expect(!loaded.err.isEmpty)
        }
        let missing = try Tourpass.piped(":load \(dir.file("nope.scn"))\n")
        #expect(missing.status == 2)
        #expect(missing.err.contains("cannot read") && !missing.out.contains("cannot read"))
    }

    @Test("a byte-order mark opening piped input is skipped, as run skips it")
    func byteOrderMark() throws {
        let result = try Tourpass.piped("\u{FEFF}user alice\nexpect verified no\n")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("alice signed up"))
    }
}
