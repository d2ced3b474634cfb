import Foundation
import Testing

/// `tourpass explore --reach RULE` on the built binary for the rules no move used to fail.
@Suite("tourpass explore --reach RULE")
struct ExploreRuleEndToEndTests {
    @Test("a rule of the number's form is reached in two commands, and the scenario passes as written")
    func brandLength() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Tourpass.run(["explore", "--reach", "card.brand_length", "--out", "brand.scn"], directory: dir.path)
        #expect(result.status == 0, "\(result.out)\(result.err)")
        let scenario = try #require(dir.read("brand.scn"))
        #expect(scenario.contains("\ncard 4111 1111 1117\n| error card.invalid_number: "))
        #expect(scenario.hasSuffix("expect error card.invalid_number\n"))
        let run = try Tourpass.run(["run", "brand.scn"], directory: dir.path)
        #expect(run.status == 0, "\(run.out)")
    }

    @Test("pay.issuer says the policy that allows it; under that policy it is reached, the header repeating the flag")
    func issuerUnderWhatIf() throws {
        let refused = try Tourpass.run(["explore", "--reach", "pay.issuer"])
        #expect(refused.status == 1)
        #expect(refused.out == "")
        #expect(refused.err.hasSuffix("cards.domestic is unionpay in this policy; try --policy cards.domestic=unionpay,visa\n"), "\(refused.err)")
        let reached = try Tourpass.run(["explore", "--reach", "pay.issuer", "--policy", "cards.domestic=unionpay,visa"])
        #expect(reached.status == 0, "\(reached.err)")
        #expect(reached.outLines.prefix(3) == [
            "# pay.issuer: reached in 3 commands, the fewest the explorer's moves allow",
            "# (tourpass explore --reach pay.issuer --policy cards.domestic=unionpay,visa; 41 states searched)",
            "policy cards.domestic unionpay,visa",
        ])
        #expect(reached.out.hasSuffix("pay 1000 qr:cross\n| error topup.card_declined: visa ••0002: the card issuer declined the charge (fund loading failed)\nexpect error topup.card_declined\n"), "\(reached.out)")
    }
}
