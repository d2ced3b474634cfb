import Testing
@testable import WalletCore

/// The packed posting store gives back exactly what was appended, whatever the account,
/// index or kind, across chunk boundaries.
@Suite("posting list")
struct PostingListTests {
    /// The largest index each account can reach under the world's limits.
    static let extremes: [Account] = [
        .card(CardID(index: World.maxUsers * World.maxCardsPerUser - 1)), .card(CardID(index: 0)),
        .pass(UserID(index: World.maxUsers - 1)), .wallet(UserID(index: World.maxUsers - 1)), .wallet(UserID(index: 0)),
        .merchant(MerchantID(index: World.maxMerchants - 1)), .fees,
    ]
    static let kinds: [PostingKind] = [.topup, .fee, .payment, .merchantRefund, .expiryRefund, .transfer]

    @Test("every account, index and kind comes back as appended")
    func roundTrip() {
        var list = PostingList()
        var appended: [Posting] = []
        for from in Self.extremes {
            for to in Self.extremes {
                for kind in Self.kinds {
                    let posting = Posting(from: from, to: to, amountFen: World.maxBalanceFen - Int64(appended.count),
                                          at: Instant(minutes: Instant.latest.minutes - Int64(appended.count)), kind: kind)
                    #expect(list.append(posting) == appended.count)
                    appended.append(posting)
                }
            }
        }
        #expect(list.count == appended.count)
        for (index, posting) in appended.enumerated() {
            let back = list[index]
            #expect(back.from == posting.from && back.to == posting.to && back.kind == posting.kind)
            #expect(back.amountFen == posting.amountFen && back.at == posting.at)
        }
    }

    @Test("indices hold across chunks, and a posting is three words")
    func chunks() {
        var list = PostingList()
        let total = 2 * PostingList.chunkSize + 7
        for index in 0..<total {
            _ = list.append(Posting(from: .card(CardID(index: index)), to: .pass(UserID(index: index % 99_999)),
                                    amountFen: Int64(index + 1), at: Instant(minutes: Int64(index)), kind: .topup))
        }
        #expect(list.count == total)
        #expect(list.map(\.amountFen) == (1...total).map(Int64.init))
        #expect(list[PostingList.chunkSize].from == .card(CardID(index: PostingList.chunkSize)))
        #expect(MemoryLayout<PackedPosting>.stride == 24)
    }
}
