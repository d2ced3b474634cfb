import Foundation
import Testing
import WalletScript

/// `include PATH`: shared setup in the same world, problems named with their chain.
@Suite struct IncludeTests {
    static let setup = "# shared\nuser alice\nverify\ncard visa\ntopup 500\n| recorded output here is ignored\nexpect balance 500\n"

    func run(_ dir: TempDir, _ name: String, options: SuiteOptions = SuiteOptions()) -> SuiteResult {
        WalletScript.Suite.run(paths: [dir.file(name)], options: options)
    }

    func report(_ suite: SuiteResult) -> [String] { Reporter.text(suite, style: Style(colour: false)) }

    @Test func includedLinesRunInTheSameWorldAndExpectSeesTheirLastCommand() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.setup)
        try dir.write("_refused.scn", "pay 1 qr:domestic\n")
        try dir.write("a.scn", "include _setup.scn\npay 10 qr:cross\nexpect balance 490\ninclude \"_refused.scn\"\nexpect error pay.domestic_qr\ninclude _setup.scn\n")
        // The second include of _setup.scn is no cycle: `card visa` then fails, unexcused.
        let suite = run(dir, "a.scn")
        #expect(suite.exitCode == 1)
        let failure = try #require(suite.results.first?.failures.first)
        #expect(failure.file == dir.file("_setup.scn"))
        #expect(failure.line == 4)
        #expect(failure.includedFrom == [dir.file("a.scn") + ":6"])
        #expect(report(suite).contains("  included from \(dir.file("a.scn")):6"))
        #expect(report(suite).contains("\(dir.file("_setup.scn")):4:1: card visa"))
    }

    @Test func aMissingFileIsAParseErrorAtTheIncludeLine() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("a.scn", "user alice\ninclude   nope.scn\n")
        let suite = run(dir, "a.scn")
        #expect(suite.exitCode == 2)
        #expect(suite.results.first?.diagnostics.map(\.rendered) == ["\(dir.file("a.scn")):2:11: error: cannot include \(dir.file("nope.scn")): No such file or directory"])
    }

    @Test func aCycleNamesTheChain() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("a.scn", "now\ninclude sub/_b.scn\n")
        try dir.write("sub/_b.scn", "# b\ninclude ../a.scn\n")
        let suite = run(dir, "a.scn")
        #expect(suite.exitCode == 2)
        let rendered = suite.results.first?.diagnostics.map(\.rendered) ?? []
        #expect(rendered == ["\(dir.file("sub/_b.scn")):2:9: error: include cycle: \(dir.file("a.scn")):2 → \(dir.file("sub/_b.scn")):2 → \(dir.file("sub/../a.scn")), which is already running"])
    }

    @Test func aProblemInsideAnIncludedFileSaysWhereItWasIncluded() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_bad.scn", "user a\ntopup 1.234\n")
        try dir.write("_table.scn", "examples:\n  a\n  1\n\nnow\n")
        try dir.write("a.scn", "include _bad.scn\n")
        try dir.write("b.scn", "include _table.scn\n")
        #expect(run(dir, "a.scn").results.first?.diagnostics.first?.rendered
                == "\(dir.file("_bad.scn")):2:7: error: amount has more than two decimals: 1.234 (included from \(dir.file("a.scn")):1)")
        #expect(run(dir, "b.scn").results.first?.diagnostics.first?.message
                == "an included file may not have an examples table (the includer's placeholders apply to its include line only) (included from \(dir.file("b.scn")):1)")
    }

    @Test func includesNestOnlySoDeep() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for level in 0..<20 { try dir.write("_\(level).scn", "include _\(level + 1).scn\n") }
        try dir.write("_20.scn", "now\n")
        let suite = run(dir, "_0.scn")
        #expect(suite.exitCode == 2)
        #expect(suite.results.first?.diagnostics.first?.message.hasPrefix("includes nest deeper than 16 files: ") == true)
    }

    @Test func walkingAFolderSkipsIncludeOnlyFilesButNamingOneRunsIt() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.setup)
        try dir.write("a.scn", "include _setup.scn\n")
        #expect(WalletScript.Suite.collect([dir.path]).files == [dir.file("a.scn")])
        #expect(WalletScript.Suite.collect([dir.file("_setup.scn")]).files == [dir.file("_setup.scn")])
        // Named, its own recorded output is compared: the junk line fails.
        #expect(run(dir, "_setup.scn").exitCode == 1)
        #expect(run(dir, "a.scn").exitCode == 0)
    }

    @Test func updateNeverWritesAnIncludedFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.setup)
        try dir.write("a.scn", "include _setup.scn\nbalance\n")
        let suite = run(dir, "a.scn", options: SuiteOptions(update: true))
        #expect(suite.updatedFiles == [dir.file("a.scn")])
        #expect(try dir.read("_setup.scn") == Self.setup)
        #expect(try dir.read("a.scn") == "include _setup.scn\nbalance\n| TourPass CNY 500.00 (active until 2026-04-01 00:00)\n")
    }

    @Test func pipedIncludeIsRelativeToTheWorkingDirectoryAndCountsFailures() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.setup + "expect balance 1\n")
        var piped = PipedRun(inputName: "<stdin>")
        let printed = piped.feed("include \(dir.file("_setup.scn"))")
        #expect(printed.err == ["\(dir.file("_setup.scn")):8: error: expect failed (included from <stdin>:1)"])
        #expect(piped.finish().exitCode == 1)
        var missing = PipedRun(inputName: "<stdin>")
        #expect(missing.feed("include no-such-file.scn").err.first?.hasPrefix("<stdin>:1:9: error: cannot include no-such-file.scn") == true)
        #expect(missing.finish().exitCode == 2)
    }

    @Test func inTheReplAnIncludeIsOneUndoStepAndCompletes() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("_setup.scn", Self.setup)
        var console = Console()
        _ = console.handle("user bob")
        let response = console.handle("include \(dir.file("_setup.scn"))")
        #expect(response.lines.last?.text == "included 5 lines from \(dir.file("_setup.scn"))")
        #expect(console.session.currentUserName == "alice")
        _ = console.handle(":undo")
        #expect(console.session.currentUserName == "bob", "one :undo takes back the whole include")
        #expect(Completion.candidates(for: "inc", session: Session()) == ["include"])
        #expect(Completion.candidates(for: "include \(dir.path)/_se", session: Session()) == ["\(dir.path)/_setup.scn"])
    }
}
