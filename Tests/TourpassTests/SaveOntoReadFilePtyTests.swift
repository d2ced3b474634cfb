import Foundation
import Testing

/// `:save` onto a file the session read (`:load`ed, or included by it) wrote the session over
/// the user's scenario: it replayed, but its comments, tags and `include` lines were gone,
/// and a shared `_setup.scn` became the whole session. Refused; another name saves.
@Suite("REPL :save onto a file the session read")
struct SaveOntoReadFilePtyTests {
    @Test(":save onto the :loaded file or a file it includes is refused and both are kept; another name saves")
    func saveOntoLoadedRefused() throws {
        let dir = try TemporaryDirectory("tourpass-save-read")
        defer { dir.remove() }
        let scenario = "# tags: payments\n# notes worth keeping\ninclude _setup.scn\nexpect ok\n"
        let setup = "user alice\nverify\n"
        let loaded = try dir.write("a.scn", scenario)
        let shared = try dir.write("_setup.scn", setup)
        let other = dir.file("b.scn")
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter(":load \(loaded)", prompt: ReplPtyTests.alice)
        try term.enter("card visa", prompt: ReplPtyTests.alice)
        let squeezed = NonRegularFileTests.squeezed
        for path in [loaded, shared] {
            let said = squeezed(try term.enter(":save \(path)", prompt: ReplPtyTests.alice))
            #expect(said.contains(squeezed("error: :save \(path) is a file this session read (:load or include): the session saved over it would drop its comments, tags and include lines; save to another name")), "\(term.screenDump)")
        }
        #expect(dir.read("a.scn") == scenario && dir.read("_setup.scn") == setup)
        let saved = squeezed(try term.enter(":save \(other)", prompt: ReplPtyTests.alice))
        #expect(saved.contains(squeezed("saved 4 lines to \(other)")), "\(term.screenDump)")
        #expect(dir.read("b.scn")?.contains("\ncard visa\n") == true)
    }
}
