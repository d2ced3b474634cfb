import Testing
@testable import WalletCore

/// The core's hot paths after round 5 (docs/BENCHMARKS.md, "Round 5: the core"): the room
/// check over three accounts without an array, the funding order kept when the same card
/// tops up again, and logs that start with room for 16.
@Suite struct CoreHotPathTests {
    @Test func roomIsCheckedOnEveryAccountGiven() throws {
        var world = World()
        let dan = try world.domesticWithCard(verified: true)
        let alice = try world.passHolder()
        let noodles = try world.merchantID("noodles")
        _ = try world.pay(user: dan, amount: Money(fen: 1 << 51), merchant: noodles)
        _ = try world.pay(user: dan, amount: Money(fen: 1 << 51), merchant: noodles)
        // The merchant is full: as the third account it refuses, as the first and second too.
        #expect(code { try world.ensureRoom(for: 1, touching: .fees, .pass(alice)) } == nil)
        #expect(code { try world.ensureRoom(for: 1, touching: .fees, .pass(alice), .merchant(noodles)) } == .moneyOverflow)
        #expect(code { try world.ensureRoom(for: 1, touching: .merchant(noodles), .pass(alice)) } == .moneyOverflow)
        #expect(code { try world.ensureRoom(for: 1, touching: .fees, .merchant(noodles)) } == .moneyOverflow)
        #expect(code { try world.ensureRoom(for: -1, touching: .fees, .pass(alice)) } == .moneyOverflow)
        #expect(code { try world.ensureRoom(for: World.maxBalanceFen + 1, touching: .fees, .pass(alice)) } == .moneyOverflow)
    }

    @Test func theSameCardAgainKeepsTheFundingOrder() throws {
        var world = World()
        let alice = try world.verifiedUserWithVisa()
        _ = try world.linkCard(user: alice, CardRequest(number: Cards.mastercard))
        _ = try world.topUp(user: alice, amount: cny("100"))
        _ = try world.topUp(user: alice, amount: cny("100"))
        let visa = world[alice].cards[0], mastercard = world[alice].cards[1]
        #expect(world[alice].pass.fundingCards == [visa])
        _ = try world.topUp(user: alice, amount: cny("100"), card: "4444")
        _ = try world.topUp(user: alice, amount: cny("100"), card: "1111")
        _ = try world.topUp(user: alice, amount: cny("100"), card: "1111")
        #expect(world[alice].pass.fundingCards == [mastercard, visa])
        // The expiry refunds the newest top-up's card first: the visa takes its 400, the mastercard the rest.
        let fired = try world.advance(by: minutes("91d"))
        guard case .passExpired(_, let refunds, let left)? = fired.first?.kind else { Issue.record("\(fired)"); return }
        #expect(refunds == [CardRefund(card: visa, amount: cny("400")), CardRefund(card: mastercard, amount: cny("100"))])
        #expect(left.fen == 0)
        #expect(world.invariantViolations() == [])
    }

    @Test func logsAndPaymentsStartWithRoomForSixteen() throws {
        var log = CappedLog<Int>()
        log.append(1)
        #expect(log.storage.capacity >= 16 && log.stored == [1] && log.total == 1)
        var world = World()
        let alice = try world.passHolder()
        #expect(world[alice].journal.storage.capacity >= 16)
        _ = try world.pay(user: alice, amount: cny("10"), merchantNamed: "cafe")
        #expect(world[alice].payments.capacity >= 16 && world[alice].payments.count == 1)
        let receipt = try world.refund(user: alice, amount: cny("10"), merchantNamed: "cafe")
        #expect(receipt.toPass == cny("10"))
        #expect(world.invariantViolations() == [])
    }

    /// Predicates are thin functions taking the input by address: each list still answers
    /// its first failing rule, and `why`'s verdicts agree with it.
    @Test func thinPredicatesAnswerTheFirstFailure() throws {
        var world = World()
        let alice = try world.passHolder(amount: "100")
        let cafe = try world.merchantID("cafe")
        let tooMuch = PayInput(user: alice, amount: cny("150"), merchant: cafe, merchantName: "cafe", password: nil)
        let fine = PayInput(user: alice, amount: cny("50"), merchant: cafe, merchantName: "cafe", password: nil)
        let balance = PayRules.international.rules.firstIndex { $0.info.id == "pay.balance" }
        #expect(PayRules.international.firstFailure(world, tooMuch) == balance)
        #expect(PayRules.international.firstFailure(world, fine) == nil)
        let steps = PayRules.international.explanation(world, tooMuch, failedRule: "pay.balance").steps
        #expect(steps.map(\.verdict) == Array(repeating: .held, count: steps.count - 1) + [.failed])
        #expect(steps.allSatisfy { !$0.looked.hasPrefix("held when checked") })
        #expect(code { try world.pay(user: alice, amount: cny("150"), merchant: cafe) } == .payInsufficientBalance)
        let unknown = TopUpInput(user: alice, amount: cny("100"), card: "9999")
        #expect(TopUpRules.list.firstFailure(world, unknown).map { TopUpRules.list.rules[$0].info.id } == "topup.card_found")
    }
}
