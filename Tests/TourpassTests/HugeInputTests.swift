import Foundation
import Testing

/// Huge input under a memory limit: a 600 MB line and a 3 GB file of NUL bytes are refused
/// at the first 4 KB, in bounded memory and time, by `run` and by piped input.
@Suite(.serialized) struct HugeInputTests {
    /// Runs a shell script with the binary as $TOURPASS under `ulimit -v` (KB of address space).
    func limited(_ script: String, memoryKB: Int = 300_000, directory: String) throws -> ProcessResult {
        try Tourpass.runShell("ulimit -v \(memoryKB) && " + script, directory: directory, timeout: 60)
    }

    @Test("run: a 600 MB line is an error at byte 4,097 and ends that file; the others still run")
    func runLongLine() throws {
        let dir = try TemporaryDirectory("tourpass-huge")
        defer { dir.remove() }
        try dir.write("ok.scn", "user alice\nexpect verified no\n")
        let made = try Tourpass.runShell("{ echo 'user a'; head -c 600000000 /dev/zero | tr '\\0' x; printf '\\nexpect verified yes\\ntopu 5\\n'; } > long.scn",
                                         directory: dir.path, timeout: 60)
        #expect(made.status == 0)
        let result = try limited("\"$TOURPASS\" run -j 2 .", directory: dir.path)
        #expect(result.status == 2, "\(result.out)\(result.err)")
        #expect(result.out == "FAIL ./long.scn\nPASS ./ok.scn\n\n./long.scn:2:4097: error: line is longer than 4096 bytes\n\n1 passed, 0 failed, 1 did not parse\n")
        // Update mode leaves such a file alone.
        let size = { (try? FileManager.default.attributesOfItem(atPath: dir.file("long.scn")))?[.size] as? NSNumber }
        let before = size()
        #expect(before?.intValue == 600_000_035)
        let update = try limited("\"$TOURPASS\" run --update long.scn", directory: dir.path)
        #expect(update.status == 2)
        #expect(size() == before)
    }

    @Test("run: a 3 GB file of NUL bytes is refused at once")
    func runNulFile() throws {
        let dir = try TemporaryDirectory("tourpass-huge")
        defer { dir.remove() }
        // Sparse: three gigabytes to read, nothing on the disk.
        let made = try Tourpass.runShell("truncate -s 3G nul.scn", directory: dir.path, timeout: 10)
        #expect(made.status == 0)
        let started = Date()
        let result = try limited("\"$TOURPASS\" run nul.scn", directory: dir.path)
        #expect(result.status == 2)
        #expect(result.out.contains("nul.scn:1:4097: error: line is longer than 4096 bytes"), "\(result.out)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("piped: a 600 MB line is one error; the failing expect after it still counts")
    func pipedLongLine() throws {
        let dir = try TemporaryDirectory("tourpass-huge")
        defer { dir.remove() }
        let result = try limited("{ echo 'user a'; head -c 600000000 /dev/zero | tr '\\0' x; printf '\\nexpect verified yes\\nuser b\\n'; } | \"$TOURPASS\"",
                                 directory: dir.path)
        #expect(result.status == 2, "\(result.err)")
        #expect(result.err.contains("<stdin>:2:4097: error: line is longer than 4096 bytes"))
        #expect(result.err.contains("<stdin>:3: error: expect failed"), "\(result.err)")
        #expect(result.out.contains("b signed up"), "the lines after it run")
    }

    @Test("piped: NUL bytes without end are refused in bounded memory")
    func pipedNul() throws {
        let dir = try TemporaryDirectory("tourpass-huge")
        defer { dir.remove() }
        let result = try limited("head -c 2000000000 /dev/zero | \"$TOURPASS\"", directory: dir.path)
        #expect(result.status == 2)
        #expect(result.err == "<stdin>:1:4097: error: line is longer than 4096 bytes\n")
    }

    @Test("a read that fails is an error, never the end of input")
    func readFailure() throws {
        let dir = try TemporaryDirectory("tourpass-huge")
        defer { dir.remove() }
        // A directory as standard input opens but cannot be read.
        let piped = try Tourpass.runShell("\"$TOURPASS\" < .", directory: dir.path, timeout: 20)
        #expect(piped.status == 2)
        #expect(piped.err.contains("cannot read standard input"), "\(piped.err)")
    }
}
