import Foundation
import Testing
import WalletScript

/// The REPL's `:report FILE` never replaces a scenario (the tester's `:save e644.scn` then
/// `:report e644.scn`) nor a file the session read; the session goes on.
@Suite struct SessionReportTargetTests {
    @Test(":save then :report onto the same .scn: refused, the saved scenario kept; a file :load read is refused too")
    func reportAfterSave() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let saved = dir.file("e644.scn")
        var console = Console(inputName: "<repl>")
        _ = console.handle("user alice")
        _ = console.handle(":save \(saved)")
        let before = try dir.read("e644.scn")
        let refused = console.handle(":report \(saved)")
        #expect(refused.errors == ["<repl>:3: error: :report \(saved): a report is never written onto a scenario file (.scn); give the report its own file, such as :report report.html"], "\(refused.errors)")
        #expect(try dir.read("e644.scn") == before)
        let notes = try dir.write("notes.txt", "user bob\n")
        _ = console.handle(":load \(notes)")
        let read = console.handle(":report \(notes)")
        #expect(read.errors.first?.hasSuffix("error: :report \(notes) is a file this run reads: the report would replace it; give the report its own file") == true, "\(read.errors)")
        #expect(try dir.read("notes.txt") == "user bob\n")
        let fine = console.handle(":report \(dir.file("page.html"))")
        #expect(fine.errors.isEmpty && fine.lines.first?.text.hasPrefix("wrote the session's report to") == true, "\(fine.lines)")
        #expect(console.session.world.users.count == 2, "the session went on")
    }

    @Test(":save onto a file :load or include read is refused, an error that counts; the file is kept, another name saves")
    func saveOntoReadFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let setup = try dir.write("_setup.scn", "user alice\n")
        let loaded = try dir.write("a.scn", "# notes\ninclude _setup.scn\nexpect ok\n")
        var console = Console(inputName: "<repl>")
        _ = console.handle(":load \(loaded)")
        for path in [loaded, setup] {
            let refused = console.handle(":save \(path)")
            #expect(refused.errors == ["<repl>:\(path == loaded ? 2 : 3): error: :save \(path) is a file this session read (:load or include): "
                + "the session saved over it would drop its comments, tags and include lines; save to another name"], "\(refused.errors)")
        }
        #expect(try dir.read("a.scn") == "# notes\ninclude _setup.scn\nexpect ok\n" && dir.read("_setup.scn") == "user alice\n")
        let typed = try dir.write("typed.scn", "user bob\n")
        _ = console.handle("include \(typed)")
        #expect(console.handle(":save \(typed)").errors.count == 1)
        let fine = console.handle(":save \(dir.file("b.scn"))")
        #expect(fine.errors.isEmpty && fine.lines.first?.text.hasPrefix("saved ") == true, "\(fine.lines)")
    }
}
