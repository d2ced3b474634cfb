import Foundation
import Testing
import WalletCore
import WalletScript

/// Every scenario file is one test case: it parses, runs, matches its recorded output and
/// keeps the ledger's invariants after every step.
@Suite struct GoldenScenarioTests {
    /// Include-only files (`_setup.scn`) run through the files that include them; a file
    /// with an examples table runs once per row, as `tourpass run` does.
    @Test(arguments: ScenarioFiles.all.filter { !($0.split(separator: "/").last?.hasPrefix("_") ?? false) })
    func scenarioPasses(_ path: String) throws {
        let text = try ScenarioFiles.text(path)
        let file = TestName(path: Repo.path(path))
        let tests = WalletScript.Suite.header(of: file.path).examples.map(file.rows(of:)) ?? [file]
        for test in tests {
            let (result, _) = ScenarioRunner.run(text: text, name: test, options: RunOptions(checkInvariants: true, collectActual: true))
            #expect(result.diagnostics.isEmpty, "\(test.label) does not parse:\n\(describe(result))")
            #expect(result.failures.isEmpty, "\(test.label) failed:\n\(describe(result))")
            #expect(!result.actual.isEmpty, "\(test.label) has no commands")
        }
    }

    @Test func suiteHasEveryTopic() throws {
        #expect(ScenarioFiles.all.count >= 100, "only \(ScenarioFiles.all.count) scenario files")
        for topic in ["registration", "verification", "cards", "tourpass", "payments", "transfers", "policy", "reported"] {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: Repo.path("scenarios/" + topic), isDirectory: &isFolder)
            #expect(exists && isFolder.boolValue, "scenarios/\(topic)/ is missing")
            #expect(ScenarioFiles.all.contains { $0.hasPrefix("scenarios/\(topic)/") }, "scenarios/\(topic)/ has no .scn file")
        }
    }

    /// The suite's tags say what a file exercises beyond its folder, so `--tags` can cut
    /// across folders: `policy` (changes a policy value), `clock` (moves the clock),
    /// `domestic` (a domestic-version user), `why`. A folder counts as its own tag.
    @Test func suiteTagsSayWhatFilesExercise() throws {
        var counts: [String: Int] = [:]
        for path in ScenarioFiles.all where !(path.split(separator: "/").last?.hasPrefix("_") ?? false) {
            let name = TestName(path: Repo.path(path), relative: String(path.dropFirst("scenarios/".count)))
            let tags = Set(WalletScript.Suite.headerTags(of: name.path) + name.folderTags)
            let commands = try ScenarioFiles.text(path).split(separator: "\n")
                .filter { !$0.hasPrefix("#") && !$0.hasPrefix("|") && !$0.hasPrefix(" ") }
                .map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
            var needed: [String] = []
            if commands.contains(where: { $0[0] == "policy" && $0.count >= 3 }) { needed.append("policy") }
            if commands.contains(where: { $0[0] == "advance" }) { needed.append("clock") }
            if commands.contains(where: { $0.contains { $0.hasPrefix("phone:+86") || $0 == "version:domestic" } }) { needed.append("domestic") }
            if commands.contains(where: { $0[0] == "why" }) { needed.append("why") }
            let missing = needed.filter { !tags.contains($0) }
            #expect(missing.isEmpty, "\(path) lacks `# tags: \(missing.joined(separator: ", "))`")
            for tag in tags { counts[tag, default: 0] += 1 }
        }
        #expect((counts["policy"] ?? 0) > 11, "the policy folder and the files changing a policy elsewhere")
        #expect((counts["clock"] ?? 0) > 30 && (counts["domestic"] ?? 0) > 30)
    }

    /// A reported case opens with a comment that quotes the user's report.
    @Test func reportedScenariosQuoteTheirReport() throws {
        let reported = ScenarioFiles.all.filter { $0.hasPrefix("scenarios/reported/") }
        #expect(!reported.isEmpty)
        for path in reported {
            let lines = try ScenarioFiles.text(path).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first?.hasPrefix("#") == true, "\(path) does not open with a # comment")
            let opening = lines.prefix { $0.hasPrefix("#") }
            #expect(opening.contains { $0.contains("\"") || $0.contains("“") }, "\(path): the opening comment quotes nothing")
        }
    }

    /// Every code the rule data answers is asserted by some `expect error CODE` (the list
    /// comes from the rules inside the repository, not from ../shared/RULES.md).
    @Test func everyRuleCodeIsAsserted() throws {
        let codes = Set(RuleBook.rules.map(\.code.rawValue))
        #expect(codes.count >= 15, "only \(codes.count) codes in the rule data")
        var asserted: Set<String> = []
        for path in ScenarioFiles.all {
            for line in try ScenarioFiles.text(path).split(whereSeparator: \.isNewline) {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if words.count >= 3, words[0] == "expect", words[1] == "error" { asserted.insert(String(words[2])) }
            }
        }
        let missing = codes.subtracting(asserted).sorted()
        #expect(missing.isEmpty, "codes of the rule data with no `expect error` in scenarios/: \(missing.joined(separator: ", "))")
    }
}
