import Testing
@testable import WalletCore

/// The clock's min-heap: soonest first, ties in scheduling order.
@Suite struct EventQueueTests {
    @Test func popsInTimeThenSchedulingOrder() {
        var rng = SplitMix64(seed: 0xE7E7)
        var queue = EventQueue()
        var expected: [(due: Int64, serial: Int)] = []
        for serial in 0..<2_000 {
            let due = Int64(rng.next() % 300)   // many ties
            queue.schedule(.signupUnlock(UserID(index: serial)), at: Instant(minutes: due))
            expected.append((due, serial))
        }
        expected.sort { $0.due != $1.due ? $0.due < $1.due : $0.serial < $1.serial }
        var popped: [(due: Int64, serial: Int)] = []
        while let event = queue.popNext() {
            guard case .signupUnlock(let id) = event.kind else { continue }
            popped.append((event.due.minutes, id.index))
        }
        #expect(popped.count == expected.count)
        #expect(popped.map(\.due) == expected.map(\.due))
        #expect(popped.map(\.serial) == expected.map(\.serial))
        #expect(queue.count == 0 && queue.next == nil)
    }

    @Test func interleavedPushAndPop() {
        var rng = SplitMix64(seed: 42)
        var queue = EventQueue()
        var last = Int64.min
        var serial = 0
        for _ in 0..<500 {
            for _ in 0..<Int(rng.next() % 4) {
                queue.schedule(.paymentUnlock(UserID(index: serial)), at: Instant(minutes: max(last, 0) + Int64(rng.next() % 50)))
                serial += 1
            }
            if let event = queue.popNext() {
                #expect(event.due.minutes >= last)
                last = event.due.minutes
            }
        }
    }

    /// A stale expiry (from an earlier period) is dropped, not fired twice.
    @Test func staleExpiryIsIgnored() throws {
        var world = World()
        let alice = try world.passHolder()
        _ = try world.advance(by: .days(90))
        try world.reactivate(user: alice)
        _ = try world.topUp(user: alice, amount: cny("500"))
        world.schedule.schedule(.passExpiry(alice, period: 1), at: Instant(minutes: 100 * 1_440))
        #expect(try world.advance(by: .days(20)) == [])
        #expect(world.passState(user: alice) == .active)
        #expect(world.balance(user: alice) == cny("500"))
        // The new period's expiry, then the passport's lapse (2036-01-01 is its last valid day).
        #expect(world.pendingEvents.map(\.due) == [Instant(minutes: 180 * 1_440), Instant.parse("2036-01-02")])
    }
}
