import Testing
import WalletCore
@testable import WalletScript

/// Every command's help examples work when typed in order in a fresh world after the setup
/// the help names; one that fails on purpose says so (`# fails: CODE`), and an error an
/// `expect error CODE` right after it names is expected too. And help quotes the session's policy.
@Suite struct HelpExampleTests {
    /// The line without its `# fails: CODE` note.
    static func command(of example: String) -> String {
        guard let hash = example.firstIndex(of: "#") else { return example }
        var line = example[..<hash]
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }

    /// The code after `# fails:`, if any.
    static func expectedFailure(of example: String) -> ErrorCode? {
        guard let range = example.range(of: "# fails: ") else { return nil }
        return ErrorCode(rawValue: String(example[range.upperBound...].prefix { $0 != " " }))
    }

    /// What went wrong running `lines` in order in a fresh session (empty: all as expected).
    static func problems(setup: [String], examples: [String]) -> [String] {
        var session = Session()
        var problems: [String] = []
        for line in setup {
            switch session.run(line: line) {
            case .failure(let diagnostic): problems.append("setup \(line): \(diagnostic.message)")
            case .success(let outcome?) where outcome.error != nil: problems.append("setup \(line): \(outcome.error?.code.rawValue ?? "")")
            case .success: break
            }
        }
        for (index, example) in examples.enumerated() {
            let next = index + 1 < examples.count ? examples[index + 1] : ""
            switch session.run(line: example) {
            case .failure(let diagnostic): problems.append("\(example): does not parse: \(diagnostic.message)")
            case .success(nil): problems.append("\(example): no command")
            case .success(let outcome?):
                if let failed = outcome.failedAssertion { problems.append("\(example): \(failed)") }
                let expected = expectedFailure(of: example) ?? (next.hasPrefix("expect error ") ? ErrorCode(rawValue: String(next.dropFirst(13))) : nil)
                if outcome.error?.code != expected {
                    problems.append("\(example): \(outcome.error.map { "failed with \($0.code.rawValue): \($0.message)" } ?? "succeeded") (expected \(expected?.rawValue ?? "success"))")
                }
            }
        }
        return problems
    }

    @Test(arguments: CommandTable.all.map(\.name))
    func examplesWorkTypedInOrderAfterTheirSetup(_ name: String) throws {
        let spec = try #require(CommandTable.spec(named: name))
        #expect(!spec.examples.isEmpty, "\(name) has no examples")
        let problems = Self.problems(setup: spec.exampleSetup, examples: spec.examples)
        #expect(problems.isEmpty, "help \(name):\n\(problems.joined(separator: "\n"))")
    }

    /// The check fails on what it should: an example that fails unannounced, or not as announced.
    @Test func theCheckCatchesAnUnexpectedError() {
        #expect(!Self.problems(setup: [], examples: ["pay 100 to:supplier password:000000"]).isEmpty)
        #expect(!Self.problems(setup: ["user alice"], examples: ["verify  # fails: verify.face_failed"]).isEmpty)
        #expect(Self.problems(setup: ["user alice"], examples: ["verify face:fail  # fails: verify.face_failed"]).isEmpty)
        #expect(Self.problems(setup: ["user alice"], examples: ["verify face:fail", "expect error verify.face_failed"]).isEmpty)
        #expect(!Self.problems(setup: ["user alice"], examples: ["verify", "expect verified no"]).isEmpty)
    }

    /// Help names what the examples need first.
    @Test func helpNamesTheSetup() {
        let pay = HelpCommand.lines(for: "pay")
        #expect(pay.contains("examples, in order in a fresh world after: user alice; verify; card visa; topup 500; merchant \"Li's Noodles\""))
        #expect(pay.contains("  pay 100 to:cafe password:000000  # fails: pay.wrong_password"))
    }

    /// `help topup` quotes the session's fee and validity, and each rule's key its value now.
    @Test func helpQuotesTheSessionsPolicy() {
        var s = Session()
        let before = output("help topup", in: &s)
        #expect(before.contains("  top up the TourPass from a linked card (the first top-up opens it for 90 days, pass.days); a 5% fee (topup.fee) on top"))
        #expect(before.contains { $0.hasPrefix("  topup.min ") && $0.hasSuffix("the amount is at least topup.min (now 100.00)") })
        _ = output("policy topup.fee 3", in: &s)
        _ = output("policy pass.days 30", in: &s)
        _ = output("policy topup.min 50", in: &s)
        let after = output("help topup", in: &s)
        #expect(after.contains("  top up the TourPass from a linked card (the first top-up opens it for 30 days, pass.days); a 3% fee (topup.fee) on top"))
        #expect(after.contains { $0.hasPrefix("  topup.min ") && $0.hasSuffix("(now 50.00)") })
        #expect(!after.joined().contains("5%"))
        #expect(output("help", in: &s).contains { $0.contains("a 3% fee (topup.fee) on top") })
        // A statement that does not name its key gets the key with the value.
        #expect(output("help pay", in: &s).contains { $0.hasSuffix("payments are not locked by wrong passwords (now pay.lock 3h)") })
        _ = output("policy topup.count 2", in: &s)
        #expect(output("help topup.count_limit", in: &s).contains("    policy keys: topup.count (now 2)"))
        // `:help` in the REPL reads the same session.
        var console = Console()
        _ = console.handle("policy topup.fee 2.5%")
        #expect(console.handle(":help topup").lines.contains { $0.text.contains("a 2.5% fee (topup.fee) on top") })
    }
}
