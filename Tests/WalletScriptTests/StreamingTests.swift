import Foundation
import Testing
@testable import WalletScript

/// Reading scenarios as bytes in bounded chunks, selection and shard arithmetic.
@Suite struct StreamingTests {
    /// Lines as (content, terminator) from a text, through the in-memory path.
    func lines(_ text: String) -> [(String, String)] {
        var out: [(String, String)] = []
        LineReader.forEachLine(in: text) { event in
            guard case .line(let line) = event else { Issue.record("unexpected long line"); return false }
            let all = String(decoding: line.bytes, as: UTF8.self)
            out.append((line.text, String(all.utf8.dropFirst(line.contentCount)) ?? "?"))
            return true
        }
        return out
    }

    @Test func splitsOnNewlinesKeepingTerminators() {
        let got = lines("a\r\nb\n\nc\rd\nlast")
        #expect(got.map(\.0) == ["a", "b", "", "c\rd", "last"])
        #expect(got.map(\.1) == ["\r\n", "\n", "\n", "\n", ""])
        #expect(lines("").isEmpty)
        #expect(lines("\n").map(\.0) == [""])
    }

    /// The same lines come out of a pipe read in chunks, whatever the chunk boundaries.
    @Test func descriptorReadingMatchesInMemory() throws {
        var text = ""
        for index in 0..<20_000 { text += index % 7 == 0 ? "# comment \(index)\r\n" : "pay \(index) qr:cross\n" }
        text += "no newline at the end"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var fromFile: [String] = []
        let failure = LineReader.forEachLine(descriptor: descriptor) { event in
            if case .line(let line) = event { fromFile.append(String(decoding: line.bytes, as: UTF8.self)) }
            return true
        }
        #expect(failure == nil)
        var fromMemory: [String] = []
        LineReader.forEachLine(in: text) { event in
            if case .line(let line) = event { fromMemory.append(String(decoding: line.bytes, as: UTF8.self)) }
            return true
        }
        #expect(fromFile.count == 20_001)
        #expect(fromFile == fromMemory)
        #expect(fromFile.joined() == text)
    }

    @Test func overLongLineIsReportedOnceAndSkipped() {
        let long = String(repeating: "x", count: 10_000)
        var events: [String] = []
        LineReader.forEachLine(in: "user a\n\(long)\nuser b\n" + String(repeating: "y", count: 4_096) + "\r\n") { event in
            switch event {
            case .line(let line): events.append("line \(line.number): \(line.text.prefix(10))")
            case .tooLong(let line): events.append("long \(line.number): \(line.bytes.count) bytes kept")
            }
            return true
        }
        #expect(events == ["line 1: user a", "long 2: 4097 bytes kept", "line 3: user b", "line 4: yyyyyyyyyy"])
    }

    @Test func aFileStopsAtItsFirstOverLongLine() {
        let text = "user alice\n" + String(repeating: "é", count: 3_000) + "\ntopu 5\n"
        let (result, _) = ScenarioRunner.run(text: text, path: "long.scn")
        #expect(result.diagnostics.map(\.rendered) == ["long.scn:2:2049: error: line is longer than 4096 bytes"])
    }

    @Test func readErrorIsAnErrorNotTheEnd() {
        // A directory opens but cannot be read.
        let descriptor = open(FileManager.default.temporaryDirectory.path, O_RDONLY)
        defer { close(descriptor) }
        let failure = LineReader.forEachLine(descriptor: descriptor) { _ in true }
        #expect(failure != nil)
    }

    @Test func tagExpressions() throws {
        func parse(_ text: String) throws -> TagExpression { try TagExpression.parse(text).get() }
        #expect(try parse("a or b and not c") == .or(.tag("a"), .and(.tag("b"), .not(.tag("c")))))
        #expect(try parse("(a or b) and not (c)").description == "(a or b) and not c")
        #expect(try parse("policy and not slow").matches(["policy"]))
        #expect(try !parse("policy and not slow").matches(["policy", "slow"]))
        #expect(try parse("not not x").matches(["x"]))
        for bad in ["", "a and", "(a", "a)", "and", "a b", "a$"] {
            #expect(throws: TagExpressionError.self, "\(bad)") { try parse(bad) }
        }
    }

