import Foundation
import Testing
import WalletScript

/// The one writer: what it does with each kind of target (docs/DECISIONS.md, "Files and hardening").
@Suite struct SafeFileTests {
    func mode(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
    }

    func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func newFilesAre0644Or0600AndNoTemporaryIsLeft() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try SafeFile.write("a\n", to: dir.file("shared.scn"))
        try SafeFile.write("b\n", to: dir.file("secret.scn"), newFileMode: .privateToOwner)
        #expect(mode(dir.file("shared.scn")) == 0o644)
        #expect(mode(dir.file("secret.scn")) == 0o600)
        #expect(try dir.listing() == ["secret.scn", "shared.scn"])
    }

    @Test(arguments: [0o600, 0o755, 0o640])
    func anExistingFileKeepsItsMode(original: Int) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("x.scn", "old\n")
        chmod(path, mode_t(original))
        try SafeFile.write("new\n", to: path)
        #expect(try dir.read("x.scn") == "new\n")
        #expect(mode(path) == original)
    }

    @Test func aReadOnlyFileIsRefusedUnlessForced() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("x.scn", "old\n")
        chmod(path, 0o444)
        #expect(throws: SafeFile.WriteError.self) { try SafeFile.write("new\n", to: path, force: false) }
        do {
            try SafeFile.write("new\n", to: path, force: false)
        } catch {
            #expect(error.reason == .readOnly)
            #expect(error.description.contains("read-only") && error.description.contains("--force"))
        }
        // A writer with no --force (the REPL's :save) does not offer one.
        do {
            try SafeFile.write("new\n", to: path)
        } catch {
            #expect(error.reason == .readOnly)
            #expect(error.description == "cannot write \(path): the file is read-only (it is left as it is: write to another name)")
        }
        #expect(try dir.read("x.scn") == "old\n")
        try SafeFile.write("new\n", to: path, force: true)
        #expect(try dir.read("x.scn") == "new\n")
        #expect(mode(path) == 0o444)
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let target = try dir.write("shared/real.scn", "old\n")
        chmod(target, 0o640)
        symlink("shared/real.scn", dir.file("link.scn"))
        symlink("link.scn", dir.file("link2.scn"))
        try SafeFile.write("new\n", to: dir.file("link2.scn"))
        #expect(kind(dir.file("link.scn")) == S_IFLNK && kind(dir.file("link2.scn")) == S_IFLNK)
        #expect(try dir.read("shared/real.scn") == "new\n")
        #expect(mode(target) == 0o640)
        // A dangling link creates its target.
        symlink("made.scn", dir.file("dangling.scn"))
        try SafeFile.write("made\n", to: dir.file("dangling.scn"))
        #expect(kind(dir.file("dangling.scn")) == S_IFLNK)
        #expect(try dir.read("made.scn") == "made\n")
    }

    @Test func aFifoIsWrittenInPlace() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let fifo = dir.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader is open before the write (a FIFO nothing reads is refused, below).
        let readEnd = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(readEnd >= 0)
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) & ~O_NONBLOCK)
        let received = LockedData()
        let reader = Thread { received.set(FileHandle(fileDescriptor: readEnd, closeOnDealloc: true).readDataToEndOfFile()) }
        try SafeFile.write("through the pipe\n", to: fifo)
        reader.start()
        for _ in 0..<500 where received.value == nil { usleep(10_000) }
        #expect(received.value.map { String(decoding: $0, as: UTF8.self) } == "through the pipe\n")
        #expect(kind(fifo) == S_IFIFO)
        #expect(try dir.listing() == ["pipe"])
    }

    @Test func aFifoNothingReadsIsRefusedAtOnce() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let fifo = dir.file("ff.scn")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Without O_NONBLOCK this open waits for a reader for ever: the test would hang.
        do {
            try SafeFile.write("nobody listens\n", to: fifo)
            Issue.record("a FIFO nothing reads was written")
        } catch {
            #expect(error.reason == .noReader)
            #expect(error.description == "cannot write \(fifo): it is a FIFO and nothing is reading it (writing would wait for ever)")
        }
        #expect(kind(fifo) == S_IFIFO)
    }

    @Test func aDeviceIsWrittenInPlaceAndAFullOneIsAnError() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // Device nodes made here, never the real /dev: null (1,3) and full (1,7). Needs root.
        let null = dir.file("null"), full = dir.file("full")
        guard mknod(null, S_IFCHR | 0o666, characterDevice(1, 3)) == 0, mknod(full, S_IFCHR | 0o666, characterDevice(1, 7)) == 0 else { return }
        try SafeFile.write("gone\n", to: null)
        #expect(kind(null) == S_IFCHR)
        #expect(throws: SafeFile.WriteError.self) { try SafeFile.write("no room\n", to: full) }
        do { try SafeFile.write("no room\n", to: full) } catch {
            #expect(error.description.contains("No space left on device"), "\(error)")
        }
        #expect(kind(full) == S_IFCHR)
        #expect(try dir.listing() == ["full", "null"])
    }

    @Test func aFolderIsRefusedAndAMissingFolderIsAnError() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("sub"), withIntermediateDirectories: true)
        #expect(throws: SafeFile.WriteError.self) { try SafeFile.write("x", to: dir.file("sub")) }
        #expect(throws: SafeFile.WriteError.self) { try SafeFile.write("x", to: dir.file("no/such/x.scn")) }
        try SafeFile.write("x", to: dir.file("made/here/x.scn"), makeFolders: true)
        #expect(try dir.read("made/here/x.scn") == "x")
    }

    @Test func savingASessionWithAPasswordMakesAPrivateFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var console = Console()
        for line in ["user alice", "verify", "card visa"] { _ = console.handle(line) }
        #expect(console.handle(":save \(dir.file("plain.scn"))").lines.first?.text.hasPrefix("saved") == true)
        _ = console.handle("pay 1 qr:cross")
        _ = console.handle("topup 100")
        _ = console.handle("pay 1 qr:cross password:123456")
        #expect(console.handle(":save \(dir.file("secret.scn"))").lines.first?.text.hasPrefix("saved") == true)
        #expect(mode(dir.file("plain.scn")) == 0o644)
        #expect(mode(dir.file("secret.scn")) == 0o600)
    }

    @Test func aFailedSaveNeverSaysSaved() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var console = Console()
        _ = console.handle("user alice")
        let missing = console.handle(":save \(dir.file("no/such/x.scn"))")
        #expect(missing.lines.map(\.text).joined().hasPrefix("error: cannot write"))
        let full = dir.file("full")
        guard mknod(full, S_IFCHR | 0o666, characterDevice(1, 7)) == 0 else { return }
        let response = console.handle(":save \(full)")
        let text = response.lines.map(\.text).joined(separator: "\n")
        #expect(!text.contains("saved") && text.contains("No space left on device"), "\(text)")
        #expect(kind(full) == S_IFCHR)
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var value: Data? { lock.lock(); defer { lock.unlock() }; return data }
}

/// Linux's makedev for small numbers (the C macro is not visible to Swift).
func characterDevice(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t((major << 8) | minor) }

/// `:save "path with space.scn"` means the path without its quotes.
@Suite struct MetaArgumentTests {
    @Test func aQuotedPathLosesItsQuotes() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var console = Console()
        _ = console.handle("user alice")
        let response = console.handle(":save \"\(dir.file("path with space.scn"))\"")
        #expect(response.lines.first?.text == "saved 1 line to \(dir.file("path with space.scn"))")
        #expect(try dir.listing() == ["path with space.scn"])
        var other = Console()
        #expect(other.handle(":load \"\(dir.file("path with space.scn"))\"").lines.last?.text.hasPrefix("loaded 1 line from") == true)
        #expect(Console.unquoted("C:x.scn") == "C:x.scn")
    }
}
