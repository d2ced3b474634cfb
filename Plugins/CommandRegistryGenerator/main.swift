// Writes the command registry of WalletScript: every type in Sources/WalletScript/Commands/
// that declares `static let spec = CommandSpec(` or `static let moves = MoveSource(`.
// Swift has no runtime type discovery on Linux, so the list is generated at build time
// (the CommandRegistry build-tool plugin runs this); a new command is then its own file.
//   CommandRegistryGenerator OUTPUT.swift COMMAND-FILE.swift...
// The lists are in file-name order; `CommandTable.all` orders them by each spec's `rank`.
// It also writes `AnyCommand.Value`, one enum case a command type, and the members of
// `Command` forwarded through a switch over it: a new member of `Command` is added here too.
import Foundation

struct Found {
    var specs: [String] = []
    /// Each spec's name and aliases, as its `CommandSpec(` literal writes them (`name: "pay"`).
    var names: [String: [String]] = [:]
    /// Types declared `: BoxedCommand`: their enum case is `indirect`.
    var boxed: Set<String> = []
    var moves: [String] = []
}

/// The type a member belongs to: the last declaration that starts at column 0. A `spec` or
/// `moves` written another way is an error, never silently left out of the registry.
func scan(_ text: String, path: String, into found: inout Found) -> [String] {
    var owner: String?
    var problems: [String] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if let name = topLevelType(line) {
            owner = name
            if line.contains(": BoxedCommand") { found.boxed.insert(name) }
            continue
        }
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard !trimmed.hasPrefix("//") else { continue }
        for (member, form) in [("spec", "static let spec = CommandSpec("), ("moves", "static let moves = MoveSource(")] {
            let declares = ["static let \(member)", "static var \(member)"].contains { trimmed.hasPrefix($0 + " ") || trimmed.hasPrefix($0 + ":") }
            guard declares else { continue }
            guard trimmed.hasPrefix(form), let owner else {
                problems.append("\(path):\(index + 1): error: write a command's \(member) as `\(form)` inside its type or an extension of it, so the registry finds it")
                continue
            }
            if member == "spec" {
                found.specs.append(owner)
                guard let names = specNames(text, after: index) else {
                    problems.append("\(path):\(index + 1): error: a command's spec writes `name: \"NAME\"` (then `aliases: [\"…\"]` if any) as string literals, so the dispatch is generated")
                    continue
                }
                found.names[owner] = names
            } else {
                found.moves.append(owner)
            }
        }
    }
    return problems
}

/// The name and aliases of the spec declared on line `line` (0-based): the first
/// `name: "…"` after it, and the string literals of an `aliases: [` that follows it.
func specNames(_ text: String, after line: Int) -> [String]? {
    let rest = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line).joined(separator: "\n")
    guard let nameStart = rest.range(of: "name: \"") else { return nil }
    let afterName = rest[nameStart.upperBound...]
    guard let nameEnd = afterName.firstIndex(of: "\"") else { return nil }
    var names = [String(afterName[..<nameEnd])]
    let tail = afterName[afterName.index(after: nameEnd)...]
    if tail.hasPrefix(", aliases: ["), let close = tail.firstIndex(of: "]") {
        let list = tail[tail.index(tail.startIndex, offsetBy: ", aliases: [".count)..<close]
        for item in list.split(separator: ",") {
            let word = item.trimmingCharacters(in: .whitespaces)
            guard word.count >= 2, word.hasPrefix("\""), word.hasSuffix("\"") else { return nil }
            names.append(String(word.dropFirst().dropLast()))
        }
    }
    guard names.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 15 && !$0.contains("\\") }) else { return nil }
    return names
}

/// A name packed as `PackedWord` packs it: bytes 0 to 7 little-endian in `low`, bytes 8 to
/// 14 in `high` with the length in its top byte.
func packed(_ name: String) -> (low: UInt64, high: UInt64) {
    let bytes = Array(name.utf8)
    var low: UInt64 = 0
    var high = UInt64(bytes.count) << 56
    for (index, byte) in bytes.enumerated() {
        if index < 8 { low |= UInt64(byte) << UInt64(index * 8) } else { high |= UInt64(byte) << UInt64((index - 8) * 8) }
    }
    return (low, high)
}

func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

/// `struct TopUpCommand: Command {`, `extension TopUpCommand {` → `TopUpCommand`.
func topLevelType(_ line: Substring) -> String? {
    var words = line.split(separator: " ", omittingEmptySubsequences: true)[...]
    guard let first = line.first, first.isLetter else { return nil }
    while let word = words.first, ["public", "internal", "fileprivate", "private", "final"].contains(word) { words.removeFirst() }
    guard words.count >= 2, ["struct", "enum", "class", "extension"].contains(words[words.startIndex]) else { return nil }
    let name = words[words.startIndex + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return name.isEmpty ? nil : String(name)
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: CommandRegistryGenerator OUTPUT.swift COMMAND-FILE.swift...\n".utf8))
    exit(2)
}
var found = Found()
var problems: [String] = []
for path in arguments.dropFirst().sorted(by: { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }) {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("CommandRegistryGenerator: cannot read \(path)\n".utf8))
        exit(1)
    }
    problems += scan(text, path: path, into: &found)
}
guard problems.isEmpty else {
    FileHandle.standardError.write(Data(problems.map { $0 + "\n" }.joined().utf8))
    exit(1)
}

