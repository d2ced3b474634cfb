import Testing
@testable import WalletScript

/// A `status` outcome is a snapshot: one kept (a pending step, a test, a session copy for
/// `:undo`) keeps its own text whatever runs after it.
@Suite("status snapshot")
struct StatusSnapshotTests {
    static func status(_ session: inout Session) -> [String] {
        guard case .success(let outcome?) = session.run(line: "status") else { Issue.record("status did not run"); return [] }
        return outcome.lines.map(\.text)
    }

    @Test("an outcome held keeps its snapshot; later ones say their own time")
    func heldAndDropped() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 500"] { _ = session.run(line: line) }
        guard case .success(let first?) = session.run(line: "status") else { Issue.record("status did not run"); return }
        let firstText = first.lines.map(\.text)
        #expect(firstText.contains { $0.contains("balance CNY 500.00") })
        _ = session.run(line: "pay 100 qr:cross")
        let second = StatusSnapshotTests.status(&session)
        #expect(second.contains { $0.contains("balance CNY 400.00") })
        // The first outcome, still held, still says what it said.
        #expect(first.lines.map(\.text) == firstText)
        // Dropped outcomes: the box is written over, and each status says the world of its time.
        _ = session.run(line: "pay 50 qr:cross")
        #expect(StatusSnapshotTests.status(&session).contains { $0.contains("balance CNY 350.00") })
        _ = session.run(line: "user bob")
        let bob = StatusSnapshotTests.status(&session)
        #expect(bob.first?.hasPrefix("bob") == true)
        #expect(!bob.contains { $0.contains("CNY 350.00") })
        #expect(first.lines.map(\.text) == firstText)
    }

    @Test("a session copy keeps its status apart")
    func sessionCopies() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 500"] { _ = session.run(line: line) }
        _ = StatusSnapshotTests.status(&session)
        var saved = session
        _ = session.run(line: "pay 100 qr:cross")
        let now = StatusSnapshotTests.status(&session)
        let then = StatusSnapshotTests.status(&saved)
        #expect(now.contains { $0.contains("balance CNY 400.00") })
        #expect(then.contains { $0.contains("balance CNY 500.00") })
        #expect(StatusSnapshotTests.status(&session) == now)
    }
}
