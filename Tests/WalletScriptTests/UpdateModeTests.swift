import Testing
import WalletScript

/// Update mode rewrites recorded output and nothing else.
@Suite struct UpdateModeTests {
    /// Runs and updates a text; the updated text must also parse.
    func update(_ text: String, path: String = "t.scn") -> String? {
        let (result, updated) = ScenarioRunner.update(text: text, path: path)
        guard let updated else { Issue.record("does not parse: \(describe(result))"); return nil }
        return updated
    }

    /// The text without its recorded-output lines (any line ending).
    func withoutOutput(_ text: String) -> String {
        var kept = ""
        var line = ""
        for scalar in text.unicodeScalars {
            line.unicodeScalars.append(scalar)
            if scalar == "\n" {
                if !line.hasPrefix("|") { kept += line }
                line = ""
            }
        }
        if !line.hasPrefix("|") { kept += line }
        return kept
    }

    static let messy = "# a comment   \n\nuser   alice  \n| stale output\n| more stale\nexpect ok\n\t verify # trailing\n\n\n"
        + "card visa\ntopup 500\n# between\nexpect balance 500\nbalance\n|\n| old"

    @Test func keepsEveryNonOutputByte() throws {
        let updated = try #require(update(Self.messy))
        #expect(withoutOutput(updated) == withoutOutput(Self.messy))
        #expect(!updated.contains("stale"))
        #expect(updated.contains("user   alice  \n| alice signed up with 44-7700900001 (international version)\n"))
        #expect(updated.hasSuffix("balance\n| TourPass CNY 500.00 (active until 2026-04-01 00:00)\n"))
    }

    @Test func keepsCRLFLineEndings() throws {
        let text = "# crlf file\r\nuser alice\r\nexpect ok\r\n\r\nverify\r\nbalance"
        let updated = try #require(update(text))
        #expect(withoutOutput(updated).hasPrefix("# crlf file\r\nuser alice\r\nexpect ok\r\n\r\nverify\r\nbalance"))
        let (rerun, scenario) = ScenarioRunner.run(text: updated, path: "crlf.scn")
        #expect(rerun.passed, "\(describe(rerun))\n--- updated text:\n\(updated.debugDescription)")
        #expect(scenario?.steps.first?.recorded?.count == 2, "user alice should have two recorded lines")
    }

    /// A CRLF file whose last line has no newline gets CRLF output under it, not LF (mixed).
    @Test func crlfLastLineWithoutNewlineStaysCRLF() throws {
        let updated = try #require(update("user alice\r\nnow"))
        #expect(updated == "user alice\r\n| alice signed up with 44-7700900001 (international version)\r\n"
                + "| SMS code 6844 sent to 44-7700900001 and entered\r\nnow\r\n| 2026-01-01 00:00 (China Standard Time)\r\n",
                "\(updated.debugDescription)")
    }

    @Test func lastLineWithoutNewline() throws {
        let updated = try #require(update("user alice\nnow"))
        #expect(updated == "user alice\n| alice signed up with 44-7700900001 (international version)\n"
                + "| SMS code 6844 sent to 44-7700900001 and entered\nnow\n| 2026-01-01 00:00 (China Standard Time)\n")
        // A last line that is an assertion keeps its missing newline.
        let assertion = try #require(update("user alice\nexpect ok"))
        #expect(assertion.hasSuffix("entered\nexpect ok"))
    }

    @Test func updatedTextPassesAndUpdatingTwiceChangesNothing() throws {
        let once = try #require(update(Self.messy))
        let (result, _) = ScenarioRunner.run(text: once, path: "t.scn", checkInvariants: true)
        #expect(result.passed, "\(describe(result))")
        #expect(update(once) == once)
    }

    @Test func failingCommandWithoutExpectPassesOnceRecorded() throws {
        let text = "user alice\ntopup 500\nbalance\n"
        let (before, _) = ScenarioRunner.run(text: text, path: "f.scn")
        #expect(before.failures.map(\.line) == [2])
        #expect(before.failures.first?.details.first?.hasPrefix("failed with tourpass.not_verified") == true)
        let updated = try #require(update(text))
        #expect(updated.contains("topup 500\n| error tourpass.not_verified: "))
        let (after, _) = ScenarioRunner.run(text: updated, path: "f.scn")
        #expect(after.passed, "\(describe(after))")
    }

    /// Include-only files and examples tables hold no recorded output to update.
    @Test func goldenFilesAreAlreadyUpToDate() throws {
        let recorded = ScenarioFiles.all.filter { path in
            !(path.split(separator: "/").last?.hasPrefix("_") ?? false)
                && WalletScript.Suite.header(of: Repo.path(path)).examples == nil
        }
        for path in recorded.prefix(25) {
            let text = try ScenarioFiles.text(path)
            #expect(update(text, path: Repo.path(path)) == text, "\(path) would change under --update")
        }
    }
}
