import Foundation
import Testing

/// `--max-failures` leaves tests unrun: JUnit lists them as skipped, so its count is the
/// selection's, as the text report's `N not run` says.
@Suite struct MaxFailuresJUnitTests {
    /// xmllint's verdict on `file` against the Jenkins schema kept in Tests/.
    static func validate(_ file: String) throws -> (status: Int32, message: String) {
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try #require(xmllint, "xmllint is missing: scripts/test installs libxml2-utils")
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schemas/jenkins-junit.xsd").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--noout", "--schema", schema, file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test("files not run under --max-failures are <skipped> testcases; the report validates; -j does not change it")
    func skippedInJUnit() throws {
        let dir = try TemporaryDirectory("tourpass-maxfail")
        defer { dir.remove() }
        for index in 0..<7 {
            try dir.write("f\(index).scn", index == 1 || index == 3 ? ScenarioFixtures.failing : ScenarioFixtures.passing)
        }
        for jobs in ["1", "2"] {
            let result = try Tourpass.run(["run", "-j", jobs, "--max-failures", "2", "--junit", "j.xml", "."], directory: dir.path)
            #expect(result.status == 1)
            #expect(result.out.contains("stopped after 2 failed files (--max-failures): 3 not run"), "\(result.out)")
            let xml = try #require(dir.read("j.xml"))
            #expect(xml.contains("<testsuite name=\"tourpass\" tests=\"7\" failures=\"2\" errors=\"0\" skipped=\"3\""), "\(xml)")
            #expect(xml.contains("<testsuites name=\"tourpass\" tests=\"7\""), "\(xml)")
            for index in 4..<7 {
                #expect(xml.contains("name=\"f\(index).scn\" time=\"0.000\">\n      <skipped message=\"not run: --max-failures 2 reached\"/>"), "\(xml)")
            }
            #expect(xml.components(separatedBy: "<skipped ").count - 1 == 3)
            let check = try Self.validate(dir.file("j.xml"))
            #expect(check.status == 0, "\(check.message)\n\(xml)")
        }
    }
}
