import Foundation
import Testing

/// Every writer of the built tool goes through one safe writer: devices and FIFOs are
/// written in place, links followed, modes kept, read-only files refused, failures reported
/// with the original untouched.
@Suite("safe file writes")
struct SafeWriteTests {
    static let passing = "user alice\nexpect verified no\n"
    static let stale = "user alice\n| stale\n"

    func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    func mode(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
    }

    @Test("--junit to a device node writes in place; a full device is an error, exit 2")
    func junitToDevices() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let scenario = try dir.write("a.scn", Self.passing)
        let null = dir.file("null"), full = dir.file("full")
        guard mknod(null, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0,
              mknod(full, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0 else { return } // needs root
        let ok = try Tourpass.run(["run", "--junit", null, scenario])
        #expect(ok.status == 0, "\(ok.err)")
        #expect(kind(null) == S_IFCHR)
        let failed = try Tourpass.run(["run", "--junit", full, scenario])
        #expect(failed.status == 2)
        #expect(failed.err.contains("cannot write") && failed.err.contains("No space left on device"), "\(failed.err)")
        #expect(kind(full) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.scn", "full", "null"])
    }

    @Test("--junit /dev/stdout writes the XML after the text report, to standard output")
    func junitToStandardOutput() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let scenario = try dir.write("a.scn", Self.passing)
        let result = try Tourpass.run(["run", "--junit", "/dev/stdout", scenario])
        #expect(result.status == 0, "\(result.err)")
        let report = try #require(result.out.range(of: "1 passed, 0 failed"))
        let xml = try #require(result.out.range(of: "<?xml"))
        #expect(report.upperBound <= xml.lowerBound, "\(result.out)")
        #expect(result.out.contains("</testsuites>"))
    }

    @Test("--junit into a FIFO made here writes in place")
    func junitToFifo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let scenario = try dir.write("a.scn", Self.passing)
        let fifo = dir.file("report.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let box = ReadBox()
        let reader = Thread { box.set(FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()) }
        reader.start()
        let result = try Tourpass.run(["run", "--junit", fifo, scenario])
        #expect(result.status == 0, "\(result.err)")
        for _ in 0..<500 where box.value == nil { usleep(10_000) }
        #expect(box.value.map { String(decoding: $0, as: UTF8.self) }?.contains("<testsuites") == true)
        #expect(kind(fifo) == S_IFIFO)
    }

    @Test("--update through a symbolic link updates its target and keeps the link")
    func updateThroughLink() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let target = try dir.write("shared/real.scn", Self.stale)
        symlink("shared/real.scn", dir.file("link.scn"))
        let result = try Tourpass.run(["run", "--update", dir.file("link.scn")])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(kind(dir.file("link.scn")) == S_IFLNK)
        #expect(dir.read("shared/real.scn")?.contains("| alice signed up") == true)
        #expect(mode(target) == 0o644)
    }

    @Test("--update keeps the file's mode", arguments: [0o600, 0o755, 0o664])
    func updateKeepsMode(original: Int) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("x.scn", Self.stale)
        chmod(path, mode_t(original))
        let result = try Tourpass.run(["run", "--update", path])
        #expect(result.status == 0, "\(result.err)")
        #expect(dir.read("x.scn")?.contains("| alice signed up") == true)
        #expect(mode(path) == original)
    }

    @Test("--update refuses a read-only file with exit 2 unless --force")
    func updateReadOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("x.scn", Self.stale)
        chmod(path, 0o444)
        let refused = try Tourpass.run(["run", "--update", path])
        #expect(refused.status == 2)
        #expect(refused.out.contains("read-only") && refused.out.contains("--force"), "\(refused.out)")
        #expect(!refused.out.contains("updated "))
        #expect(dir.read("x.scn") == Self.stale)
        let forced = try Tourpass.run(["run", "--update", "--force", path])
        #expect(forced.status == 0, "\(forced.out)\(forced.err)")
        #expect(dir.read("x.scn")?.contains("| alice signed up") == true)
        #expect(mode(path) == 0o444)
    }

    @Test("a write that fails part way (file size limit) leaves the original and no temporary file")
    func failedWriteLeavesOriginal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Small enough to exist under the limit; its update is larger than 512 bytes.
        let original = "user alice\n| stale\n" + String(repeating: "balance\n", count: 20)
        let path = try dir.write("x.scn", original)
        let result = try Shell.run("trap '' XFSZ; ulimit -f 1; exec \"$0\" run --update \"$1\"", TourpassBinary.path, path)
        #expect(result.status == 2, "\(result.out)\(result.err)")
        #expect(result.out.contains("cannot write") && result.out.contains("File too large"), "\(result.out)")
        #expect(dir.read("x.scn") == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.scn"])
    }

    @Test("a process killed in the middle of --update leaves the old or the new file, never a mix")
    func killedMidUpdate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var lines = ["user alice", "| stale"]
        for index in 0..<3_000 { lines.append("user u\(index)"); lines.append("| stale") }
        let original = lines.joined(separator: "\n") + "\n"
        let path = try dir.write("big.scn", original)
        // The finished update, to compare with.
        let reference = try dir.write("ref.scn", original)
        _ = try Tourpass.run(["run", "--update", reference])
        let updated = try #require(dir.read("ref.scn"))
        #expect(updated != original)
        for delayMicroseconds in stride(from: 5_000, through: 120_000, by: 5_000) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TourpassBinary.path)
            process.arguments = ["run", "--update", path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delayMicroseconds))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = dir.read("big.scn")
            #expect(now == original || now == updated, "a killed update left a mixed file after \(delayMicroseconds) µs")
            if now == updated { try dir.write("big.scn", original) }
        }
    }
}

final class ReadBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var value: Data? { lock.lock(); defer { lock.unlock() }; return data }
}

/// `/bin/sh -c SCRIPT ARG0 ARGS…`, for limits (`ulimit`) and redirections the test needs.
enum Shell {
    static func run(_ script: String, _ arguments: String..., stdin: String? = nil) throws -> ProcessResult {
        // Input written to a child that stopped reading (`| head -c 10`) must not kill the
        // test process: this may be the first child a run starts, before `Tourpass.run`.
        _ = Tourpass.ignoreSigpipe
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            // A child that stops reading early must not fail the test.
            let writer = input.fileHandleForWriting
            let bytes = Data(stdin.utf8)
            Thread {
                try? writer.write(contentsOf: bytes)
                try? writer.close()
            }.start()
        }
        let box = ReadBox()
        let reader = Thread { box.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        for _ in 0..<1000 where box.value == nil { usleep(10_000) }
        return ProcessResult(status: process.terminationStatus, stdout: outData, stderr: box.value ?? Data())
    }
}
