import Foundation
import Testing
@testable import WalletScript

@Suite("HTML report")
struct HTMLReportTests {
    func session(_ lines: [String]) -> Console {
        var console = Console(inputName: "<test>")
        for line in lines { _ = console.handle(line) }
        return console
    }

    let lines = ["user \"Mary <Ann>\"", "verify", "card visa password:135790", "topup 500", "pay 38.50 qr:cross password:135790",
                 "merchant \"Li's & Co\"", "pay 12 to:\"Li's & Co\"", "advance 91d"]

    @Test("the same session gives the same bytes; names are escaped; no password or script")
    func deterministicAndEscaped() {
        let first = HTMLReport.session(session(lines))
        #expect(first == HTMLReport.session(session(lines)))
        #expect(first.contains("Mary &lt;Ann&gt;"))
        #expect(!first.contains("Mary <Ann>"))
        #expect(first.contains("Li&#39;s &amp; Co"))
        #expect(!first.contains("135790"))
        #expect(!first.contains("<script"))
        #expect(first.contains("<svg class=\"chart\""))
    }

    @Test("the chart has a line per user, a mark per top-up, payment and expiry, and dated ticks")
    func chartContent() throws {
        let console = session(lines + ["user bob", "verify", "card mastercard", "topup 100"])
        let svg = try #require(BalanceChart.svg(console.session, id: "c"))
        #expect(svg.components(separatedBy: "<path class=\"line\"").count - 1 == 2)
        #expect(svg.contains("top-up CNY 500.00 from visa ••1111"), "a top-up's title names it")
        #expect(svg.contains("paid CNY 38.50 to cross-qr"))
        #expect(svg.contains("class=\"rule expiry\""))
        #expect(svg.contains(">2026-01-01</text>") && svg.contains(">2026-04-01</text>"))
        #expect(!svg.contains("nan") && !svg.contains("inf"), "no broken numbers")
    }

    @Test("a session without money has no chart; the page says so")
    func noChart() {
        let console = session(["user alice"])
        #expect(BalanceChart.svg(console.session, id: "c") == nil)
        let empty = HTMLReport.session(session([]))
        #expect(empty.contains("nothing to chart"))
    }

    @Test("card numbers in the session lines keep only their last four digits")
    func masksCardNumbers() {
        #expect(HTMLReport.maskCardNumber("card 4111 1111 1111 1111 exp:12/29") == "card •••• •••• •••• 1111 exp:12/29")
        #expect(HTMLReport.maskCardNumber("card visa") == "card visa")
        #expect(HTMLReport.maskCardNumber("link 5555-5555-5555-4444") == "link ••••-••••-••••-4444")
    }

    @Test("the page counts as run does: a file that did not parse is said apart, not among the failed")
    func countsAsRun() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        _ = try dir.write("pass.scn", "user alice\nexpect verified no\n")
        _ = try dir.write("fail.scn", "user alice\nexpect verified yes\n")
        _ = try dir.write("bad.scn", "user alice\nfrobnicate\n")
        let (html, suite) = HTMLReport.run(paths: [dir.path])
        #expect(Reporter.summary(suite) == "1 passed, 1 failed, 1 did not parse")
        #expect(html.contains(">1 passed</span>, <span class=\"count fail\">1 failed</span>, <span class=\"count fail\">1 did not parse</span> <span class=\"of\">of 3 scenarios"), "\(html.prefix(1500))")
        #expect(html.contains("title=\"1 passed, 1 failed, 1 did not parse\""))
        #expect(!html.contains("2 failed"))
        #expect(html.contains("<span class=\"badge fail\">ERROR</span> <span class=\"name\">"), "the file that did not parse is marked ERROR")
    }

    @Test("ticks and money axis: round values, tenths without locale")
    func axes() {
        #expect(MoneyAxis(maxFen: 46_150).ticks == [0, 10_000, 20_000, 30_000, 40_000, 50_000])
        #expect(MoneyAxis(maxFen: 0).topFen == 10_000)
        #expect(MoneyAxis.label(150_000) == "1,500")
        #expect(BalanceChart.n(12.34) == "12.3")
        #expect(BalanceChart.n(-0.25) == "-0.3")
        #expect(BalanceChart.n(80) == "80")
    }
}
