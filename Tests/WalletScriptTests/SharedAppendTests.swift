import Foundation
import Testing
@testable import WalletScript

/// `SafeFile.append` and `SafeFile.rewrite`: a line at a time into a regular file of the
/// user's own (created 0600), never a FIFO, a device or someone else's file or link; a
/// rewrite under the appenders' lock keeps a line appended while it ran.
@Suite struct SharedAppendTests {
    func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    @Test("appends create the file 0600 (and its folders) and add one line each")
    func appends() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("state/tourpass/history")
        try SafeFile.append("user a\n", to: path, makeFolders: true)
        try SafeFile.append("user b\n", to: path, makeFolders: true)
        #expect(try dir.read("state/tourpass/history") == "user a\nuser b\n")
        #expect(mode(path) == 0o600)
        // Through a link of the user's own to a regular file: the file is appended to.
        #expect(symlink(path, dir.file("link")) == 0)
        try SafeFile.append("user c\n", to: dir.file("link"))
        #expect(try dir.read("state/tourpass/history") == "user a\nuser b\nuser c\n")
    }

    @Test("a FIFO, a device, a folder or a descriptor is refused and left alone")
    func refusals() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        #expect(mkfifo(dir.file("fifo"), 0o600) == 0)
        #expect(symlink("/dev/null", dir.file("null")) == 0)
        #expect(mkdir(dir.file("folder"), 0o700) == 0)
        for (name, what) in [("fifo", "a FIFO"), ("null", "a character device")] {
            #expect(throws: SafeFile.WriteError(path: dir.file(name), reason: .notOwnFile(what))) {
                try SafeFile.append("x\n", to: dir.file(name))
            }
            #expect(throws: SafeFile.WriteError(path: dir.file(name), reason: .notOwnFile(what))) {
                try SafeFile.rewrite(dir.file(name)) { _ in "x\n" }
            }
        }
        #expect(throws: SafeFile.WriteError(path: dir.file("folder"), reason: .isDirectory)) {
            try SafeFile.append("x\n", to: dir.file("folder"))
        }
        #expect(throws: SafeFile.WriteError(path: "/dev/stdout", reason: .notOwnFile("a descriptor of this process"))) {
            try SafeFile.append("x\n", to: "/dev/stdout")
        }
        var info = stat()
        #expect(lstat(dir.file("fifo"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("another user's file, or a link of another user, is refused (run as root only)")
    func otherUsers() throws {
        guard geteuid() == 0 else { return }
        let dir = try TempDir()
        defer { dir.remove() }
        let theirs = try dir.write("theirs", "")
        #expect(chown(theirs, 12_345, 12_345) == 0)
        #expect(throws: SafeFile.WriteError(path: theirs, reason: .notOwnFile("another user's file"))) {
            try SafeFile.append("x\n", to: theirs)
        }
        let mine = try dir.write("mine", "")
        #expect(symlink(mine, dir.file("their-link")) == 0)
        #expect(lchown(dir.file("their-link"), 12_345, 12_345) == 0)
        #expect(throws: SafeFile.WriteError(path: dir.file("their-link"), reason: .notOwnFile("a symbolic link of another user"))) {
            try SafeFile.append("x\n", to: dir.file("their-link"))
        }
        #expect(try dir.read("mine") == "" && dir.read("theirs") == "")
    }

    @Test("a rewrite re-reads under the lock: a line appended meanwhile waits and lands in the new file")
    func rewriteKeepsAConcurrentAppend() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("history", "a\nb\nc\n")
        let done = DispatchSemaphore(value: 0)
        let appended = Flag()
        try SafeFile.rewrite(path) { readPath in
            let text = (try? String(contentsOfFile: readPath, encoding: .utf8)) ?? ""
            // Another window enters a line while this one trims.
            Thread.detachNewThread {
                try? SafeFile.append("d\n", to: path)
                appended.set()
                done.signal()
            }
            usleep(200_000)
            #expect(!appended.value, "the append waited for the lock")
            return String(text.split(separator: "\n").suffix(2).map { $0 + "\n" }.joined())
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(try dir.read("history") == "b\nc\nd\n")
        #expect(mode(path) == 0o644 || mode(path) == 0o600, "an existing file keeps its mode")
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.lock(); flag = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}
