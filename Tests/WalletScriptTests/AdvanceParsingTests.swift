import Testing
import WalletCore
@testable import WalletScript

/// `advance to:` takes a date, a quoted date and time, or a date then a time unquoted.
@Suite struct AdvanceParsingTests {
    func target(_ line: String) -> AdvanceTarget? {
        guard case .success(let command?) = CommandTable.parse(line) else { return nil }
        guard case .advanceCommand(let advance) = command.value else { return nil }
        return advance.target
    }

    @Test func unquotedTimeJoinsTheDate() {
        let expected = Instant.parse("2026-04-01 09:30")
        #expect(expected != nil)
        #expect(target("advance to:2026-04-01 09:30") == expected.map { .to($0) })
        #expect(target("advance to:\"2026-04-01 09:30\"") == expected.map { .to($0) })
        #expect(target("advance to:2026-04-01") == Instant.parse("2026-04-01").map { .to($0) })
    }

    @Test func aBadTimeNamesTheColumnOfTheDate() {
        guard case .failure(let problem) = CommandTable.parse("advance to:2026-04-01 9x") else {
            Issue.record("expected a diagnostic")
            return
        }
        #expect(problem.column == 12)
        #expect(problem.message.contains("2026-04-01 9x"))
    }
}
