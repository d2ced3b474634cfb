import Foundation
import Testing
import WalletCore
@testable import WalletScript

/// How `why` and errors write what a user types and reads: an option's name in backticks
/// (`card:`), card brands as people write them (Visa, JCB, Diners Club).
@Suite struct WhyWordingTests {
    /// Every option key a command takes (`card`, `to`, `born`, …).
    static let optionKeys: [String] = Array(Set(CommandTable.all.flatMap { $0.options.map(\.key) })).sorted()

    /// The bare option names in `text` outside backticks: an option key with its colon and no
    /// value (`card:visa` is what was typed), in parentheses or after "no", "by" or "a"
    /// ("no card: given"); a colon of prose ("another card: …") is no option.
    static func bareOptionNames(_ text: String) -> [String] {
        let outside = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
        let words = outside.split(separator: " ")
        return words.indices.compactMap { index in
            var word = words[index]
            let parenthesised = word.hasPrefix("(")
            if parenthesised { word = word.dropFirst() }
            guard let colon = word.firstIndex(of: ":") else { return nil }
            let key = String(word[..<colon])
            let after = word[word.index(after: colon)...]
            guard optionKeys.contains(key), after.isEmpty || after.allSatisfy({ ",;)".contains($0) }) else { return nil }
            let before = index > words.startIndex ? words[index - 1] : ""
            guard parenthesised || ["no", "by", "a"].contains(before) else { return nil }
            return key + ":"
        }
    }

    @Test func aTopUpWithoutCardNamesTheOptionInBackticks() {
        var s = session(after: ["user alice", "verify", "card declined"])
        #expect(!output("topup 500", in: &s).isEmpty)
        let why = output("why", in: &s)
        #expect(why.contains("  ✓ topup.card_found  the card named by `card:` is linked: no `card:` given; the top-up uses the earliest-linked card, visa ••0002"),
                "\(why)")
    }

    @Test func theCheckFindsBareOptionNames() {
        #expect(Self.bareOptionNames("no card: given") == ["card:"])
        #expect(Self.bareOptionNames("the birth date (born:) is") == ["born:"])
        #expect(Self.bareOptionNames("a card: the user has") == ["card:"])
        #expect(Self.bareOptionNames("no `card:` given; card:visa among visa ••1111; not reached: x").isEmpty)
        #expect(Self.bareOptionNames("another card: `card visa`; the international version: alice; the phone: 44").isEmpty)
    }

    /// Rule statements (`help`, `why`, `tourpass rules`) never name an option bare.
    @Test func ruleStatementsWriteOptionsInBackticks() {
        for rule in RuleBook.rules { #expect(Self.bareOptionNames(rule.statement).isEmpty, "\(rule.id): \(rule.statement)") }
    }

    /// Nor does any `why` or error the golden scenarios record.
    @Test func recordedWhyAndErrorsWriteOptionsInBackticks() throws {
        for file in ScenarioFiles.all {
            for line in try ScenarioFiles.text(file).split(separator: "\n") where line.hasPrefix("|") {
                #expect(Self.bareOptionNames(String(line)).isEmpty, "\(file): \(line)")
            }
        }
    }

    @Test func errorsNameBrandsAsPeopleWriteThem() {
        var s = session(after: ["user alice", "verify"])
        #expect(output("card amex", in: &s) == ["error card.unsupported_brand: American Express cards are not supported by the international version (it accepts Visa, Mastercard, JCB or Diners Club)"])
        var domestic = session(after: ["user wang phone:+86-13800138000"])
        #expect(output("card jcb", in: &domestic) == ["error card.unsupported_brand: JCB cards are not supported by the domestic version (it accepts UnionPay)"])
        _ = output("policy cards.domestic none", in: &domestic)
        #expect(output("card unionpay", in: &domestic).first?.hasSuffix("(it accepts no brand)") == true)
    }
}
