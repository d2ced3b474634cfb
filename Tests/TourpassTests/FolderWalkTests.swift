import Foundation
import Testing

/// `run FOLDER` walks the folder by its entries' own bytes: folders named `*.scn` are walked,
/// never run as files; names that are not UTF-8 are read and shown with `\xFF` escapes.
@Suite struct FolderWalkTests {
    @Test("a folder named *.scn (or a link to one) is walked, not reported as an unreadable file")
    func folderNamedScn() throws {
        let dir = try TemporaryDirectory("tourpass-walk")
        defer { dir.remove() }
        try dir.write("w/dir.scn/inner.scn", ScenarioFixtures.passing)
        try dir.write("w/top.scn", ScenarioFixtures.passing)
        try FileManager.default.createSymbolicLink(atPath: dir.file("w/link.scn"), withDestinationPath: "dir.scn")
        let run = try Tourpass.run(["run", "--junit", "j.xml", "w"], directory: dir.path)
        #expect(run.status == 0, "\(run.out)\(run.err)")
        #expect(run.out == "PASS w/dir.scn/inner.scn\nPASS w/top.scn\n\n2 passed, 0 failed\n", "\(run.out)")
        let xml = try #require(dir.read("j.xml"))
        #expect(!xml.contains("<error") && xml.contains("tests=\"2\""), "\(xml)")
        let listed = try Tourpass.run(["run", "--list", "w"], directory: dir.path)
        #expect(listed.status == 0 && listed.out == "w/dir.scn/inner.scn\nw/top.scn\n", "\(listed.out)")
        // Named directly, a folder named *.scn is still a folder: its contents run.
        let named = try Tourpass.run(["run", "w/dir.scn"], directory: dir.path)
        #expect(named.status == 0 && named.out.hasPrefix("PASS w/dir.scn/inner.scn\n"), "\(named.out)\(named.err)")
    }

    @Test("a file whose name is not UTF-8 is read by its bytes and shown with \\xFF escapes; --update leaves it")
    func nonUTF8Name() throws {
        let dir = try TemporaryDirectory("tourpass-walk")
        defer { dir.remove() }
        let made = try Tourpass.runShell("mkdir w && printf 'user a\\n' > \"$(printf 'w/bad\\377\\376.scn')\" && printf 'user bob\\n| nothing like this\\n' > \"$(printf 'w/worse\\377.scn')\"",
                                         directory: dir.path, timeout: 30)
        #expect(made.status == 0, "\(made.err)")
        let run = try Tourpass.run(["run", "w"], directory: dir.path)
        #expect(run.status == 1, "\(run.out)\(run.err)")
        #expect(run.out.contains("PASS w/bad\\xFF\\xFE.scn\nFAIL w/worse\\xFF.scn\n"), "\(run.out)")
        #expect(run.out.contains("w/worse\\xFF.scn:1:1: user bob"), "\(run.out)")
        #expect(!run.out.contains("cannot read"), "\(run.out)")
        let update = try Tourpass.run(["run", "--update", "w"], directory: dir.path)
        #expect(update.status == 2)
        #expect(update.out.contains("error: cannot write w/worse\\xFF.scn: its name is not UTF-8"), "\(update.out)")
        // Left as it was: no other file was written in its place.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.file("w"))
        #expect(names.count == 2, "\(names)")
        let kept = try Tourpass.runShell("cat \"$(printf 'w/worse\\377.scn')\"", directory: dir.path, timeout: 30)
        #expect(kept.out == "user bob\n| nothing like this\n")
    }
}
