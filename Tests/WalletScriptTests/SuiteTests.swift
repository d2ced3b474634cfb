import Foundation
import Testing
import WalletScript

/// Running folders of scenarios: order, filter, exit codes, atomic writes.
@Suite struct SuiteTests {
    static let passing = "user alice\nexpect ok\nverify\nexpect verified yes\n"
    static let failing = "user alice\nexpect balance 5\n"

    func folder(_ files: [String: String]) throws -> TempDir {
        let dir = try TempDir()
        for (name, text) in files { try dir.write(name, text) }
        return dir
    }

    func report(_ result: SuiteResult) -> String { Reporter.text(result, style: Style(colour: false)).joined(separator: "\n") }

    @Test func resultsAreSortedWhateverTheJobs() throws {
        let names = ["b/two.scn", "a.scn", "c/z/last.scn", "b/one.scn", "B.scn", "m.scn", "bad.scn"]
        var files = Dictionary(uniqueKeysWithValues: names.map { ($0, Self.passing) })
        files["m.scn"] = Self.failing
        files["notes.txt"] = "not a scenario"
        let dir = try folder(files)
        defer { dir.remove() }
        let one = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions(jobs: 1))
        let four = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions(jobs: 4))
        let relative = one.results.map { String($0.path.dropFirst(dir.path.count + 1)) }
        #expect(relative == ["B.scn", "a.scn", "b/one.scn", "b/two.scn", "bad.scn", "c/z/last.scn", "m.scn"])
        #expect(report(one) == report(four))
        #expect(one.passedCount == 6 && one.failedCount == 1 && one.exitCode == 1)
        let trailingSlash = WalletScript.Suite.run(paths: [dir.path + "/"], options: SuiteOptions(jobs: 3))
        #expect(trailingSlash.results.map(\.path) == one.results.map(\.path))
    }

    @Test func filterPicksScenarios() throws {
        let dir = try folder(["pay-a.scn": Self.passing, "pay-b.scn": Self.passing, "topup.scn": Self.failing])
        defer { dir.remove() }
        let picked = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions(filter: "pay-"))
        #expect(picked.results.map { ($0.path as NSString).lastPathComponent } == ["pay-a.scn", "pay-b.scn"])
        #expect(picked.exitCode == 0)
        let none = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions(filter: "nothing-matches"))
        #expect(none.results.isEmpty)
    }

    @Test func exitCodes() throws {
        let dir = try folder(["ok.scn": Self.passing, "fail.scn": Self.failing, "broken.scn": "user alice\ntopu 5\n"])
        defer { dir.remove() }
        #expect(WalletScript.Suite.run(paths: [dir.file("ok.scn")], options: .init()).exitCode == 0)
        #expect(WalletScript.Suite.run(paths: [dir.file("ok.scn"), dir.file("fail.scn")], options: .init()).exitCode == 1)
        #expect(WalletScript.Suite.run(paths: [dir.file("ok.scn"), dir.file("broken.scn")], options: .init()).exitCode == 2)
        let missing = WalletScript.Suite.run(paths: [dir.file("ok.scn"), dir.file("missing.scn")], options: .init())
        #expect(missing.exitCode == 2)
        #expect(missing.unreadable == [dir.file("missing.scn")])
        #expect(report(missing).contains("error: cannot read \(dir.file("missing.scn"))"))
    }

    @Test func updateRewritesOnlyChangedFilesAndLeavesNoTemporaryFile() throws {
        let dir = try folder(["stale.scn": "user alice\n| old\n", "assert.scn": "# nothing to record\nexpect now 2026-01-01\n"])
        defer { dir.remove() }
        let result = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions(update: true, jobs: 2))
        #expect(result.updatedFiles == [dir.file("stale.scn")])
        #expect(result.exitCode == 0)
        let updated = try dir.read("stale.scn")
        #expect(updated.hasPrefix("user alice\n| alice signed up"))
        #expect(try dir.read("assert.scn") == "# nothing to record\nexpect now 2026-01-01\n")
        #expect(try dir.listing() == ["assert.scn", "stale.scn"])
        let again = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions(update: true))
        #expect(again.updatedFiles.isEmpty && again.exitCode == 0)
        #expect(try dir.read("stale.scn") == updated)
    }

    @Test func writeAtomicallyReplacesTheFileAndLeavesNoTemporary() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        #expect(WalletScript.Suite.writeAtomically("first\n", to: dir.file("x.scn")))
        #expect(WalletScript.Suite.writeAtomically("second\n", to: dir.file("x.scn")))
        #expect(try dir.read("x.scn") == "second\n")
        #expect(try dir.listing() == ["x.scn"])
        #expect(!WalletScript.Suite.writeAtomically("x", to: dir.file("no/such/folder/x.scn")))
        #expect(try dir.listing() == ["x.scn"])
    }
}
