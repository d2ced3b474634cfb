import Testing
import WalletCore
@testable import WalletScript

/// `why` and `help` for sign-up, verification and card link: their rule lists, from the core.
@Suite struct OnboardingWhyTests {
    /// After a success the world has moved on (the card is now linked, so "already linked"
    /// would fail if recomputed): nothing claims a failure.
    @Test func afterACardLinkEveryRuleHeld() {
        var s = session(after: ["user alice", "card visa"])
        let why = output("why", in: &s)
        #expect(why.first == "card visa succeeded: every rule held")
        #expect(why.dropFirst().allSatisfy { $0.hasPrefix("  ✓ card.") })
        #expect(why.count == CardRules.list.rules.count + 1)
    }

    @Test func aRefusedLinkShowsTheRuleAndAWayToPass() {
        var s = session(after: ["user alice"])
        _ = output("card visa exp:12/25", in: &s)
        let why = output("why", in: &s)
        #expect(why.first == "card visa exp:12/25 failed with card.expired (rule card.expiry): the card expired at the end of 12/25")
        #expect(why.contains("  ✗ card.expiry  the card's expiry (`exp:MM/YY`, valid through that month) has not passed: expires 12/25; now 2026-01-01 00:00"))
        #expect(why.contains("    to pass: an expiry not passed yet: `card visa exp:01/31`, or no `exp:` (five years on)"))
        #expect(why.contains { $0.hasPrefix("  · card.issuer  not reached") })
        #expect(output("expect error card.expired", in: &s).isEmpty)
    }

    @Test func verifyUserAndSMSAreExplained() {
        var s = session(after: ["user alice"])
        _ = output("verify nationality:PH", in: &s)
        #expect(output("why", in: &s).contains("    to pass: `verify nationality:GB` (a nationality the app offers), or `policy verify.unsupported AL,MA`"))
        _ = output("user bob phone:+44-7700900001", in: &s)
        #expect(output("why", in: &s).contains("  ✗ user.phone_free  no other user has the phone: 44-7700900001 belongs to alice"))
        _ = output("user carol sms:manual", in: &s)
        _ = output("sms 1", in: &s)
        #expect(output("why", in: &s).first == "sms 1 failed with register.wrong_code (rule sms.code): wrong SMS code; 4 tries left")
    }

    @Test func helpListsTheRulesInOrder() {
        for (command, list) in [("card", CardRules.list.infos), ("verify", VerifyRules.list.infos),
                                ("user", RegistrationRules.user.infos), ("sms", RegistrationRules.sms.infos)] {
            let lines = HelpCommand.lines(for: command)
            let listed = lines.compactMap { line in list.first { line.hasPrefix("  \($0.id) ") }?.id }
            #expect(listed == list.map(\.id), "help \(command)")
        }
        #expect(HelpCommand.lines(for: "card.already_used").contains("  card, rule card.other_user: no other user has linked the number"))
    }
}
