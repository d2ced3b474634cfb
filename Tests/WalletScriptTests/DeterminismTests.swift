import Foundation
import Testing
import WalletScript

/// Same scenarios, same report, byte for byte: whatever the jobs, time zone or locale.
@Suite struct DeterminismTests {
    func report(jobs: Int) -> String {
        let result = WalletScript.Suite.run(paths: [Repo.scenarios], options: SuiteOptions(jobs: jobs, checkInvariants: true))
        return Reporter.text(result, style: Style(colour: false)).joined(separator: "\n")
    }

    @Test func reportIsIdenticalAcrossJobsTimeZonesAndLocales() {
        let first = report(jobs: 1)
        let names: [String] = ["TZ", "LANG", "LC_ALL"]
        let saved: [(String, String?)] = names.map { name in (name, getenv(name).map { String(cString: $0) }) }
        setenv("TZ", "Pacific/Kiritimati", 1)
        setenv("LANG", "ar_SA.UTF-8", 1)
        setenv("LC_ALL", "ar_SA.UTF-8", 1)
        tzset()
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
            tzset()
        }
        let second = report(jobs: 2)
        #expect(first == second)
        #expect(first.hasSuffix("\(ScenarioFiles.all.count) passed, 0 failed"), "\(first.suffix(2_000))")
        var session = Session()
        _ = session.run(line: "advance 1d")
        #expect(output("now", in: &session) == ["2026-01-02 00:00 (China Standard Time)"])
    }
}
