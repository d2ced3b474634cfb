import Foundation
import Testing
import WalletCore
import WalletScript

/// The done-when: `why` after a failing line of every code the rules answer shows
/// the failed rule (✗) with its numbers and a way to pass, recorded in scenarios/why/ (the
/// golden run checks the recordings are what `why` prints today).
@Suite struct WhyScenariosTests {
    /// One recorded `why` after a failure: the code and rule its first line names, and the
    /// rule marked ✗ with the lines under it.
    struct Recorded {
        let file: String
        let code: String
        let rule: String
        let failedLine: String?
        let remedy: String?
    }

    static let recorded: [Recorded] = {
        let folder = Repo.path("scenarios/why")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".scn") }.sorted()
        var found: [Recorded] = []
        for file in files {
            guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces) == "why" {
                let block = lines[(index + 1)...].prefix { $0.hasPrefix("|") }.map { String($0.dropFirst(2)) }
                // "pay 1 qr:cross failed with pay.password_locked (rule pay.password): …"
                guard let head = block.first, let with = head.range(of: " failed with "),
                      let open = head.range(of: " (rule ", range: with.upperBound..<head.endIndex),
                      let close = head.range(of: "): ", range: open.upperBound..<head.endIndex) else { continue }
                let rule = String(head[open.upperBound..<close.lowerBound])
                let failed = block.firstIndex { $0.hasPrefix("  ✗ \(rule)  ") }
                let remedy = failed.flatMap { block.indices.contains($0 + 1) && block[$0 + 1].hasPrefix("    to pass: ") ? block[$0 + 1] : nil }
                found.append(Recorded(file: file, code: String(head[with.upperBound..<open.lowerBound]), rule: rule,
                                      failedLine: failed.map { block[$0] }, remedy: remedy))
            }
        }
        return found
    }()

    /// Every code a rule of the rule book answers, as its own or as one it also answers.
    static let codes: [ErrorCode] = Array(Set(RuleBook.rules.flatMap { [$0.code] + $0.alsoAnswers })).sorted()

    @Test func everyCodeTheRulesAnswerHasAWhyRecordedAfterAFailure() {
        #expect(Self.codes.count >= 40, "the rule book answers \(Self.codes.count) codes")
        for code in Self.codes {
            let answering = Set(RuleBook.rules(answering: code).map(\.rule.id))
            let shown = Self.recorded.filter { $0.code == code.rawValue && answering.contains($0.rule) && $0.failedLine != nil }
            #expect(!shown.isEmpty, "no `why` in scenarios/why/ after a line failing with \(code.rawValue) shows ✗ for one of \(answering.sorted())")
        }
    }

    @Test func eachRecordedWhyShowsTheFailedRuleWithWhatItLookedAtAndAWayToPass() {
        #expect(Self.recorded.count >= Self.codes.count)
        for why in Self.recorded {
            let failed = why.failedLine ?? ""
            #expect(!failed.isEmpty, "\(why.file): `why` after \(why.code) shows no ✗ \(why.rule)")
            // "  ✗ RULE  statement: what it looked at"
            #expect(failed.contains(": "), "\(why.file): ✗ \(why.rule) shows nothing it looked at: \(failed)")
            #expect(why.remedy.map { $0.count > "    to pass: ".count } ?? false, "\(why.file): ✗ \(why.rule) names no way to pass")
            // The rule named answers the code named.
            let rule = RuleBook.rules.first { $0.id == why.rule }
            #expect(rule.map { $0.code.rawValue == why.code || $0.alsoAnswers.map(\.rawValue).contains(why.code) } ?? false,
                    "\(why.file): rule \(why.rule) does not answer \(why.code)")
        }
    }
}