/// `PayCommand` → `payCommand`, `SMSCommand` → `smsCommand`: the enum case of a command type.
func caseName(_ type: String) -> String {
    let chars = Array(type)
    var upper = chars.prefix { $0.isUppercase }.count
    // A run of capitals before a lower-case letter keeps its last one (`SMSCommand`).
    if upper > 1 && upper < chars.count { upper -= 1 }
    return String(chars[..<upper]).lowercased() + String(chars[upper...])
}

/// One `switch` over the command enum that gives each case's `body` (`c` is the command).
func forward(_ body: String, _ types: [String]) -> String {
    "        switch value {\n" + types.map { "        case .\(caseName($0))(let c): \(body)\n" }.joined() + "        }\n"
}

/// The switch from a line's first word packed to its command, aliases included: the cases
/// by `low`, the few names sharing one (`merchant`, `merchants`) told apart by `high`.
func commandSwitch(_ types: [String], _ names: [String: [String]]) -> String {
    var byLow: [UInt64: [(high: UInt64, type: String, name: String)]] = [:]
    for type in types {
        for name in names[type] ?? [] {
            let word = packed(name)
            byLow[word.low, default: []].append((word.high, type, name))
        }
    }
    var lines = ""
    for low in byLow.keys.sorted() {
        let entries = byLow[low] ?? []
        let tests = entries.map { "if word.high == \(hex($0.high)) { return .\(caseName($0.type)) }" }.joined(separator: "; ")
        lines += "        case \(hex(low)): \(tests); return nil  // \(entries.map(\.name).joined(separator: ", "))\n"
    }
    return "        switch word.low {\n" + lines + "        default: return nil\n        }\n"
}

let source = """
    // Generated by Plugins/CommandRegistryGenerator from Sources/WalletScript/Commands/: do not edit.
    import WalletCore

    extension CommandTable {
        /// Every command's spec, in file-name order (`all` orders them by rank).
        static let registered: [CommandSpec] = [
    \(found.specs.map { "        \($0).spec,\n" }.joined())    ]

        /// Every command type, in the order of `registered` (a test checks each parses to its own case).
        static let registeredTypes: [any Command.Type] = [
    \(found.specs.map { "        \($0).self,\n" }.joined())    ]
    }

    /// A command type, by its place in `registered`: the dispatch's key (a byte, nothing retained).
    enum CommandID: Int, CaseIterable, Sendable {
    \(found.specs.map { "    case \(caseName($0))\n" }.joined())}

    extension CommandTable {
        /// The command a line's first word names, packed (`PackedWord`), aliases included: a
        /// switch over constants, no table read and nothing retained (a test checks it against
        /// every spec's name and aliases).
        static func command(named word: PackedWord) -> CommandID? {
    \(commandSwitch(found.specs, found.names))    }

        /// The command's parser (its type's `static func parse`), called directly.
        static func parse(_ id: CommandID, _ r: inout ArgReader) throws(Diagnostic) -> AnyCommand {
            switch id {
    \(found.specs.map { "        case .\(caseName($0)): return try \($0).parse(&r).asAnyCommand()\n" }.joined())        }
        }
    }

    extension MoveSource {
        /// Every command's explore moves, in file-name order (`all` orders them as the table).
        static let registered: [MoveSource] = [
    \(found.moves.map { "        \($0).moves,\n" }.joined())    ]
    }

    extension AnyCommand {
        /// One case a command type: a parsed line held without a box, run through a switch.
        enum Value: Sendable {
    \(found.specs.map { "        \(found.boxed.contains($0) ? "indirect " : "")case \(caseName($0))(\($0))\n" }.joined())    }

        /// The command as an existential, for tests and casts off the hot path.
        public var base: any Command {
    \(forward("return c", found.specs))    }

        public var role: CommandRole {
    \(forward("return c.role", found.specs))    }

        public var onlyLooks: Bool {
    \(forward("return c.onlyLooks", found.specs))    }

        public func run(in session: inout Session) throws(WalletError) -> Output {
    \(forward("return try c.run(in: &session)", found.specs))    }

        public var isAttempt: Bool {
    \(forward("return c.isAttempt", found.specs))    }

        public var signsUp: Bool {
    \(forward("return c.signsUp", found.specs))    }

        public var statementText: String? {
    \(forward("return c.statementText", found.specs))    }

        public func namedCard(user id: UserID, world: World) -> CardID? {
    \(forward("return c.namedCard(user: id, world: world)", found.specs))    }

        public var attemptCommand: AttemptCommand {
    \(forward("return c.attemptCommand", found.specs))    }

        public func explanation(in session: Session, failedRule: String?) -> Explanation? {
    \(forward("return c.explanation(in: session, failedRule: failedRule)", found.specs))    }
    }

    \(found.specs.map { "extension \($0) {\n    consuming func asAnyCommand() -> AnyCommand { AnyCommand(.\(caseName($0))(self)) }\n}\n" }.joined(separator: "\n"))
    """
// Rewritten only when it changed, so an unrelated edit does not recompile the registry.
let url = URL(fileURLWithPath: output)
if FileManager.default.contents(atPath: output) != Data(source.utf8) {
    do { try Data(source.utf8).write(to: url, options: .atomic) } catch {
        FileHandle.standardError.write(Data("CommandRegistryGenerator: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
