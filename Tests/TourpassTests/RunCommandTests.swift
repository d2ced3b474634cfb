import Foundation
import Testing

/// `tourpass run PATH...`: exit codes, the report, and its stable output.
@Suite("tourpass run")
struct RunCommandTests {
    @Test("all passing: exit 0 and `N passed, 0 failed` last")
    func allPass() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a/pass.scn", ScenarioFixtures.passing)
        try dir.write("b/deeper/expiry.scn", ScenarioFixtures.expiry(12))
        try dir.write("notes.txt", "frobnicate\n")  // not a .scn: ignored
        let result = try Tourpass.run(["run", dir.path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.outLines.suffix(2) == ["2 passed, 0 failed", ""])
        #expect(result.out.contains("PASS \(dir.path)/a/pass.scn"))
        #expect(result.out.contains("PASS \(dir.path)/b/deeper/expiry.scn"))
    }

    @Test("a folder given through a symbolic link is searched like the folder itself")
    func symlinkedFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("real/pass.scn", ScenarioFixtures.passing)
        try FileManager.default.createSymbolicLink(atPath: dir.file("link"), withDestinationPath: dir.file("real"))
        for path in ["link", "link/"] {
            let result = try Tourpass.run(["run", path], directory: dir.path)
            #expect(result.status == 0, "run \(path): \(result.out)\(result.err)")
            #expect(result.out.hasSuffix("1 passed, 0 failed\n"), "run \(path): \(result.out)")
        }
    }

    @Test("a failing scenario: exit 1, file:line, the command and a unified diff")
    func failing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("fail.scn", ScenarioFixtures.failing)
        try dir.write("pass.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(["run", "fail.scn", "pass.scn"], directory: dir.path)
        #expect(result.status == 1)
        let lines = result.outLines
        #expect(lines.first == "FAIL fail.scn")
        #expect(lines.contains("PASS pass.scn"))
        let header = try #require(lines.firstIndex(of: "fail.scn:4:1: user carol"), "\(result.out)")
        #expect(Array(lines[(header + 1)...].prefix(3)) == ["  --- expected", "  +++ actual", "  @@ -1,2 +1,2 @@"])
        let hunk = lines[(header + 4)...].prefix(4)
        #expect(hunk.contains("  -carol signed up with 44-7700900009 (international version)"))
        #expect(hunk.contains("  -SMS code 1266 sent to 44-7700900002 and entered"))
        #expect(hunk.contains("  +carol signed up with 44-7700900002 (international version)"))
        #expect(hunk.contains("  +SMS code 7477 sent to 44-7700900002 and entered"))
        #expect(lines.suffix(2) == ["1 passed, 1 failed", ""])
    }

    @Test("a file that does not parse is counted apart and shown with its line and a caret; a missing path says why")
    func parseErrorsApart() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("bad.scn", "user alice\ntopup 5 crad:visa\n")
        try dir.write("fail.scn", "user alice\nexpect balance 5\n")
        try dir.write("pass.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(["run", "bad.scn", "fail.scn", "pass.scn"], directory: dir.path)
        #expect(result.status == 2)
        let lines = result.outLines
        let error = try #require(lines.firstIndex { $0.hasPrefix("bad.scn:2:") }, "\(result.out)")
        #expect(lines[error + 1] == "    topup 5 crad:visa", "\(result.out)")
        let column = try #require(Int(lines[error].split(separator: ":")[2]))
        #expect(lines[error + 2] == "    " + String(repeating: " ", count: column - 1) + "^")
        #expect(lines.suffix(2) == ["1 passed, 1 failed, 1 did not parse", ""])
        let missing = try Tourpass.run(["run", "nosuch.scn"], directory: dir.path)
        #expect(missing.status == 2)
        #expect((missing.out + missing.err).contains("cannot read nosuch.scn: No such file or directory"), "\(missing.out)\(missing.err)")
    }

    @Test("a failed expect in a file: exit 1 with file:line and the command")
    func failedAssertion() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("assert.scn", "user alice\n\nexpect balance 5\n")
        let result = try Tourpass.run(["run", "assert.scn"], directory: dir.path)
        #expect(result.status == 1)
        #expect(result.out.contains("assert.scn:3:1: expect balance 5\n"))
        #expect(result.out.contains("CNY 0.00"))
    }

    @Test("a file that does not parse: exit 2 with file:line:col: error:")
    func doesNotParse() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("bad.scn", ScenarioFixtures.unparsable)
        try dir.write("pass.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(["run", "."], directory: dir.path)
        #expect(result.status == 2)
        #expect(result.out.contains("./bad.scn:2:1: error: unknown command 'frobnicate'"), "\(result.out)")
    }

    @Test("a missing path: exit 2, naming it")
    func missingPath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("pass.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(["run", "pass.scn", "nope.scn"], directory: dir.path)
        #expect(result.status == 2)
        #expect((result.out + result.err).contains("nope.scn"))
    }

    @Test("bad usage exits 2", arguments: [["run"], ["run", "-j", "0", "."], ["run", "--jobs", "257", "."], ["run", "--nope", "."], ["bogus"]])
    func badUsage(arguments: [String]) throws {
        let result = try Tourpass.run(arguments)
        #expect(result.status == 2)
        #expect(result.err.contains("Error") || result.err.contains("error"), "\(result.err)")
        #expect(result.out == "")
    }

    @Test("--filter runs only the matching paths; no match is exit 2")
    func filter() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("cards/one.scn", ScenarioFixtures.passing)
        try dir.write("payments/two.scn", ScenarioFixtures.failing)
        let result = try Tourpass.run(["run", "--filter", "cards", "."], directory: dir.path)
        #expect(result.status == 0)
        #expect(result.out == "PASS ./cards/one.scn\n\n1 passed, 0 failed\n")
        let none = try Tourpass.run(["run", "--filter", "zzz", "."], directory: dir.path)
        #expect(none.status == 2)
        #expect(none.err.contains("no scenario files found"))
    }

    @Test("--junit writes a well-formed XML report")
    func junit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("fail.scn", ScenarioFixtures.failing)
        try dir.write("pass.scn", ScenarioFixtures.passing)
        let result = try Tourpass.run(["run", "--junit", "report.xml", "."], directory: dir.path)
        #expect(result.status == 1)
        let xml = try #require(dir.read("report.xml"))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tourpass\" tests=\"2\" failures=\"1\" errors=\"0\" time=\""))
        // `run .`: the folder's own name, never a made-up one.
        #expect(xml.contains("<testcase classname=\"\(dir.url.lastPathComponent)\" name=\"pass.scn\" time=\""))
        #expect(xml.contains("<failure message=\"./fail.scn:4:1: user carol: expected &apos;carol signed up"))
        #expect(xml.contains(" type=\"failure\">./fail.scn:4:1: user carol"))
        #expect(xml.contains("  -carol signed up with 44-7700900009 (international version)"))
        #expect(xml.hasSuffix("</testsuites>\n"))
        #expect(XMLChecker.isWellFormed(xml))
    }
}
