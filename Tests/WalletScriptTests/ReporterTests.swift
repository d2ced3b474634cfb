import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import WalletScript

@Suite struct ReporterTests {
    static let nasty = "<&>\"' \u{1}\u{8}\u{1B}[31m\u{7F} end"

    /// Two passes, one failure (with nasty text), one file that does not parse.
    static func mixed() -> SuiteResult {
        let ok = ScenarioRunner.run(text: "user alice\n", path: "ok.scn").0
        let ok2 = ScenarioRunner.run(text: "now\n", path: "a&b.scn").0
        let failed = ScenarioResult(path: "f<1>.scn", failures: [Failure(line: 3, source: "pay 5 to:\"x\"", details: [nasty, "-old", "+new"])],
                                    diagnostics: [], actual: [])
        let broken = ScenarioRunner.run(text: "topu 5\n", path: "broken.scn").0
        return SuiteResult(results: [ok, ok2, failed, broken], unreadable: [], updatedFiles: [])
    }

    @Test func textReportEndsWithCounts() {
        let lines = Reporter.text(Self.mixed(), style: Style(colour: false))
        #expect(lines.last == "2 passed, 1 failed, 1 did not parse")
        #expect(lines.prefix(4) == ["PASS ok.scn", "PASS a&b.scn", "FAIL f<1>.scn", "FAIL broken.scn"])
        #expect(lines.contains("f<1>.scn:3:1: pay 5 to:\"x\""))
        #expect(lines.contains("  -old") && lines.contains("  +new"))
        #expect(lines.contains { $0.hasPrefix("broken.scn:1:1: error: unknown command 'topu'") })
        let empty = SuiteResult(results: [], unreadable: [], updatedFiles: [])
        #expect(Reporter.text(empty, style: Style(colour: false)).last == "0 passed, 0 failed")
    }

    @Test func noEscapesWithoutColour() {
        let plain = Reporter.text(Self.mixed(), style: Style(colour: false)).joined(separator: "\n")
        // The ESC inside the failure text itself is shown escaped, not sent to the terminal.
        #expect(plain.filter { $0 == "\u{1B}" }.count == 0)
        #expect(plain.contains("\\u{1B}"))
        let coloured = Reporter.text(Self.mixed(), style: Style(colour: true)).joined(separator: "\n")
        #expect(coloured.contains("\u{1B}[32mPASS\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31mFAIL\u{1B}[0m"))
    }

    @Test func junitIsWellFormedWithCountsAndEscapes() throws {
        let xml = Reporter.junit(Self.mixed())
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        let suite = try #require(root.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "4")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        #expect(suite.attribute(forName: "errors")?.stringValue == "1")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.compactMap { $0.attribute(forName: "name")?.stringValue } == ["ok.scn", "a&b.scn", "f<1>.scn", "broken.scn"])
        #expect(cases.map { $0.elements(forName: "failure").count } == [0, 0, 1, 0])
        #expect(cases.map { $0.elements(forName: "error").count } == [0, 0, 0, 1])
        #expect(cases.allSatisfy { $0.attribute(forName: "time")?.stringValue?.contains(".") == true })
        #expect(cases[2].elements(forName: "failure").first?.attribute(forName: "message")?.stringValue
                == "f<1>.scn:3:1: pay 5 to:\"x\": expected 'old', got 'new'")
        let details = try #require(cases[2].elements(forName: "failure").first?.stringValue)
        #expect(details.contains("<&>\"' "))
        #expect(details.contains("f<1>.scn:3:1: pay 5 to:\"x\""))
        #expect(!details.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        #expect(!xml.contains("\u{1}") && !xml.contains("\u{1B}"))
        #expect(cases[3].elements(forName: "error").first?.attribute(forName: "message")?.stringValue?
                    .hasPrefix("broken.scn:1:1: error: unknown command 'topu'") == true)
    }

    @Test func junitOfTheWholeFolderParses() throws {
        let result = WalletScript.Suite.run(paths: [Repo.scenarios], options: SuiteOptions(jobs: 2))
        let document = try XMLDocument(data: Data(Reporter.junit(result).utf8), options: [])
        let cases = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase"))
        #expect(cases.count == ScenarioFiles.all.count)
    }
}
