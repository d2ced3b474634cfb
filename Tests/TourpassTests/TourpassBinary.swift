import Foundation

/// Finds the `tourpass` executable built next to this test bundle, so the tests
/// use the binary of the same scratch path (`.build` or `--scratch-path`).
enum TourpassBinary {
    private final class Marker {}

    static let path: String = {
        let manager = FileManager.default
        var starts: [URL] = [Bundle(for: Marker.self).bundleURL]
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        starts.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        for start in starts {
            // Linux: <scratch>/<triple>/debug/X.xctest; macOS: .../debug/X.xctest/Contents/MacOS/X
            var directory = start.standardizedFileURL
            for _ in 0..<5 {
                directory = directory.deletingLastPathComponent()
                let candidate = directory.appendingPathComponent("tourpass").path
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                   manager.isExecutableFile(atPath: candidate) {
                    return candidate
                }
            }
        }
        return "tourpass-binary-not-found-next-to-\(CommandLine.arguments[0])"
    }()
}

/// A private temporary directory, removed by `remove()` (call it in a `defer`).
struct TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "tourpass-e2e") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target.path
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
