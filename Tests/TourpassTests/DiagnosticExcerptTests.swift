import Foundation
import Testing

/// A diagnostic shows the line it names, and include paths are spelt one way (fix-c,
/// tester's item 4).
@Suite struct DiagnosticExcerptTests {
    @Test("examples-table problems: each shows its own line; a broken header is one problem, not a cascade")
    func examplesExcerpts() throws {
        let dir = try TemporaryDirectory("tourpass-excerpt")
        defer { dir.remove() }
        try dir.write("t/badcol.scn", "examples:\n  bad-col | code\n  x | y\n\nuser a\n")
        try dir.write("t/dup.scn", "examples:\n  a | a\n  x | y\n\nuser a\n")
        try dir.write("t/cells.scn", "examples:\n  a | b\n  x\n\nuser a\n")
        try dir.write("t/emptycell.scn", "examples:\n  a | b\n  x | \n\nuser a\n")
        try dir.write("t/norows.scn", "# a table without rows\nexamples:\n  a | b\nuser a\n")
        let result = try Tourpass.run(["run", "t"], directory: dir.path)
        #expect(result.status == 2)
        let expected = [
            "t/badcol.scn:2:3: error: a column name is a letter or '_', then letters, digits or '_': bad-col\n      bad-col | code\n      ^\n\n",
            "t/cells.scn:3:4: error: this row has 1 cell, the table has 2 columns (a, b)\n      x\n       ^\n\n",
            "t/dup.scn:2:7: error: column 'a' is named twice\n      a | a\n          ^\n\n",
            "t/emptycell.scn:3:6: error: empty cell in column 'b'\n      x | \n         ^\n\n",
            "t/norows.scn:2:1: error: the examples table has column names but no rows\n    examples:\n    ^\n\n",
        ]
        for block in expected { #expect(result.out.contains(block), "\(block)\nnot in:\n\(result.out)") }
        #expect(!result.out.contains("user a\n"), "no excerpt is a line the problem does not name: \(result.out)")
    }

    @Test("include chains and `included from` spell every path as the including file was named")
    func includePathsOneWay() throws {
        let dir = try TemporaryDirectory("tourpass-excerpt")
        defer { dir.remove() }
        try dir.write("cyc_a.scn", "user a\ninclude cyc_b.scn\n")
        try dir.write("cyc_b.scn", "include ./cyc_a.scn\n")
        try dir.write("inc/failinside.scn", "user a\nverify\ninclude _inner.scn\n")
        try dir.write("inc/_inner.scn", "expect balance 3\n")
        let dotted = try Tourpass.run(["run", "./cyc_a.scn", "./inc"], directory: dir.path)
        #expect(dotted.status == 2)
        #expect(dotted.out.contains("./cyc_b.scn:1:9: error: include cycle: ./cyc_a.scn:2 → ./cyc_b.scn:1 → ./cyc_a.scn, which is already running"), "\(dotted.out)")
        #expect(dotted.out.contains("./inc/_inner.scn:1:1: expect balance 3\n  included from ./inc/failinside.scn:3\n"), "\(dotted.out)")
        let plain = try Tourpass.run(["run", "cyc_a.scn", "inc"], directory: dir.path)
        #expect(plain.out.contains("cyc_b.scn:1:9: error: include cycle: cyc_a.scn:2 → cyc_b.scn:1 → cyc_a.scn, which is already running"), "\(plain.out)")
        #expect(plain.out.contains("inc/_inner.scn:1:1: expect balance 3\n  included from inc/failinside.scn:3\n"), "\(plain.out)")
    }
}
