import Foundation
import WalletCore

/// Tab completion, driven by the command table and the current world.
public enum Completion {
    /// Full candidate words for the word being typed at the end of `text`. The line is read
    /// by the `Lexer`, as the interpreter reads it; a line it refuses completes nothing.
    public static func candidates(for text: String, session: Session) -> [String] {
        // `:load`, `:save`, `:report` and `include` take the rest of the line as a path.
        let head = LineHead(text)
        if head.separated, [":load", ":save", ":report", IncludeLine.keyword].contains(String(head.word)) {
            return paths(completing: String(head.rest))
        }
        // A quote still open is closed, so `to:"Li` completes to `to:"Li's Noodles"`.
        var lexed = Lexer.tokenize(text)
        let quoteOpen = if case .failure = lexed { true } else { false }
        if quoteOpen { lexed = Lexer.tokenize(text + "\"") }
        guard case .success(var words) = lexed else { return [] }
        let endsWithSpace = !quoteOpen && (text.last == " " || text.last == "\t")
        let currentToken = endsWithSpace ? nil : words.popLast()
        // What was typed of the current word, as typed (an option with its key and colon).
        let current = currentToken.map { String(Substring(text.utf8.dropFirst($0.offset))) } ?? ""
        guard let first = words.first else {
            let found = (CommandTable.namesAndAliases + [IncludeLine.keyword] + MetaCommand.names).filter { $0.hasPrefix(current) }
            // `top` fits `topup` and its alias `top-up`: one command, so complete to it.
            let commands = Set(found.compactMap { CommandTable.spec(named: $0)?.name })
            if found.count > 1, commands.count == 1, let only = commands.first,
               found.allSatisfy({ CommandTable.spec(named: $0) != nil }) { return [only] }
            return found
        }
        if first.textString == ":help" {
            return words.count == 1 ? helpTopics().filter { $0.hasPrefix(current) } : []
        }
        guard !first.isOption, let spec = CommandTable.spec(named: first.textString) else { return [] }
        let typed = words.dropFirst()
        // `key:partial` completes the option's value.
        if let token = currentToken, let key = token.keyString, let option = spec.options.first(where: { $0.key == key }) {
            var offered = values(option.values, option.dynamic, session: session)
            // `transfer 5 to:` never offers the sender (that is `transfer.self`).
            if spec.name == "transfer", option.dynamic == .users, let me = session.currentUser {
                let written = Names.written(session.world[me].name)
                offered.removeAll { Names.same($0, written) }
            }
            return offered.filter { fits($0, current.dropFirst(key.utf8.count + 1)) }.map { key + ":" + $0 }
        }
        let positionals = typed.filter { !$0.isOption }.map(\.textString)
        var offered = positionals.isEmpty
            ? values(spec.positionalValues, spec.positionalDynamic, session: session)
            : spec.laterPositionals(positionals, session)
        var used = Set(typed.compactMap(\.keyString))
        for option in spec.options where used.contains(option.key) { used.formUnion(option.excludes) }
        offered += spec.options.filter { !used.contains($0.key) }.map { $0.key + ":" }
        return offered.filter { fits($0, Substring(current)) }
    }

    /// `L` fits `"Li's Noodles"`: a name that needs quotes completes without typing the quote.
    /// Code point by code point, as names compare (`hasPrefix` is canonical equivalence).
    static func fits(_ candidate: String, _ typed: Substring) -> Bool {
        if Names.starts(candidate, with: typed) { return true }
        guard candidate.first == "\"", typed.first != "\"" else { return false }
        return Names.starts(candidate.dropFirst(), with: typed)
    }

    /// What `help` and `:help` take: commands, codes, then rule ids (`why` prints them).
    static func helpTopics() -> [String] {
        let codes = ErrorCode.allCases.map(\.rawValue)
        return CommandTable.names + codes + RuleBook.rules.map(\.id).filter { !codes.contains($0) }
    }

    private static func values(_ fixed: [String], _ dynamic: DynamicValues?, session: Session) -> [String] {
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
        case .helpTopics: return fixed + helpTopics()
        }
    }

    /// Folders (ending in `/`) and `.scn` files that start with what was typed, sorted.
    static func paths(completing typed: String) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let stem = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let directory = folder.isEmpty ? "." : HomePath.expanded(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var found: [String] = []
        // By bytes, as file names are (`hasPrefix` is canonical equivalence).
        for name in names where Names.starts(name, with: stem) && (!name.hasPrefix(".") || stem.hasPrefix(".")) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isFolder)
            if isFolder.boolValue { found.append(folder + name + "/") }
            else if name.hasSuffix(".scn") { found.append(folder + name) }
        }
        return found.sorted()
    }
}
