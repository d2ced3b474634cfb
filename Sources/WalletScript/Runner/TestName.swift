import Foundation

/// What a test is called: the file's path relative to the PATH argument it was found under
/// (`/`-separated), and later an examples row (`[amount=99.99]`). Selection, shards, `--list`
/// and JUnit all use this one value.
public struct TestName: Sendable, Hashable, CustomStringConvertible {
    /// The path as it was found (`scenarios/cards/visa.scn`): what reports print.
    public let path: String
    /// The path relative to the PATH argument (`cards/visa.scn`); a file named directly
    /// is its own path, without a leading `./`.
    public let relative: String
    /// What the shard hash is over: the file alone (every row of a table lands together),
    /// relative to the PATH argument. A file named directly is relative to its own folder:
    /// its name (`visa.scn`), however the path to it was typed (`s/cards/visa.scn`,
    /// `./visa.scn`, `/ci/repo/s/cards/visa.scn`), so its shard is the same from any working
    /// directory or machine, and the one `run s/cards` gives it.
    public let shardKey: String
    /// An examples row, without brackets (`amount=99.99`), when the file has a table.
    public var row: String?
    /// The examples row this test runs, 1-based, when the file has a table.
    public var exampleRow: Int?
    /// The rows a PATH named (`x.scn[amount=1]`, as `--list` prints them); nil: all of them.
    public var rowsWanted: [String]? = nil
    /// The path's own bytes when they are not UTF-8 (found in a folder walk); `path` then
    /// shows each other byte as `\xFF`, and the file is opened by these bytes.
    public var rawPath: [UInt8]? = nil

    public init(path: String, relative: String? = nil, shardKey: String? = nil, row: String? = nil, exampleRow: Int? = nil) {
        self.path = path
        self.relative = TestName.normalized(relative ?? path)
        self.shardKey = shardKey ?? self.relative
        self.row = row
        self.exampleRow = exampleRow
    }

    /// One test a row of an examples table, named by its label.
    public func rows(of table: ExamplesTable) -> [TestName] {
        table.rowLabels.enumerated().map { index, label in
            var name = TestName(path: path, relative: relative, shardKey: shardKey, row: label, exampleRow: index + 1)
            name.rawPath = rawPath
            name.root = root
            return name
        }
    }

    /// The PATH argument a file was found under, as typed (`scenarios`, `.`); nil for a
    /// file named directly. JUnit's classname starts from it.
    public var root: String? = nil

    /// The bytes that name the file on disk.
    public var pathBytes: [UInt8] { rawPath ?? Array(path.utf8) }

    /// What `--filter` and `--exclude` match: `cards/visa.scn`, `cards/visa.scn[amount=1]`.
    public var description: String { relative + rowSuffix }
    /// What reports print: `scenarios/cards/visa.scn[amount=1]`.
    /// Escaped (`\u{A}`): a file name cannot forge report lines or drive the terminal.
    public var label: String { Printable.escaped(path + rowSuffix) }
    /// The folders in the name (`policy` for `policy/fee.scn`, found under `run scenarios`):
    /// tags the file has without saying, so `--tags policy` takes a folder. The PATH given
    /// is not in the name, so its own folder is no tag; a folder a tag cannot spell is none.
    public var folderTags: [String] {
        relative.split(separator: "/").dropLast().compactMap { folder in
            folder != "." && folder != ".." && TagExpression.isTag(folder) ? String(folder) : nil
        }
    }

    private var rowSuffix: String { row.map { "[\($0)]" } ?? "" }

    /// JUnit's classname: the folder the file was found under, then the folders inside it,
    /// as dots (`run scenarios` gives `scenarios.cards`). The first part is that folder's own
    /// name, however it was spelt: `run scenarios/cards`, `run /ci/repo/scenarios/cards` and
    /// `run .` inside it all give `cards` (CI keys test history on it; no machine layout in
    /// reports); where the spelling holds no name (`.`, `..`) it is the folder's real name.
    /// A file named directly counts from its own folder.
    public var className: String {
        let full = TestName.normalized(path)
        var folder: String
        var inside: [Substring] = []
        if let root {
            folder = root
            inside = relative.split(separator: "/").dropLast()
        } else if relative != full, full.hasSuffix("/" + relative) {
            // Made without its root (tests): the path less the relative part.
            folder = String(full.dropLast(relative.utf8.count + 1))
            inside = relative.split(separator: "/").dropLast()
        } else {
            folder = full.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            if full.hasPrefix("/") && folder.isEmpty { folder = "/" }
        }
        let parts = [TestName.folderName(folder)] + inside.map(String.init)
        return Printable.escaped(parts.joined(separator: "."))
    }

    /// A folder as the first part of a classname: see `className`.
    static func folderName(_ folder: String) -> String {
        let normalized = TestName.normalized(folder)
        if let last = normalized.split(separator: "/").last, last != ".." { return String(last) }
        // No name in the spelling: the folder's own, as the system resolves it.
        let real = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL
        let name = real.lastPathComponent
        return name.isEmpty || name == "/" ? "root" : name
    }

    /// JUnit's name: the file, with its row.
    public var fileName: String {
        Printable.escaped(String(path.split(separator: "/").last ?? Substring(path)) + rowSuffix)
    }

    /// The last component of a path (`visa.scn` for `s/cards//visa.scn`).
    public static func fileName(of path: String) -> String {
        normalized(path).split(separator: "/").last.map(String.init) ?? normalized(path)
    }

    /// `/`-separated, without `./` segments or repeated slashes.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes: the same on every machine and run.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The 0-based shard of `count` this test belongs to.
    public func shard(of count: Int) -> Int { Int(TestName.fnv1a(shardKey) % UInt64(max(1, count))) }

    /// Byte for byte (two files may be named `café` precomposed and decomposed: two tests);
    /// the synthesized `==` and hash compare strings by canonical equivalence.
    public static func == (a: TestName, b: TestName) -> Bool {
        func same(_ x: String?, _ y: String?) -> Bool {
            guard let x, let y else { return x == nil && y == nil }
            return x.utf8.elementsEqual(y.utf8)
        }
        return same(a.path, b.path) && same(a.relative, b.relative) && same(a.shardKey, b.shardKey) && same(a.row, b.row)
            && a.exampleRow == b.exampleRow && a.rawPath == b.rawPath && same(a.root, b.root)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(TestName.fnv1a(path))
        hasher.combine(row.map(TestName.fnv1a))
        hasher.combine(exampleRow)
    }
}
