import Foundation
import Testing

/// The report is the same whatever the jobs, time zone, locale or colour settings.
@Suite("tourpass run output is stable")
struct RunStabilityTests {
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var scenarios: String { repository.appendingPathComponent("scenarios").path }

    /// A folder of time-dependent scenarios, one failing.
    static func folder() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for index in 0..<14 { try dir.write("s\(index)/expiry.scn", ScenarioFixtures.expiry(index)) }
        try dir.write("fail.scn", ScenarioFixtures.failing)
        return dir
    }

    @Test("-j 1 and -j 2 print the same bytes")
    func jobs() throws {
        let dir = try Self.folder()
        defer { dir.remove() }
        let one = try Tourpass.run(["run", "-j", "1", "."], directory: dir.path)
        let two = try Tourpass.run(["run", "-j", "2", "."], directory: dir.path)
        let many = try Tourpass.run(["run", "--jobs", "16", "."], directory: dir.path)
        #expect(one.status == 1)
        #expect(one.out.hasSuffix("\n14 passed, 1 failed\n"))
        #expect(two.stdout == one.stdout)
        #expect(many.stdout == one.stdout)
        #expect([two.status, many.status] == [1, 1])
    }

    @Test("TZ=Asia/Tokyo LANG=de_DE.UTF-8 prints what TZ=UTC LANG=C prints")
    func timeZoneAndLocale() throws {
        let dir = try Self.folder()
        defer { dir.remove() }
        let tokyo: [String: String?] = ["TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"]
        let utc: [String: String?] = ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"]
        let a = try Tourpass.run(["run", "-j", "2", "."], environment: tokyo, directory: dir.path)
        let b = try Tourpass.run(["run", "-j", "2", "."], environment: utc, directory: dir.path)
        #expect(a.status == 1 && b.status == 1)
        #expect(a.stdout == b.stdout)

        let pipedA = try Tourpass.piped(EndToEndTests.session + "status\nhistory\n", environment: tokyo)
        let pipedB = try Tourpass.piped(EndToEndTests.session + "status\nhistory\n", environment: utc)
        #expect(pipedA.stdout == pipedB.stdout)
        #expect(pipedA.out.hasPrefix(EndToEndTests.sessionOutput))
    }

    @Test("no ANSI escapes when stdout is a pipe, with or without NO_COLOR", arguments: [nil, "1"] as [String?])
    func noEscapes(noColor: String?) throws {
        let dir = try Self.folder()
        defer { dir.remove() }
        try dir.write("bad.scn", ScenarioFixtures.unparsable)
        let run = try Tourpass.run(["run", "."], environment: ["NO_COLOR": noColor, "TERM": "xterm-256color"], directory: dir.path)
        #expect(run.status == 2)
        #expect(run.out.contains("FAIL") && run.out.contains("PASS"))
        #expect(!(run.out + run.err).contains("\u{1B}"))
        let piped = try Tourpass.piped(EndToEndTests.session + "pay 5 qr:domestic\n", environment: ["NO_COLOR": noColor, "TERM": "xterm-256color"])
        #expect(piped.status == 1)
        #expect(!(piped.out + piped.err).contains("\u{1B}"))
    }

    @Test("the repository's scenarios all pass with --check-invariants")
    func repositoryScenarios() throws {
        let result = try Tourpass.run(["run", "--check-invariants", "-j", "2", Self.scenarios], timeout: 300)
        #expect(result.status == 0, "\(result.out.split(separator: "\n").filter { !$0.hasPrefix("PASS") }.joined(separator: "\n"))")
        #expect(result.outLines.last(where: { !$0.isEmpty })?.hasSuffix(" passed, 0 failed") == true)
        #expect(!result.out.contains("FAIL"))
    }
}
