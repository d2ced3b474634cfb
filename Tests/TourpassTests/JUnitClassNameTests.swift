import Foundation
import Testing

/// JUnit's classname is the folder a file was found under, then the folders inside it; a
/// spelling without a folder name (`.`, `..`, a bare file) uses the folder's real name.
@Suite struct JUnitClassNameTests {
    func classNames(_ arguments: [String], in directory: String) throws -> [String] {
        let result = try Tourpass.run(["run", "--junit", "/dev/stdout"] + arguments, directory: directory)
        #expect(result.status == 0, "\(arguments): \(result.err)")
        return result.out.components(separatedBy: "classname=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("`run .`, a bare file, `..` and the folder by name give the same classnames; never a made-up `scenarios`")
    func classNamesFromFolderNames() throws {
        let dir = try TemporaryDirectory("tourpass-classname")
        defer { dir.remove() }
        try dir.write("mf/f0.scn", ScenarioFixtures.passing)
        try dir.write("mf/cards/c.scn", ScenarioFixtures.passing)
        let byName = try classNames(["mf"], in: dir.path)
        #expect(byName == ["mf.cards", "mf"], "\(byName)")
        #expect(try classNames(["."], in: dir.file("mf")) == byName)
        #expect(try classNames(["./"], in: dir.file("mf")) == byName)
        #expect(try classNames([".."], in: dir.file("mf/cards")) == byName)
        #expect(try classNames(["f0.scn"], in: dir.file("mf")) == ["mf"])
        #expect(try classNames(["../f0.scn"], in: dir.file("mf/cards")) == ["mf"])
        #expect(try classNames(["c.scn"], in: dir.file("mf/cards")) == ["cards"])
        // One folder, one classname, however it is spelt (CI keys test history on it).
        #expect(try classNames(["mf/cards"], in: dir.path) == ["cards"])
        #expect(try classNames([dir.file("mf/cards")], in: dir.path) == ["cards"])
        #expect(try classNames(["./mf//cards/"], in: dir.path) == ["cards"])
        #expect(try classNames(["."], in: dir.file("mf/cards")) == ["cards"])
        #expect(try classNames(["mf/cards/c.scn"], in: dir.path) == ["cards"])
        #expect(try classNames([dir.file("mf")], in: "/") == byName)
    }
}
