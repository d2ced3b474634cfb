import WalletCore

/// `balance`: the current user's TourPass and wallet balances.
struct BalanceQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 140, name: "balance", usage: "balance", summary: "the current user's TourPass and wallet balances",
                                  examples: ["balance"], exampleSetup: ["user alice"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> BalanceQuery { BalanceQuery() }

    func run(in session: inout Session) throws(WalletError) -> Output {
        // Fields read in place: `session.world[id]` copied the whole user.
        let i = try session.requireUser().index
        return .inline(.balances(Balances(version: session.world.users[i].version, pass: PassSummary(session.world.users[i].pass),
                                          walletFen: session.world.users[i].walletFen)))
    }

    struct Balances: OutputValue {
        let version: AppVersion
        let pass: PassSummary
        let walletFen: Int64
        var lines: [OutputLine] {
            let wallet = Money(fen: walletFen)
            if version == .domestic { return [OutputLine(.info, "wallet \(wallet)")] }
            var lines = [OutputLine(.info, "TourPass \(pass.balance) (\(pass.summary))")]
            if walletFen != 0 { lines.append(OutputLine(.info, "wallet \(wallet) (withdraws only to a Chinese bank account)")) }
            return lines
        }
    }
}

/// A TourPass as queries show it.
public struct PassSummary: Sendable, Equatable {
    public let state: PassState
    public let balance: Money
    public let expiresAt: Instant?

    init(_ pass: TourPass) {
        state = pass.state
        balance = Money(fen: pass.balanceFen)
        expiresAt = pass.expiresAt
    }

    var summary: String {
        switch state {
        case .none: return "none"
        case .active: return "active until \(expiresAt.map(\.description) ?? "?")"
        case .expired: return "expired \(expiresAt.map(\.description) ?? "")"
        }
    }
}
