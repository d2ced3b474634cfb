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
    @Test("pay and topup attempts keep their fields (a payment made, its merchant's id), other commands are kept whole; an attempt is a plain value of at most 56 bytes")
    func compact() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 100", "pay 1 to:cafe", "pay 2 qr:cross",
                     "topup 100 card:visa", "pay 3 to:\"a merchant of 20 b\""] { _ = session.run(line: line) }
        let id = session.world.user(named: "alice")!
        let log = session.attempts[id]
        let kept = log.stored
        // The sign-up, verify, card, topup, both payments, the topup naming a card and the unknown
        // merchant (a failed payment keeps the name typed: no merchant has it).
        #expect(kept.count == 8)
        guard kept.count == 8 else { return }
        #expect(log.isCard(kept[2]) && !log.isCard(kept[1]) && !log.isCard(kept[4]))
        for index in [0, 1, 2, 6, 7] {
            if case .kept = kept[index].command {} else { Issue.record("attempt \(index) kept as \(kept[index].command)") }
        }
        if case .topup(let amount) = kept[3].command { #expect(amount.fen == 10_000) } else { Issue.record("topup kept as \(kept[3].command)") }
        if case .pay(let amount, .merchant(let id)) = kept[4].command { #expect(amount.fen == 100 && session.world[id].name == "cafe") } else { Issue.record("pay kept as \(kept[4].command)") }
        if case .pay(_, .qr(.cross)) = kept[5].command {} else { Issue.record("pay kept as \(kept[5].command)") }
        #expect(log.statementText(kept[0], world: session.world) == "user alice")
        #expect(log.statementText(kept[3], world: session.world) == "topup 100")
        #expect(log.statementText(kept[4], world: session.world) == "pay 1 to:cafe")
        #expect(log.statementText(kept[5], world: session.world) == "pay 2 qr:cross")
        #expect(log.statementText(kept[6], world: session.world) == "topup 100 card:visa")
        #expect(log.statementText(kept[7], world: session.world) == "pay 3 to:\"a merchant of 20 b\"")
        #expect(log.namedCard(kept[6], user: id, world: session.world) != nil)
        #expect(_isPOD(Attempt.self))
        #expect(MemoryLayout<Attempt>.stride <= 56)
    }

    @Test("trimming a long log drops the whole commands only dropped attempts kept")
    func trimsKept() {
        var session = Session()
        _ = session.run(line: "user alice")
        _ = session.run(line: "verify")
        _ = session.run(line: "card visa")
        let rounds = AttemptList.keep + 10
        for _ in 0..<rounds {
            _ = session.run(line: "topup 100 card:visa")
            _ = session.run(line: "pay 1 to:cafe")
        }
        let id = session.world.user(named: "alice")!
        let log = session.attempts[id]
        #expect(log.total == 3 + 2 * rounds)
        #expect(log.stored.count < 2 * AttemptList.keep)
        #expect(log.keptCount <= log.stored.count)
        // Every attempt still kept renders from what it points at.
        for attempt in log.stored {
            let text = log.statementText(attempt, world: session.world)
            #expect(text == "topup 100 card:visa" || text == "pay 1 to:cafe")
        }
    }
}
