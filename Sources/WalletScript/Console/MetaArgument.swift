import WalletCore

/// What the meta-commands that take no argument, or only a number, accept after their name.
/// Anything else is refused before the command does anything.
enum MetaArgument {
    /// Why `argument` (as typed after `name`) is refused, or nil when it is fine.
    static func refusal(name: String, argument: String) -> String? {
        guard !argument.isEmpty else { return nil }
        let shown = "'\(Printable.escaped(String(argument.prefix(40))))'"
        switch name {
        case ":quit", ":q", ":exit", ":reset":
            return "unexpected argument \(shown): \(name) takes none; did you mean '\(name)'?"
        case ":undo":
            if undoSteps(argument) != nil { return nil }
            return "unexpected argument \(shown): :undo takes a number of steps, 1 or more; did you mean ':undo' (one step) or ':undo 2'?"
        default:
            return nil
        }
    }

    /// `:undo N`'s N: digits only, at least 1 (one too large for an Int asks for every step).
    static func undoSteps(_ argument: String) -> Int? {
        guard !argument.isEmpty, argument.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        guard let steps = Int(argument) else { return argument.contains(where: { $0 != "0" }) ? Int.max : nil }
        return steps >= 1 ? steps : nil
    }
}
