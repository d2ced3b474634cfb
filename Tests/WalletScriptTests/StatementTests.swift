import Testing
import WalletCore
@testable import WalletScript

@Suite("history statement")
struct StatementTests {
    func run(_ lines: [String]) -> Session {
        var session = Session()
        for line in lines { _ = session.run(line: line) }
        return session
    }

    func history(_ session: inout Session, _ line: String = "history") -> [String] {
        guard case .success(let outcome?) = session.run(line: line) else { return [] }
        return outcome.lines.map(\.text)
    }

    @Test("a long session keeps the latest attempts only, says so, and keeps the balance right")
    func capped() {
        var session = run(["user alice", "verify", "card visa", "topup 2000"])
        for _ in 0..<1_500 { _ = session.run(line: "pay 1 qr:cross") }
        let id = session.world.user(named: "alice")!
        // Storage never holds more than twice what the statement shows.
        #expect(session.attempts[id].stored.count < 2 * CappedLog<Attempt>.keep)
        #expect(session.world[id].journal.stored.count < 2 * CappedLog<JournalEntry>.keep)
        let lines = history(&session)
        #expect(lines.count > 2)
        #expect(lines.first == "statement of alice: TourPass CNY 500.00")
        #expect(lines[1].hasPrefix("(earlier entries not kept"))
        #expect(lines.filter { $0.contains("pay 1 qr:cross") }.count <= CappedLog<Attempt>.keep)
        #expect(lines.last?.hasSuffix("CNY 500.00") == true, "the running balance ends at the real balance")
        // The first kept payment's balance follows from the real one, not from zero.
        let firstPaid = lines.first { $0.contains("paid CNY 1.00") }
        #expect(firstPaid?.hasSuffix("CNY 1,499.00") == true, "\(firstPaid ?? "none")")
    }

    @Test("every attempt, failed ones too, lands on the statement of the user who made it")
    func attemptsPerUser() {
        var session = run(["user alice", "verify", "card visa", "topup 50", "user bob", "pay 1 qr:cross", "user alice"])
        let alice = history(&session)
        #expect(alice.contains { $0.contains("topup 50") && $0.hasSuffix("failed topup.below_minimum") })
        #expect(!alice.contains { $0.contains("pay 1") })
        _ = session.run(line: "user bob")
        let bob = history(&session)
        #expect(bob.contains { $0.contains("pay 1 qr:cross") && $0.hasSuffix("failed pay.no_payment_method") }, "\(bob)")
        #expect(!bob.contains { $0.contains("topup") })
    }

    @Test("the same session gives the same bytes, and no password or full card number")
    func deterministicAndSecret() {
        let script = ["user alice", "verify", "card 4111 1111 1111 1111 password:135790", "topup 100",
                      "pay 1 qr:cross password:864209", "password 246801", "advance 91d"]
        var a = run(script), b = run(script)
        let first = history(&a)
        #expect(first == history(&b))
        let text = first.joined(separator: "\n")
        for secret in ["135790", "864209", "246801", "4111111111111111", "4111 1111"] { #expect(!text.contains(secret)) }
        #expect(text.contains("visa ••1111"))
    }
}

@Suite("attempt log")
struct AttemptLogTests {
    @Test("pay and topup attempts keep their fields, not a boxed command; an attempt is 56 bytes")
    func compact() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 100", "pay 1 to:cafe", "pay 2 qr:cross"] { _ = session.run(line: line) }
        let id = session.world.user(named: "alice")!
        let kept = session.attempts[id].stored.map(\.command)
        // The sign-up, verify, card, topup and both payments.
        #expect(kept.count == 6)
        guard kept.count == 6 else { return }
        #expect(kept[2].isCard && !kept[1].isCard && !kept[4].isCard)
        if case .topup(let amount, nil) = kept[3] { #expect(amount.fen == 10_000) } else { Issue.record("topup kept as \(kept[3])") }
        if case .pay(let amount, .merchant("cafe")) = kept[4] { #expect(amount.fen == 100) } else { Issue.record("pay kept as \(kept[4])") }
        if case .pay(_, .qr(.cross)) = kept[5] {} else { Issue.record("pay kept as \(kept[5])") }
        #expect(kept[3].statementText == "topup 100")
        #expect(kept[4].statementText == "pay 1 to:cafe")
        #expect(MemoryLayout<Attempt>.stride <= 56)
    }
}
