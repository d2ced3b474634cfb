import Foundation
import WalletCore

/// Tab completion, driven by the command table and the current world.
public enum Completion {
    /// Full candidate words for the word being typed at the end of `text`.
    public static func candidates(for text: String, session: Session) -> [String] {
        let endsWithSpace = text.last == " "
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        guard let commandName = words.first else {
            return (CommandTable.namesAndAliases.filter { !$0.hasPrefix(":") } + MetaCommand.names)
                .filter { $0.hasPrefix(current) }
        }
        if commandName == ":help" || commandName == "help" {
            return words.count == 1 ? CommandTable.names.filter { $0.hasPrefix(current) } : []
        }
        if commandName == ":load" || commandName == ":save" {
            return words.count == 1 ? paths(completing: current) : []
        }
        guard let spec = CommandTable.spec(named: commandName) else { return [] }
        // `key:partial` completes the option's value.
        if let colon = current.firstIndex(of: ":"), let option = spec.options.first(where: { $0.key == current[..<colon] }) {
            let prefix = String(current[...colon])
            let partial = current[current.index(after: colon)...]
            return values(option.values, option.dynamic, session: session, words: words)
                .filter { $0.hasPrefix(partial) }.map { prefix + $0 }
        }
        var offered: [String] = []
        let positionalCount = words.count - 1 - words.dropFirst().filter { $0.contains(":") }.count
        if positionalCount == 0 {
            offered += values(spec.positionalValues, spec.positionalDynamic, session: session, words: words)
        } else if spec.name == "expect", positionalCount == 1 {
            offered += expectValues(words[1])
        } else if spec.name == "policy", positionalCount == 1, let key = Policy.key(named: words[1]) {
            offered.append(key.read(session.world.policy))
        }
        let used = Set(words.compactMap { $0.split(separator: ":").first.map(String.init) })
        offered += spec.options.filter { !used.contains($0.key) }.map { $0.key + ":" }
        return offered.filter { $0.hasPrefix(current) }
    }

    private static func expectValues(_ kind: String) -> [String] {
        switch kind {
        case "error": return ErrorCode.allCases.map(\.rawValue)
        case "status": return ["none", "active", "expired"]
        case "verified": return ["yes", "no"]
        default: return []
        }
    }

    private static func values(_ fixed: [String], _ dynamic: DynamicValues?, session: Session, words: [String]) -> [String] {
        guard let dynamic else { return fixed }
        let world = session.world
        switch dynamic {
        // Written back as command words: quoted when the name needs quotes.
        case .users: return fixed + world.users.map { Names.written($0.name) }
        case .merchants: return fixed + world.merchants.map { Names.written($0.name) }
        case .cards:
            guard let id = session.currentUser else { return fixed }
            let cards = world[id].cards.map { world[$0] }
            var seen: [String] = []
            for word in cards.map(\.brand.rawValue) + cards.map(\.last4) where !seen.contains(word) { seen.append(word) }
            return fixed + seen
        case .policyKeys: return fixed + Policy.keys.map(\.name)
        case .commands: return fixed + CommandTable.names
        }
    }

    /// Folders (ending in `/`) and `.scn` files that start with what was typed, sorted.
    static func paths(completing typed: String) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let stem = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let directory = folder.isEmpty ? "." : (folder as NSString).expandingTildeInPath
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var found: [String] = []
        for name in names where name.hasPrefix(stem) && (!name.hasPrefix(".") || stem.hasPrefix(".")) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isFolder)
            if isFolder.boolValue { found.append(folder + name + "/") }
            else if name.hasSuffix(".scn") { found.append(folder + name) }
        }
        return found.sorted()
    }
}
