import Foundation
import Testing

/// A file named directly lands in the same shard however its path was typed, from any
/// working directory or folder (fix-c, tester's item 1).
@Suite struct ShardSpellingTests {
    static let names = (0..<12).map { "r\($0).scn" }

    /// `s/reported/r0.scn`… plus an examples table, whose rows stay together.
    static func folder() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("tourpass-shard-spelling")
        for name in names { try dir.write("s/reported/\(name)", ScenarioFixtures.passing) }
        try dir.write("s/reported/table.scn", """
            examples:
              amount | code
              99.99  | topup.below_minimum
              2000.01 | topup.above_maximum
              20000  | topup.above_maximum

            user alice
            verify
            card visa
            topup <amount>
            expect error <code>

            """)
        return dir
    }

    /// The tests a `--list` printed, each reduced to its file name and row.
    func listed(_ out: String) -> [String] {
        out.split(separator: "\n").map { String($0.split(separator: "/").last ?? $0) }.sorted()
    }

    @Test("relative, absolute, from inside the folder, a copy elsewhere and the folder itself: the same shards; their union is the whole run")
    func spellingsAgree() throws {
        let dir = try Self.folder()
        defer { dir.remove() }
        let files = Self.names + ["table.scn"]
        let inside = dir.file("s/reported")
        let copy = try TemporaryDirectory("tourpass-shard-copy")
        defer { copy.remove() }
        for name in files { try FileManager.default.copyItem(atPath: dir.file("s/reported/\(name)"), toPath: copy.file(name)) }
        // A symlinked working directory: the paths typed go through the link.
        let link = dir.file("link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: inside)
        let spellings: [(arguments: [String], directory: String)] = [
            (files.map { "s/reported/\($0)" }, dir.path),
            (files.map { "./s/reported/../reported//\($0)" }, dir.path),
            (files, inside),
            (files.map { "\(inside)/\($0)" }, dir.path),
            (files.map { "\(inside)/\($0)" }, "/"),
            (files.map { copy.file($0) }, dir.path),
            (files, link),
            (["s/reported"], dir.path),
        ]
        let whole = try Tourpass.run(["run", "--list"] + spellings[0].arguments, directory: dir.path)
        #expect(whole.status == 0)
        let all = listed(whole.out)
        #expect(all.count == 15, "\(whole.out)")
        for count in [2, 3, 5] {
            var bySpelling: [[[String]]] = []
            for spelling in spellings {
                var shards: [[String]] = []
                for shard in 1...count {
                    let result = try Tourpass.run(["run", "--shard", "\(shard)/\(count)", "--list"] + spelling.arguments, directory: spelling.directory)
                    shards.append(listed(result.out))
                }
                #expect(shards.flatMap { $0 }.sorted() == all, "\(spelling) with \(count) shards")
                // Every row of the table is in one shard.
                #expect(shards.filter { $0.contains { $0.hasPrefix("table.scn[") } }.count == 1)
                bySpelling.append(shards)
            }
            for (index, shards) in bySpelling.enumerated() {
                #expect(shards == bySpelling[0], "\(spellings[index]) differs from \(spellings[0]) with \(count) shards")
            }
        }
    }

    @Test("a file named directly is still found by a --filter on the path as typed")
    func filterOnTypedPath() throws {
        let dir = try Self.folder()
        defer { dir.remove() }
        let result = try Tourpass.run(["run", "--list", "--filter", "*reported/r1*", "s/reported/r1.scn", "s/reported/r2.scn"], directory: dir.path)
        #expect(result.status == 0)
        #expect(result.out == "s/reported/r1.scn\n")
    }
}
