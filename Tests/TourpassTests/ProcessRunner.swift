import Foundation

/// What one run of the binary gave.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    var outLines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

struct EndToEndError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Bytes filled in by a reader thread and taken by the test thread.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}

enum Tourpass {
    /// A child that exits early must not kill the test process with SIGPIPE.
    static let ignoreSigpipe: Void = { signal(SIGPIPE, SIG_IGN); return () }()

    /// Runs the real binary with stdin from a pipe (or /dev/null when `stdin` is nil) and
    /// stdout/stderr to pipes. `environment` adds (or, with nil, removes) variables; NO_COLOR
    /// is removed unless given. Never waits past `timeout`: the child is killed and the run throws.
    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String?] = [:],
        directory: String? = nil, timeout: TimeInterval = 120, executable: String = TourpassBinary.path
    ) throws -> ProcessResult {
        _ = ignoreSigpipe
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = stdin.map { _ in Pipe() }
        process.standardInput = inPipe ?? FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        let readers = DispatchGroup()
        let out = DataBox(), err = DataBox()
        for (pipe, box) in [(outPipe, out), (errPipe, err)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: readers) { box.set(handle.readDataToEndOfFile()) }
        }
        if let inPipe, let stdin {
            let writer = inPipe.fileHandleForWriting
            let bytes = Data(stdin.utf8)
            DispatchQueue.global().async {
                try? writer.write(contentsOf: bytes)
                try? writer.close()
            }
        }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = exited.wait(timeout: .now() + 5)
            }
            throw EndToEndError("tourpass \(arguments) did not finish within \(timeout) s and was killed")
        }
        guard readers.wait(timeout: .now() + 10) == .success else {
            throw EndToEndError("tourpass \(arguments) exited but its output pipes stayed open")
        }
        return ProcessResult(status: process.terminationStatus, stdout: out.value, stderr: err.value)
    }

    /// A shell script with the binary's path in $TOURPASS (pipelines, `ulimit`).
    static func runShell(_ script: String, directory: String, timeout: TimeInterval) throws -> ProcessResult {
        try run(["-c", script], environment: ["TOURPASS": TourpassBinary.path], directory: directory, timeout: timeout, executable: "/bin/sh")
    }

    /// Piped input: `tourpass` with the lines on stdin.
    static func piped(_ input: String, environment: [String: String?] = [:]) throws -> ProcessResult {
        try run([], stdin: input, environment: environment)
    }
}
