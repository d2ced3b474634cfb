/// The ledger's postings, oldest first, read as `Posting` values but stored packed in
/// fixed-size chunks. A `Posting` is 56 bytes (two 9-byte enums padded to 16); packed it is
/// 24. Chunks never move once full, so appending never copies the whole list (one growing
/// array briefly held the old and the new buffer: about 90 MB on a million-command run).
public struct PostingList: RandomAccessCollection, Sendable {
    /// Postings a chunk holds (24 bytes each: 96 KiB a chunk).
    static let chunkSize = 4_096
    private var chunks: [[PackedPosting]] = []
    public private(set) var count = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Posting {
        chunks[position / Self.chunkSize][position % Self.chunkSize].posting
    }

    /// Appends and returns the new posting's index.
    mutating func append(_ posting: Posting) -> Int {
        if count % Self.chunkSize == 0 {
            var chunk: [PackedPosting] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(PackedPosting(posting))
        count += 1
        return count - 1
    }
}

/// A posting in three words: both accounts and the kind in one, the amount, the instant.
struct PackedPosting: Sendable {
    let accountsAndKind: UInt64
    let amountFen: Int64
    let atMinutes: Int64

    init(_ posting: Posting) {
        accountsAndKind = UInt64(PackedPosting.code(posting.from)) << 32 | UInt64(PackedPosting.code(posting.to)) << 3
            | UInt64(PackedPosting.code(posting.kind))
        amountFen = posting.amountFen
        atMinutes = posting.at.minutes
    }

    var posting: Posting {
        Posting(from: PackedPosting.account(UInt32(truncatingIfNeeded: accountsAndKind >> 32)),
                to: PackedPosting.account(UInt32(truncatingIfNeeded: accountsAndKind) >> 3),
                amountFen: amountFen, at: Instant(minutes: atMinutes),
                kind: PackedPosting.kind(UInt8(truncatingIfNeeded: accountsAndKind & 7)))
    }

    /// An account in 29 bits: its case in the top three, its index below (at most 2^26 - 1;
    /// the world's limits keep every index far below: 99,999 users, 10 cards each, 10,000
    /// merchants; `PostingListTests` holds the largest of each to that).
    static let indexBits: UInt32 = 26

    static func code(_ account: Account) -> UInt32 {
        let (tag, index): (UInt32, Int)
        switch account {
        case .card(let id): (tag, index) = (0, id.index)
        case .pass(let id): (tag, index) = (1, id.index)
        case .wallet(let id): (tag, index) = (2, id.index)
        case .merchant(let id): (tag, index) = (3, id.index)
        case .fees: (tag, index) = (4, 0)
        }
        return tag << indexBits | UInt32(truncatingIfNeeded: index) & (1 << indexBits - 1)
    }

    static func account(_ code: UInt32) -> Account {
        let index = Int(code & (1 << indexBits - 1))
        switch code >> indexBits {
        case 0: return .card(CardID(index: index))
        case 1: return .pass(UserID(index: index))
        case 2: return .wallet(UserID(index: index))
        case 3: return .merchant(MerchantID(index: index))
        // Only `code(_:)` writes codes: 4 is the fees and nothing else is ever stored.
        default: return .fees
        }
    }

    static func code(_ kind: PostingKind) -> UInt8 {
        switch kind {
        case .topup: 0
        case .fee: 1
        case .payment: 2
        case .merchantRefund: 3
        case .expiryRefund: 4
        case .transfer: 5
        }
    }

    static func kind(_ code: UInt8) -> PostingKind {
        switch code {
        case 0: .topup
        case 1: .fee
        case 2: .payment
        case 3: .merchantRefund
        case 4: .expiryRefund
        // Only `code(_:)` writes codes: 5 is a transfer and nothing else is ever stored.
        default: .transfer
        }
    }
}
