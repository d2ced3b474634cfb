import Foundation
import Testing

@Suite("tourpass report and :report on the built binary")
struct ReportCommandTests {
    @Test("the same run writes the same bytes, whatever the time zone and locale")
    func sameBytes() throws {
        let dir = try TemporaryDirectory("tourpass-report")
        defer { dir.remove() }
        try dir.write("s/a.scn", "user alice\nverify\ncard visa\ntopup 500\npay 38.50 qr:cross\nadvance 91d\n")
        let first = try Tourpass.run(["report", "--html", dir.file("one.html"), dir.file("s")], environment: ["TZ": "UTC", "LANG": "C"])
        let second = try Tourpass.run(["report", "--html", dir.file("two.html"), dir.file("s")],
                                      environment: ["TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8"])
        #expect(first.status == 0 && second.status == 0)
        let one = try #require(dir.read("one.html"))
        #expect(one == dir.read("two.html"))
        #expect(one.contains("<svg class=\"chart\""))
        #expect(first.out.hasPrefix("wrote \(dir.file("one.html")): 1 passed, 0 failed"))
    }

    @Test("the summary line counts a file that did not parse apart from failed ones, as run does")
    func summaryAsRun() throws {
        let dir = try TemporaryDirectory("tourpass-report")
        defer { dir.remove() }
        try dir.write("s/fail.scn", ScenarioFixtures.failing)
        try dir.write("s/pass.scn", ScenarioFixtures.passing)
        try dir.write("s/bad.scn", ScenarioFixtures.unparsable)
        let result = try Tourpass.run(["report", "--html", dir.file("r.html"), dir.file("s")])
        #expect(result.status == 2, "\(result.err)")
        #expect(result.out.hasPrefix("wrote \(dir.file("r.html")): 1 passed, 1 failed, 1 did not parse, "), "\(result.out)")
    }

    @Test("no scenario files, or a page that cannot be written: exit 2 with the reason")
    func failures() throws {
        let dir = try TemporaryDirectory("tourpass-report")
        defer { dir.remove() }
        let none = try Tourpass.run(["report", "--html", dir.file("x.html"), dir.file("missing")])
        #expect(none.status == 2)
        try dir.write("s/a.scn", "user alice\n")
        let folder = try Tourpass.run(["report", "--html", dir.path, dir.file("s")])
        #expect(folder.status == 2)
        #expect(folder.err.contains("cannot write") && folder.err.contains("directory"), "\(folder.err)")
    }

    @Test(":report in piped input writes the session's page, with the chart and no password")
    func replReport() throws {
        let dir = try TemporaryDirectory("tourpass-report")
        defer { dir.remove() }
        let page = dir.file("session.html")
        let run = try Tourpass.piped("user alice\nverify\ncard visa password:135790\ntopup 500\npay 10 qr:cross password:135790\n:report \(page)\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("wrote the session's report to \(page)"))
        let html = try #require(dir.read("session.html"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(!html.contains("135790"))
    }
}
