import Foundation
import LineEditor
import Testing

/// Issue 13's small ones, each reproduced first.
@Suite("small fixes")
struct SmallFixesTests {
    @Test("advance 1d1d is refused: each unit once")
    func repeatedUnit() throws {
        let result = try Tourpass.piped("advance 1d1d\n")
        #expect(result.status == 2)
        #expect(result.err.contains("each unit (w, d, h, m) may appear once"), "\(result.err)")
        #expect(try Tourpass.piped("advance 1d12h\nexpect now 2026-01-02 12:00\n").status == 0)
    }

    @Test("card:FULLNUMBER selects the card that cards lists")
    func fullNumberSelector() throws {
        let result = try Tourpass.piped("""
            user alice
            verify
            card 5555555555554444
            topup 100 card:5555555555554444
            expect charged 105 card:5555-5555-5555-4444
            topup 100 card:5555555555554441
            expect error card.not_found

            """)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("from mastercard ••4444"))
        #expect(!result.out.contains("5555555555554441") && result.out.contains("matching ••4441"))
    }

    @Test("one file spelt three ways runs once")
    func sameFileOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.scn", "user alice\n")
        try dir.write("s/b.scn", "user bob\n")
        let result = try Tourpass.run(["run", "a.scn", "./a.scn", "s//../a.scn", "s"], directory: dir.path)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("2 passed, 0 failed"), "\(result.out)")
    }

    @Test("-j -1 and bench --jobs 0 are bad numbers of jobs, exit 2", arguments: [
        ["run", "-j", "-1", "."], ["run", "--jobs", "0", "."], ["bench", "--jobs", "0"], ["bench", "-j", "-3"],
    ])
    func badJobs(arguments: [String]) throws {
        let result = try Tourpass.run(arguments, timeout: 30)
        #expect(result.status == 2)
        #expect(result.err.contains("-j takes 1 to 256 jobs"), "\(result.err)")
    }

    @Test("a huge history file loads only its last megabyte, without over-long lines")
    func hugeHistory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("history")
        let huge = String(repeating: "x", count: 3 << 20)
        try Data(("old line\n" + huge + "\n" + String(repeating: "y", count: 5_000) + "\ntopup 500\nbalance\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        let lines = HistoryFile.load(from: path)
        #expect(lines == ["topup 500", "balance"])
    }
}