    @Test func globsAndSubstrings() {
        #expect(Selection.matches("cards", "x/cards/y.scn"))
        #expect(Selection.matches("cards/*", "cards/a/b.scn"))
        #expect(!Selection.matches("cards/*", "x/cards/b.scn"))
        #expect(Selection.matches("*/t?.scn", "p/t1.scn"))
        #expect(Selection.matches("t[0-2].scn", "t1.scn") && !Selection.matches("t[0-2].scn", "t3.scn"))
        #expect(!Selection.matches("Cards", "cards/a.scn"))
        let selection = Selection(filters: ["a", "b"], excludes: ["ab"])
        #expect(selection.matchesName(TestName(path: "x/a.scn", relative: "a.scn")))
        #expect(!selection.matchesName(TestName(path: "x/ab.scn", relative: "ab.scn")))
    }

    @Test func globsReachTheRowsOfATable() {
        let first = TestName(path: "s/cards/bounds.scn", relative: "cards/bounds.scn", row: "amount=99.99", exampleRow: 1)
        let second = TestName(path: "s/cards/bounds.scn", relative: "cards/bounds.scn", row: "amount=100", exampleRow: 2)
        // A file glob takes every row; a row's own name (with its `[`) takes that row only.
        #expect(Selection(filters: ["cards/*.scn"]).matchesName(first))
        #expect(!Selection(excludes: ["cards/*.scn"]).matchesName(second))
        let one = Selection(filters: ["cards/bounds.scn[amount=99.99]"])
        #expect(one.matchesName(first) && !one.matchesName(second))
        #expect(!Selection(filters: ["payments/*.scn"]).matchesName(first))
        // Only the test name counts, never the PATH it was found under (`s/`).
        #expect(Selection(filters: ["cards/bounds.scn[amount=100]"]).matchesName(second))
        #expect(!Selection(filters: ["s/cards/bounds.scn[amount=100]"]).matchesName(second))
        #expect(!Selection(filters: ["s/cards/*"]).matchesName(first))
        #expect(Selection(excludes: ["reported"]).matchesName(TestName(path: "reported/a.scn", relative: "a.scn")))
    }

    @Test func testNamesAndShards() {
        let name = TestName(path: "./scenarios/cards/visa.scn", relative: "cards/visa.scn")
        #expect(name.description == "cards/visa.scn")
        #expect(name.className == "scenarios.cards")
        // An absolute PATH gives the same classname as a relative one: no machine prefix.
        #expect(TestName(path: "/ci/build/repo/scenarios/cards/visa.scn", relative: "cards/visa.scn").className == "scenarios.cards")
        #expect(TestName(path: "/ci/build/repo/scenarios/visa.scn", relative: "visa.scn").className == "scenarios")
        #expect(TestName(path: "/ci/build/repo/scenarios/cards/deep/visa.scn", relative: "cards/deep/visa.scn").className == "scenarios.cards.deep")
        #expect(TestName(path: "/ci/build/repo/scenarios/cards/visa.scn").className == "cards")
        #expect(TestName(path: "/visa.scn").className == "root")
        #expect(name.fileName == "visa.scn")
        var row = name
        row.row = "amount=99.99"
        #expect(row.description == "cards/visa.scn[amount=99.99]" && row.label == "./scenarios/cards/visa.scn[amount=99.99]")
        // Rows share their file's shard.
        #expect(row.shard(of: 7) == name.shard(of: 7))
        // FNV-1a's published test vectors: the hash is the same everywhere.
        #expect(TestName.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(TestName.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(TestName.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func tagsComeFromTheHeaderOnly() throws {
        let text = "# tags: slow, policy\n# about\n#tags: x\nuser a\n# tags: late\n"
        let scenario = try Scenario.parse(text, path: "t.scn").get()
        #expect(scenario.tags == ["slow", "policy", "x"])
        guard case .failure(let problems) = Scenario.parse("# tags: bad$tag\n", path: "t.scn") else { Issue.record("should not parse"); return }
        // Pointed at the bad tag, not at the line's start.
        #expect(problems.list.first?.rendered == "t.scn:1:9: error: a tag is letters, digits, '_', '.' or '-': bad$tag")
    }
}
