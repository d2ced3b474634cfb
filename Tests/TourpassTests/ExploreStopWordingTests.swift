import Foundation
import Testing

/// How `tourpass explore` says a search ended without reaching its target: once "not
/// reached", the bound by its flag, numbers grouped as everywhere else in explore.
@Suite("tourpass explore: a bound that ran out")
struct ExploreStopWordingTests {
    @Test("--max-states and --max-depth are named once, with grouped numbers; exit 1")
    func boundsNamed() throws {
        let states = try Tourpass.run(["explore", "--reach", "pay.password_locked", "--max-states", "1000"])
        #expect(states.status == 1 && states.out.isEmpty, "\(states.out)")
        #expect(states.err.hasPrefix("pay.password_locked not reached: the search stopped at --max-states 1,000 (1,000 states, depth "), "\(states.err)")
        let depth = try Tourpass.run(["explore", "--reach", "pay.password_locked", "--max-depth", "2"])
        #expect(depth.status == 1, "\(depth.err)")
        #expect(depth.err.hasPrefix("pay.password_locked not reached: the search stopped at --max-depth 2 ("), "\(depth.err)")
        #expect(!states.err.contains("not reached: not reached") && !depth.err.contains("not reached: not reached"))
    }
}
