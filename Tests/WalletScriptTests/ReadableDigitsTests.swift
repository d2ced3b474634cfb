import Foundation
import Testing
@testable import WalletScript

/// Echoes hide only digits that could be a password or a card number (tester's item 7);
/// `PasswordLinesTests` keeps the lines that must stay hidden.
@Suite struct ReadableDigitsTests {
    @Test func digitsThatCannotBeAPasswordAreShown() {
        #expect(Secrets.redacted("1 | 2 | 3") == "1 | 2 | 3")
        #expect(Secrets.redacted("a | 1a") == "a | 1a")
        #expect(Secrets.redacted("bad utf8") == "bad utf8")
        #expect(Secrets.redacted("pay 10 qr:cross crad:1111") == "pay 10 qr:cross crad:1111")
        #expect(Secrets.redacted("password : 246810") == "password : ••••••")
        #expect(Secrets.redacted("password = 246810") == "password = ••••••")
    }

    /// An amount with a point is no password (6 digits, no point): an examples row echoed
    /// under its error, or a stray amount on a `pay` line, shows it.
    @Test func amountsWithAPointAreShown() {
        #expect(Secrets.redacted("  99.99  | topup.below_minimum") == "  99.99  | topup.below_minimum")
        #expect(Secrets.redacted("  2000.01") == "  2000.01")
        #expect(Secrets.redacted("  1,000.50 | ok") == "  1,000.50 | ok")
        #expect(Secrets.redacted("pay 10 qr:cross 99.99") == "pay 10 qr:cross 99.99")
        // A run of 6 digits stays hidden, point or not; so does a bare integer cell.
        #expect(Secrets.redacted("  246810.50 | x") == "  ••••••.•• | x")
        #expect(Secrets.redacted("  2468 | x") == "  •••• | x")
    }

    @Test func whatCouldBeAPasswordStaysHidden() {
        #expect(Secrets.redacted("246810") == "••••••")
        #expect(Secrets.redacted("24 68 10") == "•• •• ••")
        #expect(Secrets.redacted("pay 1 qr:cross 2468 10") == "pay 1 qr:cross •••• ••")
        #expect(Secrets.redacted("pay 246810 qr:cross pin:1") == "pay 246810 qr:cross pin:•")
        #expect(Secrets.redacted("pay 1 qr:cross crad:24681") == "pay 1 qr:cross crad:•••••")
        #expect(Secrets.redacted("pay 1 qr:cross x246810") == "pay 1 qr:cross x••••••")
    }

    /// A bad column name is one error: the placeholder lines under it add none.
    @Test func aBrokenTableIsReportedOnce() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("bad.scn", "examples:\n  a | 1a\n  1 | 2\n\nuser <a>\ntopup <a>\n")
        let suite = WalletScript.Suite.run(paths: [dir.path], options: SuiteOptions())
        #expect(suite.exitCode == 2)
        let diagnostics = suite.results.flatMap(\.diagnostics).map(\.rendered)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.contains("1a") == true, "\(diagnostics)")
        #expect(diagnostics.allSatisfy { !$0.contains("the examples table has )") })
    }
}
