import Testing
import WalletCore
@testable import WalletScript

/// `explore --random` exercises expiry with its refund, the cumulative cap and the password
/// lock (through `WalkBursts`' plans), with the invariants checked after every step.
@Suite struct RandomWalkReachTests {
    static let wanted: [ErrorCode] = [.tourpassExpired, .topupCumulativeLimit, .payPasswordLocked]

    /// What `tourpass explore --random` runs with no options: seed 1, 1,000 walks of 40 steps.
    @Test func aDefaultRunReachesExpiryTheCapAndTheLock() {
        let report = RandomWalks(start: ExploreStart(), options: RandomWalks.Options()).run()
        #expect(report.violation == nil, "\(report.violation?.problem ?? "")")
        #expect(report.walks == 1_000 && report.steps == 40_000)
        for code in Self.wanted { #expect(report.codesSeen.contains(code), "\(code.rawValue) never answered") }
    }

    @Test func otherSeedsToo() {
        for seed: UInt64 in [2, 3] {
            let report = RandomWalks(start: ExploreStart(), options: RandomWalks.Options(seed: seed, walks: 300)).run()
            #expect(report.violation == nil, "seed \(seed): \(report.violation?.problem ?? "")")
            for code in Self.wanted { #expect(report.codesSeen.contains(code), "seed \(seed): \(code.rawValue) never answered") }
        }
    }

    /// The same seed walks the same way: the report is the same.
    @Test func deterministic() {
        let options = RandomWalks.Options(seed: 7, walks: 40, steps: 40)
        let a = RandomWalks(start: ExploreStart(), options: options).run()
        let b = RandomWalks(start: ExploreStart(), options: options).run()
        #expect(a.codesSeen == b.codesSeen && a.commandsSucceeded == b.commandsSucceeded && a.steps == b.steps)
    }

    /// Each plan, run from a fresh world, ends with its code; from a user with a pass, too.
    @Test func eachPlanEndsWithItsCode() throws {
        for setup in [[String](), ["user zoe", "verify", "card mastercard", "topup 2000"]] {
            var base = Session()
            for line in setup { _ = base.run(line: line) }
            let plans = WalkBursts.offers(in: base)
            #expect(plans.count == 3, "\(setup): \(plans)")
            for (plan, code) in zip(plans, Self.wanted) {
                var session = base
                var last: ErrorCode? = nil
                for line in plan {
                    guard case .success(let outcome?) = session.run(line: line) else { Issue.record("\(line) does not parse"); break }
                    last = outcome.error?.code
                    #expect(session.world.invariantViolations().isEmpty, "\(line)")
                }
                #expect(last == code, "\(setup) + \(plan) ended with \(last?.rawValue ?? "success")")
            }
        }
    }
}
