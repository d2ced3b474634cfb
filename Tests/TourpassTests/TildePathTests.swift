import Foundation
import Testing

/// `~` in `:save`, `:load` and a typed `include` means $HOME (tester's item 4).
@Suite struct TildePathTests {
    @Test(":save ~/t.scn writes under $HOME (the REPL), include ~/… typed is expanded (piped too)")
    func tildeMeansHome() throws {
        let dir = try TemporaryDirectory("tourpass-tilde")
        defer { dir.remove() }
        _ = try dir.write("inc.scn", "user carol\n")
        // ReplPtyTests.environment sets HOME to the folder.
        let screen = try NonRegularFileTests.repl(dir, [(":save ~/t.scn", "bob"), ("include ~/inc.scn", "carol")])
        #expect(dir.read("t.scn")?.contains("user bob") == true, "\(screen)")
        #expect(screen.contains("carolsignedup"), "\(screen)")
        let piped = try Tourpass.run([], stdin: "include ~/inc.scn\n", environment: ["HOME": dir.path], timeout: 20)
        #expect(piped.out.contains("carol signed up"), "\(piped.out) \(piped.err)")
    }

    @Test("include ~/… in a scenario file is not expanded: a file means the same for every user")
    func notInFiles() throws {
        let dir = try TemporaryDirectory("tourpass-tilde")
        defer { dir.remove() }
        _ = try dir.write("inc.scn", "user carol\n")
        _ = try dir.write("f.scn", "include ~/inc.scn\n")
        let file = try Tourpass.run(["run", "f.scn"], environment: ["HOME": dir.path], directory: dir.path, timeout: 20)
        #expect(file.status == 2 && file.out.contains("cannot include ~/inc.scn"), "\(file.out)")
    }
}
