import Foundation
import Testing

/// Headless Chromium, for rendering the HTML report the way a reader would see it.
/// `scripts/test` installs it (scripts/ensure-chromium.sh) and sets TOURPASS_REQUIRE_BROWSER,
/// so there a missing browser fails the test; a bare `swift test` without one skips it.
enum Browser {
    static let path: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    static let required = ProcessInfo.processInfo.environment["TOURPASS_REQUIRE_BROWSER"] == "1"
    static var shouldRun: Bool { path != nil || required }

    /// Runs Chromium headless on a local file with console logging on stderr; never waits past `timeout`.
    static func run(_ extra: [String], page: String, profile: String, timeout: TimeInterval = 90) throws -> ProcessResult {
        guard let path else { throw EndToEndError("chromium is not installed: run scripts/ensure-chromium.sh (scripts/test does)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0"] + extra + [URL(fileURLWithPath: page).absoluteString]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = exited.wait(timeout: .now() + 5)
            throw EndToEndError("chromium did not finish within \(timeout) s")
        }
        return ProcessResult(status: process.terminationStatus,
                             stdout: FileManager.default.contents(atPath: out.path) ?? Data(),
                             stderr: FileManager.default.contents(atPath: err.path) ?? Data())
    }

    /// Console messages the page produced (errors, failed loads): Chromium logs each as `…:CONSOLE…`.
    static func consoleMessages(_ result: ProcessResult) -> [String] {
        result.err.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }
}

@Suite("tourpass report --html in a browser", .serialized)
struct HTMLReportBrowserTests {
    static let small = """
        user alice
        verify
        card visa
        topup 500
        pay 38.50 qr:cross
        pay 20 qr:domestic
        expect error pay.domestic_qr
        advance 10d
        user bob
        verify
        card mastercard
        topup 1200
        pay 1 qr:cross password:000000
        expect error pay.wrong_password
        pay 1 qr:cross password:000000
        expect error pay.wrong_password
        pay 1 qr:cross password:000000
        expect error pay.wrong_password
        pay 1 qr:cross password:000000
        expect error pay.wrong_password
        pay 1 qr:cross password:000000
        expect error pay.password_locked
        advance 2d
        pay 300 to:cafe
        refund 100 from:cafe
        user alice
        advance 91d
        expect balance 0

        """

    static let failing = """
        user carol
        verify
        card visa
        topup 300
        | topped up CNY 300.00 from visa ••1111
        expect balance 250

        """

    @Test("a small run renders to a PNG with the chart drawn and no console messages", .enabled(if: Browser.shouldRun))
    func rendersSmallRun() throws {
        let dir = try TemporaryDirectory("tourpass-report")
        defer { dir.remove() }
        try dir.write("scenarios/small.scn", Self.small)
        try dir.write("scenarios/failing.scn", Self.failing)
        let page = dir.file("report.html")
        let run = try Tourpass.run(["report", "--html", page, dir.file("scenarios")])
        #expect(run.status == 1, "a failed scenario makes the exit 1: \(run.err)")
        let html = try #require(dir.read("report.html"))
        #expect(!html.contains("<script"), "no script")
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"), "nothing fetched")
        #expect(!html.contains("000000"), "no password on the page")

        let png = dir.file("report.png")
        let shot = try Browser.run(["--window-size=1000,1600", "--screenshot=\(png)"], page: page, profile: dir.file("profile"))
        #expect(shot.status == 0, "chromium: \(shot.err.suffix(2_000))")
        #expect(Browser.consoleMessages(shot).isEmpty, "console: \(Browser.consoleMessages(shot))")
        let image = try #require(FileManager.default.contents(atPath: png), "no PNG written")
        #expect(Array(image.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        // Width and height from the IHDR chunk, then size: a blank page compresses to a few KB.
        let bytes = [UInt8](image)
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be32(16) == 1000 && be32(20) == 1600, "the window size")
        #expect(image.count > 40_000, "a rendered chart is more than a blank page: \(image.count) bytes")

        let dump = try Browser.run(["--dump-dom"], page: page, profile: dir.file("profile"))
        #expect(Browser.consoleMessages(dump).isEmpty, "console: \(Browser.consoleMessages(dump))")
        let dom = dump.out
        #expect(dom.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2, "one chart per scenario")
        #expect(dom.components(separatedBy: "<path class=\"line\"").count - 1 >= 3, "a balance line per user (alice, bob, carol)")
        #expect(dom.contains("class=\"lock\""), "bob's lock band")
        #expect(dom.contains("class=\"rule expiry\""), "the expiry rule")
        #expect(dom.contains("2026-04-01"), "dates on the time axis")
        #expect(dom.contains("<span class=\"del\">-topped up CNY 300.00 from visa ••1111</span>"), "the failed scenario's diff")
    }

    @Test("the golden suite's report opens without console messages, a chart for each scenario with money", .enabled(if: Browser.shouldRun))
    func goldenSuite() throws {
        let dir = try TemporaryDirectory("tourpass-report")
        defer { dir.remove() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = dir.file("golden.html")
        let run = try Tourpass.run(["report", "--html", page, "scenarios"], directory: root.path)
        #expect(run.status == 0, "the golden suite passes: \(run.out.suffix(500))")
        let html = try #require(dir.read("golden.html"))
        let charts = html.components(separatedBy: "<svg class=\"chart\"").count - 1
        #expect(charts > 50, "\(charts) charts")
        let dump = try Browser.run(["--dump-dom"], page: page, profile: dir.file("profile"))
        #expect(dump.status == 0)
        #expect(Browser.consoleMessages(dump).isEmpty, "console: \(Browser.consoleMessages(dump))")
        #expect(dump.out.components(separatedBy: "<svg class=\"chart\"").count - 1 == charts, "every chart parsed into the DOM")
    }

    @Test("the console check catches a page that logs an error (so a clean run means something)", .enabled(if: Browser.shouldRun))
    func consoleCheckCanFail() throws {
        let dir = try TemporaryDirectory("tourpass-report")
        defer { dir.remove() }
        let page = try dir.write("bad.html", "<!DOCTYPE html><html><body><p>x</p><script>missingFunction()</script></body></html>")
        let dump = try Browser.run(["--dump-dom"], page: page, profile: dir.file("profile"))
        #expect(Browser.consoleMessages(dump).contains { $0.contains("missingFunction") })
    }
}
