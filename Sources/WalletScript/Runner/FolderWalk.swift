import Foundation

/// The scenario files under a folder, found by their names' own bytes. FileManager's
/// enumerator gave every entry ending in `.scn`, folders too (`dir.scn/` was run as a file
/// that cannot be read, and walked as well), and names as `String`s, so a name that is not
/// UTF-8 came back as another name that does not exist.
enum FolderWalk {
    static let slash = UInt8(ascii: "/")

    /// Paths relative to `root`, `/`-separated, of every entry named `*.scn` that is not a
    /// folder (nor a link to one) and whose name does not start with `_` (include-only).
    /// Folders are walked, hidden ones too; links to folders are not followed (no loops).
    /// A FIFO or a dangling link is kept: running it says what is wrong with it.
    static func scenarioFiles(under root: [UInt8]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var pending: [[UInt8]] = [[]]
        while let folder = pending.popLast() {
            let full = folder.isEmpty ? root : root + [slash] + folder
            guard let stream = RegularFile.withCPath(full, { opendir($0) }) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name == [46] || name == [46, 46] || name.isEmpty { continue }
                let relative = folder.isEmpty ? name : folder + [slash] + name
                var info = stat()
                guard RegularFile.withCPath(root + [slash] + relative, { lstat($0, &info) }) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(relative)
                    continue
                }
                guard name.count > 4, name.suffix(4).elementsEqual(".scn".utf8), name.first != UInt8(ascii: "_") else { continue }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    var target = stat()
                    let followed = RegularFile.withCPath(root + [slash] + relative, { stat($0, &target) }) == 0
                    if followed && (target.st_mode & S_IFMT) == S_IFDIR { continue }
                }
                found.append(relative)
            }
        }
        return found
    }

    /// The bytes as text: UTF-8 as it is, any other byte as `\xFF` (as `ls -b` shows it), so
    /// a name that is not UTF-8 is shown without guessing and two such names stay apart.
    static func displayName(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                out += scalar
                index += length
            } else {
                let hex = String(lead, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                index += 1
            }
        }
        return out
    }
}
