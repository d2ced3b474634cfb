import WalletCore

/// Every command's moves (each in its command's file: `UserCommand.moves`, …), in the order
/// of the command table. Moves are the boundaries the policy and the state make interesting;
/// refusals whose answer does not depend on the state (an Amex card, a domestic-only
/// code) are offered only while the user has no card yet, the first state they can be
/// reached in, so they cost nothing later.
extension MoveSource {
    public static let all: [MoveSource] = {
        // `registered` is generated from the command files (Plugins/CommandRegistry); the
        // command table's order, so ties break the same way the table reads.
        let byName = Dictionary(uniqueKeysWithValues: registered.map { ($0.command, $0) })
        return CommandTable.names.compactMap { byName[$0] }
    }()

    static let userNeeded: Set<ErrorCode> = [.userNone]
    static let signUpNeeded: Set<ErrorCode> = [.userNone, .registerPending]

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func grouped(_ number: String) -> String {
        var text = ""
        for (index, digit) in number.enumerated() {
            if index > 0 && index % 4 == 0 { text += " " }
            text.append(digit)
        }
        return text
    }
}
