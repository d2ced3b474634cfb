/// A ledger account. Money only moves between accounts, never in or out of the world.
public enum Account: Hashable, Sendable {
    /// The cardholder's bank behind a linked card: charges make it negative.
    case card(CardID)
    case pass(UserID)
    case wallet(UserID)
    case merchant(MerchantID)
    /// Fees collected by the wallet.
    case fees
}

public enum PostingKind: String, Sendable {
    case topup, fee, payment, merchantRefund = "refund", expiryRefund = "expiry refund", transfer
}

/// One balanced double-entry transfer: `from` is debited what `to` is credited.
public struct Posting: Sendable {
    public let from: Account
    public let to: Account
    public let amountFen: Int64
    public let at: Instant
    public let kind: PostingKind
}

/// The list of postings. Balances are kept beside the entities they belong to and are
/// re-derived from this list by the invariant check.
public struct Ledger: Sendable {
    public private(set) var postings = PostingList()
    public internal(set) var feesFen: Int64 = 0

    mutating func append(_ posting: Posting) -> Int {
        postings.append(posting)
    }
}

extension World {
    /// The largest balance any account may reach; far beyond any real figure, and it keeps
    /// every sum of balances inside Int64.
    static let maxBalanceFen: Int64 = 1 << 52

    /// Refuses, before anything moves, a movement that would push a balance past the limit.
    /// For two or three accounts, without an array (allocated and freed on every payment),
    /// and inlined: a call from a mutating method copied the whole `World` to pass `self`.
    @inline(__always) func ensureRoom(for amountFen: Int64, touching first: Account, _ second: Account, _ third: Account? = nil) throws(WalletError) {
        guard (0...World.maxBalanceFen).contains(amountFen) else { throw World.amountTooLarge }
        let room = UInt64(World.maxBalanceFen - amountFen)
        if balance(of: first).magnitude > room || balance(of: second).magnitude > room || (third.map { balance(of: $0).magnitude > room } ?? false) {
            throw World.accountTooFull
        }
    }

    static var amountTooLarge: WalletError { WalletError(.moneyOverflow, "the amount is too large for the ledger") }
    static var accountTooFull: WalletError { WalletError(.moneyOverflow, "the ledger cannot hold that much money in one account") }

    @inline(__always) public func balance(of account: Account) -> Int64 {
        switch account {
        case .card(let id): return cards[id.index].refundedFen - cards[id.index].chargedFen
        case .pass(let id): return users[id.index].pass.balanceFen
        case .wallet(let id): return users[id.index].walletFen
        case .merchant(let id): return merchants[id.index].balanceFen
        case .fees: return ledger.feesFen
        }
    }

    /// Moves money. Callers check their rules and room first, so this cannot fail.
    mutating func post(_ amountFen: Int64, from: Account, to: Account, kind: PostingKind) {
        let index = ledger.append(Posting(from: from, to: to, amountFen: amountFen, at: now, kind: kind))
        apply(-amountFen, to: from, posting: index, kind: kind)
        apply(amountFen, to: to, posting: index, kind: kind)
    }

    private mutating func apply(_ deltaFen: Int64, to account: Account, posting: Int, kind: PostingKind) {
        switch account {
        case .card(let id):
            if deltaFen < 0 {
                cards[id.index].chargedFen -= deltaFen
                if kind != .fee { cards[id.index].refundableInFen -= deltaFen }
            } else {
                cards[id.index].refundedFen += deltaFen
            }
            note(posting, for: cards[id.index].owner)
        case .pass(let id):
            users[id.index].pass.balanceFen += deltaFen
            note(posting, for: id)
        case .wallet(let id):
            users[id.index].walletFen += deltaFen
            note(posting, for: id)
        case .merchant(let id):
            merchants[id.index].balanceFen += deltaFen
        case .fees:
            ledger.feesFen += deltaFen
        }
    }

    private mutating func note(_ posting: Int, for user: UserID) {
        if case .posting(posting) = users[user.index].journal.last { return }
        users[user.index].journal.append(.posting(posting))
    }
}
