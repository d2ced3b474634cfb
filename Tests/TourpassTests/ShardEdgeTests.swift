import Foundation
import Testing

/// Shard spellings at their edges: either variable of a pair alone, zero shards, signs,
/// Bazel's status file under a flag, and `--list` on an empty shard.
@Suite struct ShardEdgeTests {
    @Test("a lone variable of either pair, zero shards, +4 and -1: each a clear error with run's usage, exit 2")
    func badSpellings() throws {
        let dir = try CIRunTests.suiteFolder()
        defer { dir.remove() }
        let cases: [(arguments: [String], environment: [String: String?], message: String)] = [
            ([], ["LIT_RUN_SHARD": "1"], "LIT_RUN_SHARD is set but LIT_NUM_SHARDS is not"),
            ([], ["TEST_SHARD_INDEX": "0"], "TEST_SHARD_INDEX is set but TEST_TOTAL_SHARDS is not"),
            ([], ["TEST_TOTAL_SHARDS": "0", "TEST_SHARD_INDEX": "0"], "TEST_TOTAL_SHARDS is 0: it is the number of shards, 1 or more"),
            ([], ["LIT_NUM_SHARDS": "+4", "LIT_RUN_SHARD": "1"], "LIT_NUM_SHARDS is not a number: +4"),
            (["--shard", "1/+4"], [:], "--shard takes I/N, such as 2/4 (got 1/+4)"),
            (["--shard", "-1/4"], [:], "--shard takes I/N, such as 2/4 (got -1/4)"),
            // Signs are refused by every spelling alike (the parser's integers took `+4`).
            (["--num-shards", "-2", "--run-shard", "1"], [:], "--num-shards is not a number: -2"),
            (["--num-shards", "+4", "--run-shard", "1"], [:], "--num-shards is not a number: +4"),
            (["--num-shards", "4", "--run-shard", "+1"], [:], "--run-shard is not a number: +1"),
            (["--num-shards", "4", "--run-shard", " 1"], [:], "--run-shard is not a number:  1"),
            ([], ["TEST_TOTAL_SHARDS": "+4", "TEST_SHARD_INDEX": "0"], "TEST_TOTAL_SHARDS is not a number: +4"),
            (["--num-shards", "0", "--run-shard", "1"], [:], "--run-shard/--num-shards: the shard is counted from 1 to N"),
        ]
        for item in cases {
            let result = try Tourpass.run(["run"] + item.arguments + ["s"], environment: item.environment, directory: dir.path)
            #expect(result.status == 2, "\(item.arguments) \(item.environment)")
            #expect(result.err.contains("Error: " + item.message), "\(item.arguments) \(item.environment): \(result.err)")
            #expect(result.err.contains("Usage: tourpass run "), "\(item.arguments): \(result.err)")
            #expect(!result.err.contains("Missing value"), "\(item.arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(item.arguments): \(result.out)")
        }
    }

    @Test("TEST_SHARD_STATUS_FILE is touched whenever the run is sharded, a flag winning over Bazel's variables too")
    func statusFileUnderFlag() throws {
        let dir = try CIRunTests.suiteFolder()
        defer { dir.remove() }
        let status = dir.file("status")
        let result = try Tourpass.run(["run", "--shard", "2/2", "s"],
                                      environment: ["TEST_TOTAL_SHARDS": "2", "TEST_SHARD_INDEX": "0", "TEST_SHARD_STATUS_FILE": status],
                                      directory: dir.path)
        #expect(result.status != 2, "\(result.err)")
        #expect(result.out.contains("shard 2/2:"), "\(result.out)")
        #expect(FileManager.default.fileExists(atPath: status))
        // Not sharded: left alone.
        let plain = dir.file("plain-status")
        _ = try Tourpass.run(["run", "s/cards"], environment: ["TEST_SHARD_STATUS_FILE": plain], directory: dir.path)
        #expect(!FileManager.default.fileExists(atPath: plain))
    }

    @Test("--list on an empty shard says so on standard error, as run says it, and exits 0")
    func listEmptyShard() throws {
        let dir = try CIRunTests.suiteFolder()
        defer { dir.remove() }
        var empty: Int? = nil
        for shard in 1...20 {
            let run = try Tourpass.run(["run", "--shard", "\(shard)/20", "s"], directory: dir.path)
            if run.out.contains("has no scenario files") { empty = shard; break }
        }
        let shard = try #require(empty, "12 files in 20 shards leave one empty")
        let listed = try Tourpass.run(["run", "--list", "--shard", "\(shard)/20", "s"], directory: dir.path)
        #expect(listed.status == 0)
        #expect(listed.out.isEmpty)
        #expect(listed.err == "shard \(shard)/20 has no scenario files (12 selected in all)\n", "\(listed.err)")
    }
}
