import Testing
import WalletCore
@testable import WalletScript

/// `why` explains the last command from the rule data; it is a query `expect` skips.
@Suite struct WhyTests {
    @Test func aFailedTopUpShowsTheRuleItsNumbersAndAWayToPass() {
        var s = session(after: ["user alice", "verify", "card visa"])
        _ = output("topup 2500", in: &s)
        let why = output("why", in: &s)
        #expect(why.first == "topup 2500 failed with topup.above_maximum (rule topup.max): a top-up is at most CNY 2,000.00")
        #expect(why.contains { $0.hasPrefix("  ✓ topup.min") })
        #expect(why.contains("  ✗ topup.max  the amount is at most topup.max: asked CNY 2,500.00, at most CNY 2,000.00 by topup.max"))
        #expect(why.contains("    to pass: a smaller amount, or `policy topup.max 2500.00`"))
        #expect(why.contains { $0.hasPrefix("  · topup.total  not reached") })
        // A query: the assertion still looks at the top-up.
        #expect(output("expect error topup.above_maximum", in: &s).isEmpty)
    }

    @Test func aWrongPasswordIsExplainedAsItWasAnswered() {
        var s = session(after: aliceWithPass)
        _ = output("pay 1 qr:cross password:000000", in: &s)
        let why = output("why", in: &s)
        #expect(why.contains { $0.hasPrefix("  ✓ pay.locked") })
        #expect(why.contains { $0.hasPrefix("  ✗ pay.password") })
        #expect(why.contains { $0.hasPrefix("  · pay.balance  not reached") })
    }

    @Test func afterASuccessEveryRuleHeld() {
        var s = session(after: aliceWithPass)
        #expect(output("why", in: &s).first == "topup 500 succeeded: every rule held")
        _ = output("balance", in: &s)
        #expect(output("why", in: &s) == ["balance succeeded; it checks no rule list"])
        var fresh = Session()
        #expect(output("why", in: &fresh) == ["why: nothing has run yet"])
    }

    @Test func helpKnowsTheRulesAndTheCodes() {
        let topup = HelpCommand.lines(for: "topup")
        #expect(topup.contains { $0.contains("topup.max") && $0.contains("topup.above_maximum") })
        let code = HelpCommand.lines(for: "topup.count_limit")
        #expect(code.first == "topup.count_limit is answered by:")
        #expect(code.contains("    policy keys: topup.count (now none)"))
        #expect(HelpCommand.lines(for: "expect").contains { $0.hasPrefix("  topup ") && $0.contains("topup.count_limit") })
        #expect(diagnostic("help topup.count_limit") == nil)
        #expect(Completion.candidates(for: "help topup.c", session: Session()).contains("topup.count_limit"))
    }
}

/// `why`'s lines for rules not reached: a forecast in words, with a way to pass for each
/// hidden problem (source 003, comment 16: an expired pass behind a domestic-only code).
@Suite struct WhyUnreachedTests {
    @Test func aHiddenProblemIsAForecastWithItsOwnWayToPass() {
        var s = session(after: ["user klaus", "verify", "card mastercard", "topup 500", "advance 365d"])
        _ = output("pay 100 qr:domestic", in: &s)
        let why = output("why", in: &s)
        #expect(why.contains("    to pass: a merchant with a cross-border code: `pay 100.00 qr:cross`"), "\(why)")
        let expired = why.firstIndex(of: "  · pay.pass_expired  not reached (would also fail: TourPass expired)")
        #expect(expired.map { why.indices.contains($0 + 1) && why[$0 + 1] == "    to pass: `reactivate`, then top up" } ?? false, "\(why)")
        #expect(why.contains("  · pay.locked  not reached (would pass: not locked)"))
        #expect(why.contains("  · pay.balance  not reached (cannot be judged: the TourPass expired (its balance was refunded))"))
        // No rule not reached is stated as a fact.
        #expect(!why.contains { $0.contains("not reached:") }, "\(why)")
    }

    /// `pay.pass` holds for an expired pass (`pay.pass_expired` answers it), so its forecast
    /// must not read as if an expired pass were fine; and a never-verified user's passport
    /// cannot lapse, which "would pass: no passport" did not say.
    @Test func forecastsSayWhatTheyLookedAtTruthfully() {
        var s = session(after: ["user klaus", "verify", "card mastercard", "topup 500", "advance 365d"])
        _ = output("pay 100 qr:domestic", in: &s)
        let why = output("why", in: &s)
        #expect(why.contains("  · pay.pass  not reached (would pass: a TourPass, expired; pay.pass_expired judges that)"), "\(why)")
        #expect(!why.contains { $0.contains("would pass: TourPass expired") }, "\(why)")

        var never = session(after: ["user ann"])
        _ = output("pay 10 qr:domestic", in: &never)
        let lapsed = output("why", in: &never)
        #expect(lapsed.contains("  · pay.lapsed  not reached (would pass: never verified, so nothing to lapse)"), "\(lapsed)")
        #expect(!lapsed.contains { $0.contains("no passport") }, "\(lapsed)")
    }

    /// On an expired pass `pay.pass` holds and `pay.pass_expired` fails: the tick's own words
    /// must not say the pass was topped up "in this period", which ended.
    @Test func passTickAgreesWithAnExpiredPass() {
        var s = session(after: ["user klaus", "verify", "card mastercard", "topup 500", "advance 91d"])
        _ = output("pay 10 qr:cross", in: &s)
        let why = output("why", in: &s)
        let tick = why.first { $0.hasPrefix("  ✓ pay.pass ") }
        #expect(tick == "  ✓ pay.pass  the user has a TourPass, active or expired (none before the first top-up, nor after `reactivate` until the next): a TourPass, expired; pay.pass_expired judges that", "\(why)")
        #expect(!why.contains { $0.contains("this period") }, "\(why)")
        #expect(why.contains { $0.hasPrefix("  ✗ pay.pass_expired ") })
    }

    /// The name check compares names trimmed with their spaces folded: `why` shows them so,
    /// as the link's echo does, not with the spaces as typed.
    @Test func holderNameShownAsTheRuleComparesIt() {
        var s = session(after: ["user alice"])
        _ = output("card visa name:\"  STRAßE   X  \"", in: &s)
        let why = output("why", in: &s)
        #expect(why.contains { $0.hasSuffix("case and spaces aside: holder STRAßE X; on record ALICE") }, "\(why)")
        var t = session(after: ["user bob name:\"BOB  SMITH\""])
        _ = output("card visa exp:01/20 name:\" bob smith \"", in: &t)
        let forecast = output("why", in: &t)
        #expect(forecast.contains("  · card.name_match  not reached (would pass: holder bob smith; on record BOB SMITH)"), "\(forecast)")
    }
}
