import Foundation
import Testing

/// Every line `run --list` prints selects its test again, given as a PATH or to `--filter`
/// (a CI step lists, then runs what it listed).
@Suite struct ListedNameSelectorTests {
    static let bounds = """
        # tags: examples
        examples:
          amount   | code
          99.99    | topup.below_minimum
          2000.01  | topup.above_maximum
          5000000  | topup.above_maximum

        user alice
        verify
        card visa
        topup <amount>
        expect error <code>

        """

    func suite() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("tourpass-listed")
        try dir.write("s/authoring/topup-bounds.scn", Self.bounds)
        try dir.write("s/amounts/thousands-separators.scn", ScenarioFixtures.passing)
        try dir.write("s/amounts/other.scn", ScenarioFixtures.passing)
        return dir
    }

    @Test("a listed row given as a PATH runs that row alone; two rows of one file run both")
    func rowAsPath() throws {
        let dir = try suite()
        defer { dir.remove() }
        let one = try Tourpass.run(["run", "s/authoring/topup-bounds.scn[amount=99.99]"], directory: dir.path)
        #expect(one.status == 0, "\(one.out)\(one.err)")
        #expect(one.out == "PASS s/authoring/topup-bounds.scn[amount=99.99]\n\n1 passed, 0 failed\n", "\(one.out)")
        let two = try Tourpass.run(["run", "--list", "s/authoring/topup-bounds.scn[amount=5000000]", "s/authoring/topup-bounds.scn[amount=99.99]"],
                                   directory: dir.path)
        #expect(two.status == 0, "\(two.err)")
        #expect(two.out == "s/authoring/topup-bounds.scn[amount=99.99]\ns/authoring/topup-bounds.scn[amount=5000000]\n", "\(two.out)")
    }

    @Test("a row the file does not have, or a file without a table: exit 2 saying which rows there are")
    func unknownRow() throws {
        let dir = try suite()
        defer { dir.remove() }
        let result = try Tourpass.run(["run", "s/authoring/topup-bounds.scn[amount=1]"], directory: dir.path)
        #expect(result.status == 2)
        #expect(result.out.contains("cannot read s/authoring/topup-bounds.scn[amount=1]: s/authoring/topup-bounds.scn has no examples row [amount=1] (its rows: [amount=99.99], [amount=2000.01], [amount=5000000])"), "\(result.out)")
        let plain = try Tourpass.run(["run", "--list", "s/amounts/other.scn[amount=1]"], directory: dir.path)
        #expect(plain.status == 2)
        #expect(plain.err.contains("s/amounts/other.scn has no examples table"), "\(plain.err)")
    }

    @Test("each listed line, given to --filter with the same PATH, selects that line alone", arguments: [["s"], ["./s/"], ["s/authoring"]])
    func listedLineAsFilter(paths: [String]) throws {
        let dir = try suite()
        defer { dir.remove() }
        let listed = try Tourpass.run(["run", "--list"] + paths, directory: dir.path)
        #expect(listed.status == 0)
        let lines = listed.outLines.filter { !$0.isEmpty }
        #expect(lines.count >= 3)
        for line in lines {
            let again = try Tourpass.run(["run", "--list", "--filter", line] + paths, directory: dir.path)
            #expect(again.status == 0 && again.out == line + "\n", "\(line): \(again.out)\(again.err)")
            let asPath = try Tourpass.run(["run", "--list", line], directory: dir.path)
            #expect(asPath.status == 0 && asPath.out == line + "\n", "\(line): \(asPath.out)\(asPath.err)")
        }
        // The PATH itself still selects nothing by its own name (FilterNameTests).
        let folder = try Tourpass.run(["run", "--list", "--filter", "authoring", "s/authoring"], directory: dir.path)
        #expect(folder.status == 2, "\(folder.out)")
    }

    /// `run .` inside the folder lists `./amounts/…`; those lines select, and exclude, too.
    @Test("inside the folder, each line `run .` lists selects that line alone", arguments: [["."], ["./"]])
    func listedLineFromInside(paths: [String]) throws {
        let dir = try suite()
        defer { dir.remove() }
        let inside = dir.path + "/s"
        let listed = try Tourpass.run(["run", "--list"] + paths, directory: inside)
        let lines = listed.outLines.filter { !$0.isEmpty }
        #expect(listed.status == 0 && lines.count == 5, "\(listed.out)\(listed.err)")
        for line in lines {
            let again = try Tourpass.run(["run", "--list", "--filter", line] + paths, directory: inside)
            #expect(again.status == 0 && again.out == line + "\n", "\(line): \(again.out)\(again.err)")
            let rest = try Tourpass.run(["run", "--list", "--exclude", line] + paths, directory: inside)
            #expect(rest.status == 0 && rest.outLines.filter { !$0.isEmpty }.count == 4 && !rest.outLines.contains(line), "\(line): \(rest.out)")
        }
        let glob = try Tourpass.run(["run", "--list", "--filter", "./amounts/*"] + paths, directory: inside)
        #expect(glob.status == 0 && glob.outLines.filter { !$0.isEmpty }.count == 2, "\(glob.out)\(glob.err)")
    }
}
