import Testing
import WalletScript

/// `:load` in piped input: what the file runs counts exactly as if it had been typed.
@Suite struct PipedLoadTests {
    func run(_ lines: [String]) -> (exitCode: Int32, out: [String], err: [String]) {
        var piped = PipedRun()
        var out: [String] = []
        var err: [String] = []
        for line in lines {
            let printed = piped.feed(line)
            out += printed.out.map(\.text)
            err += printed.before + printed.err
        }
        let end = piped.finish()
        return (end.exitCode, out, err + end.err)
    }

    @Test func aFailedExpectInsideALoadFails() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("f.scn", "user alice\nexpect verified yes\n")
        let result = run([":load \(file)", "balance"])
        #expect(result.exitCode == 1)
        #expect(result.err == ["\(file):2: error: expect failed"])
    }

    @Test func anUnexcusedErrorInsideALoadFails() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("f.scn", "user alice\ntopup 500\nbalance\n")
        let result = run([":load \(file)"])
        #expect(result.exitCode == 1)
        #expect(result.err.first?.hasPrefix("\(file):2: error: the command failed with tourpass.not_verified") == true, "\(result.err)")
        // At the end of the file, as if typed: the next typed line may excuse it.
        let last = try dir.write("g.scn", "user alice\ntopup 500\n")
        #expect(run([":load \(last)", "expect error tourpass.not_verified"]).exitCode == 0)
        #expect(run([":load \(last)"]).exitCode == 1)
    }

    @Test func aRecordedErrorExcusesAsInRun() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var console = Console()
        for line in ["user alice", "topup 500", "balance"] { _ = console.handle(line) }
        let file = try dir.write("saved.scn", console.savedScenario)
        let result = run([":load \(file)"])
        #expect(result.exitCode == 0, "\(result.err)\n\(console.savedScenario)")
    }

    @Test func aFileThatDoesNotParseOrIsMissingIsExitTwoOnStandardError() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("f.scn", "user alice\ntopup 1.234\n")
        let bad = run([":load \(file)"])
        #expect(bad.exitCode == 2)
        #expect(bad.err.first?.hasPrefix("\(file):2:") == true, "\(bad.err)")
        #expect(!bad.out.contains { $0.contains("error") })
        let missing = run([":load \(dir.file("nope.scn"))", "user alice"])
        #expect(missing.exitCode == 2)
        #expect(missing.err == ["<stdin>:1: error: cannot read \(dir.file("nope.scn")): No such file or directory"])
        #expect(!missing.out.contains { $0.contains("cannot read") })
    }

    @Test func aPassingLoadStillPasses() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = try dir.write("f.scn", "user alice\nverify\ncard visa\nexpect verified yes\ntopup 5\nexpect error topup.below_minimum\n")
        let result = run([":load \(file)", "expect verified yes"])
        #expect(result.exitCode == 0, "\(result.err)")
        #expect(result.err.isEmpty)
    }
}
