import Foundation
import Testing
@testable import WalletCore

/// The soak: the invariant fuzzer's random steps, many worlds of many users one after the
/// other, the invariants checked after every step; then the same seeds replayed (unchecked,
/// so it is cheap) must give the same steps, the same results and the same final worlds.
/// CI runs a small size; `scripts/soak` (TOURPASS_SOAK_STEPS=1000000) runs the long one.
@Suite struct SoakTests {
    static let seed: UInt64 = 0x50AC_2026_0000_0000
    /// Each world runs this many steps, so the per-step check (which re-derives every
    /// balance from every posting) stays linear in the total.
    static let stepsPerWorld = 500
    static let usersPerWorld = 40
    static let chunkSteps = 50

    static var steps: Int {
        ProcessInfo.processInfo.environment["TOURPASS_SOAK_STEPS"].flatMap { Int($0) } ?? 5_000
    }

    struct Summary {
        var digest = Digest()
        var failures: [String] = []
        var users = 0, postings = 0, expiryRefunds = 0
        var successes: [Substring: Int] = [:]
    }

    /// FNV-1a over every step and every final world: equal digests, equal runs.
    struct Digest: Equatable {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
            value = (value ^ 0x0a) &* 0x100_0000_01b3
        }
    }

    static func soak(steps: Int, checked: Bool) throws -> Summary {
        var summary = Summary()
        var done = 0
        var worldIndex: UInt64 = 0
        while done < steps && summary.failures.isEmpty {
            var fuzzer = try Fuzzer(seed: seed &+ worldIndex)
            fuzzer.maxUsers = usersPerWorld
            let count = min(stepsPerWorld, steps - done)
            var ran = 0
            var prepared = fuzzer.users.count
            while ran < count && fuzzer.failure == nil {
                // A long world would otherwise grind to a halt: random policy changes pile up
                // and new users never verify or link a card. So, through the API as a user
                // would: the default policy comes back, and the new users get ready.
                if ran > 0 {
                    for key in Policy.keys { try? fuzzer.world.setPolicy(key.name, to: Substring(key.read(Policy()))) }
                    for id in fuzzer.users[prepared...] { fuzzer.prepare(id, domestic: fuzzer.world[id].version == .domestic) }
                    prepared = fuzzer.users.count
                }
                let chunk = min(chunkSteps, count - ran)
                fuzzer.run(steps: chunk, checked: checked) { description, failed in
                    summary.digest.add(description + " " + (failed?.rawValue ?? "ok"))
                }
                ran += chunk
            }
            if let failure = fuzzer.failure { summary.failures.append(failure) }
            summary.digest.add(finalState(of: fuzzer.world))
            summary.users += fuzzer.world.users.count
            summary.postings += fuzzer.world.ledger.postings.count
            summary.expiryRefunds += fuzzer.world.ledger.postings.filter { $0.kind == .expiryRefund }.count
            summary.successes.merge(fuzzer.successes, uniquingKeysWith: +)
            done += count
            worldIndex += 1
        }
        return summary
    }

    /// What a world ended with: the clock, every user's pass and wallet, every account.
    static func finalState(of world: World) -> String {
        var text = "now \(world.now) postings \(world.ledger.postings.count) fees \(world.ledger.feesFen)"
        for user in world.users {
            text += " | \(user.name) \(user.pass.state) \(user.pass.balanceFen) \(user.walletFen) \(user.verified)"
        }
        for card in world.cards { text += " | \(card.masked) \(card.chargedFen) \(card.refundedFen)" }
        for merchant in world.merchants { text += " | \(merchant.name) \(merchant.balanceFen)" }
        return text
    }

    @Test func randomStepsKeepTheInvariantsAndReplayExactly() throws {
        let steps = Self.steps
        let clock = ContinuousClock()
        let start = clock.now
        let checked = try Self.soak(steps: steps, checked: true)
        let soakTime = clock.now - start
        for failure in checked.failures { Issue.record(Comment(rawValue: failure)) }
        guard checked.failures.isEmpty else { return }
        let replay = try Self.soak(steps: steps, checked: false)
        #expect(replay.digest == checked.digest, "the same seeds gave a different run")
        print("soak: \(steps) steps in \((steps + Self.stepsPerWorld - 1) / Self.stepsPerWorld) worlds, \(checked.users) users, "
              + "\(checked.postings) postings, \(checked.expiryRefunds) expiry refunds; checked in \(soakTime), replayed in \(clock.now - start - soakTime)")
        // The steps really do things: money moves every way, passes expire, users come.
        print("soak: successes \(checked.successes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        #expect(checked.users >= steps / Self.stepsPerWorld * 20, "only \(checked.users) users")
        #expect(checked.expiryRefunds >= steps / 1_000, "only \(checked.expiryRefunds) expiry refunds")
        for verb in ["topup", "pay", "refund", "transfer", "reactivate", "card", "user"] {
            #expect(checked.successes[Substring(verb), default: 0] >= steps / 2_000, "few successful \(verb)")
        }
    }

    /// A different seed gives a different run: the digest really depends on the steps.
    @Test func theDigestTellsRunsApart() throws {
        let one = try Self.soak(steps: 300, checked: false)
        var other = Summary()
        var fuzzer = try Fuzzer(seed: Self.seed &+ 1_000)
        fuzzer.run(steps: 300, checked: false) { description, failed in other.digest.add(description + " " + (failed?.rawValue ?? "ok")) }
        other.digest.add(Self.finalState(of: fuzzer.world))
        #expect(one.digest != other.digest)
        #expect(try Self.soak(steps: 300, checked: false).digest == one.digest)
    }
}
