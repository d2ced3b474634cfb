import Foundation
import Testing
@testable import WalletScript

/// A line of a command that can carry a payment password hides whatever the parser cannot
/// place, in echoes and diagnostics, and reaches the history only without its password.
@Suite struct PasswordLinesTests {
    /// The tester's lines: none parses, every one holds the password somewhere.
    static let strays = [
        "pay 1 qr:cross password=246810", "pay 1 qr:cross pw:246810", "pay 1 qr:cross pin:246810",
        "pay 1 qr:cross pwd:246810", "pay 1 qr:cross 246810", "pay 1 qr:cross 2468 10",
        "pay 1 qr:cross 24 68 10", "pay 1 qr:cross \"246 810\"", "pay 1 qr:cross 246810:",
        "pya 1 qr:cross 246810", "PAY 1 qr:cross pin=246810", "card visa pin:246810", "link visa 246810",
        "password 2468 10 x", "passwrd 246810", "246810", "pw:246810", "Pin:246810",
    ]

    @Test func strayPasswordsAreHiddenEverywhere() {
        for line in Self.strays {
            let shown = Secrets.redacted(line)
            #expect(!shown.contains("2468") && !shown.contains("810") && !shown.contains("68 10"), "\(line) echoed as \(shown)")
            #expect(shown.count == line.count, "columns kept: \(shown)")
            #expect(Secrets.historyEntry(line) == nil, "\(line) would go to the history")
            guard case .failure(let problem) = CommandTable.parse(line) else {
                Issue.record("\(line) parsed")
                continue
            }
            #expect(!problem.message.contains("2468") && !problem.message.contains("810"), "\(line): \(problem.message)")
        }
    }

    @Test func theTestersMessagesAreMasked() throws {
        guard case .failure(let stray) = CommandTable.parse("pay 1 qr:cross password=246810") else { throw Failure.parsed }
        #expect(stray.message == "unexpected word for pay: password=••••••")
        guard case .failure(let bare) = CommandTable.parse("pay 1 qr:cross 135790") else { throw Failure.parsed }
        #expect(bare.message == "unexpected word for pay: ••••••")
        #expect(Secrets.redacted("pay 1 qr:cross pwd:135790") == "pay 1 qr:cross pwd:••••••")
        #expect(Secrets.redacted("pay 1 qr:cross 2468 10") == "pay 1 qr:cross •••• ••")
    }

    @Test func theAmountStaysVisible() {
        #expect(Secrets.redacted("pay 246810 qr:cross pin:1") == "pay 246810 qr:cross pin:•")
        #expect(Secrets.redacted("pay 1000 qr:crss") == "pay 1000 qr:crss")
        #expect(Secrets.redacted("pay 5 to:shop2024 x") == "pay 5 to:shop•••• x")
        #expect(Secrets.redacted("card visa exp:13/99") == "card visa exp:13/99")
    }

    @Test func commentsOnPasswordLines() {
        #expect(Secrets.redacted("pay 1 qr:cross # 246810") == "pay 1 qr:cross # ••••••")
        #expect(Secrets.historyEntry("pay 1 qr:cross # 246810") == "pay 1 qr:cross")
        #expect(Secrets.historyEntry("pay 1 qr:cross # lunch") == "pay 1 qr:cross # lunch")
        #expect(Secrets.historyEntry("# 246810") == nil)
        #expect(Secrets.historyEntry("# day 2") == "# day 2")
        #expect(Secrets.historyEntry("topup 100 # 2026") == "topup 100 # 2026", "not a password command")
    }

    @Test func parsedLinesAreKeptWithoutTheirPassword() {
        #expect(Secrets.historyEntry("pay 1 qr:cross password:246810") == "pay 1 qr:cross")
        #expect(Secrets.historyEntry("pay  1   to:cafe password: \"246810\"") == nil, "an empty password: does not parse")
        #expect(Secrets.historyEntry("pay  1   to:cafe password:246810 ") == "pay 1 to:cafe")
        #expect(Secrets.historyEntry("card visa password:\"246810\" exp:12/29") == "card visa exp:12/29")
        #expect(Secrets.historyEntry("password 246810") == nil)
        #expect(Secrets.historyEntry("card 4111 1111 1111 1111") == nil)
        #expect(Secrets.historyEntry("pay 1 to:246810") == nil, "a password typed as the merchant")
    }

    @Test func ordinaryLinesAreKeptAsTyped() {
        for line in ["pay 38.50 qr:cross", "pay 1 qr:crss", "pay 1 qr:cross bogus", "card visa", "card mastercard exp:12/29",
                     "topup 100", "tpoup 1000", "balance", "help password", "sms 4821",
                     "user alice phone:+44-7700900123", "include day2024.scn"] {
            #expect(Secrets.historyEntry(line) == line, "\(line)")
        }
        #expect(Console.historyEntry(":save /tmp/a 246810.scn") == ":save /tmp/a 246810.scn")
        #expect(Console.historyEntry(":load x.scn") == ":load x.scn")
        // A temporary folder's name can hold 12 digits among letters: a path, not a card
        // (the REPL test's `:save` fell out of the history when its folder's name did).
        for line in [":save /tmp/tourpass-e2e-24310-4731709E/session.scn", "include runs/24310-4731709E.scn"] {
            #expect(Console.historyEntry(line) == line, "\(line)")
            #expect(Secrets.redacted(line) == line, "\(line)")
        }
        // A name is still checked: the same digits among letters in `to:` are hidden.
        #expect(Secrets.redacted("pay 1 to:e2e-24310-4731709E") != "pay 1 to:e2e-24310-4731709E")
        // A meta-command's path is shown as typed: `:undo` of a load names the file.
        #expect(Secrets.redacted(":load runs/2024-0611/day1234.scn") == ":load runs/2024-0611/day1234.scn")
    }

    /// A `to:` name no merchant has is echoed by the failure and by `why`: its long digit runs hidden.
    @Test func anUnknownMerchantsDigitsAreHidden() {
        var console = Console()
        for line in ["user alice", "verify", "card visa password:246810", "topup 100"] { _ = console.handle(line) }
        let failed = console.handle("pay 1 to:246810").lines.map(\.text)
        #expect(failed.contains("error merchant.unknown: no merchant named ••••••"), "\(failed)")
        let why = console.handle("why").lines.map(\.text).joined(separator: "\n")
        #expect(why.contains("no merchant named •••••• among") && !why.contains("2468"), "\(why)")
        #expect(console.handle("pay 1 to:cafe7").lines.map(\.text).contains { $0.contains("no merchant named cafe7") }, "short runs stay")
    }

    /// Text shaped like a card number is never echoed, whatever the command.
    @Test func cardNumbersTypedAnywhereAreMasked() throws {
        for line in ["sms 4111111111111111", "transfer 4111111111111111 to:a", "sms \"4111 1111 1111 1111\"",
                     "refund 4111-1111-1111-1111 from:x"] {
            guard case .failure(let problem) = CommandTable.parse(line) else { throw Failure.parsed }
            #expect(!problem.message.contains("4111") && !problem.message.contains("1111"), "\(line): \(problem.message)")
            #expect(!Secrets.redacted(line).contains("1111"), "\(line)")
        }
        guard case .failure(let sms) = CommandTable.parse("sms 4111111111111111") else { throw Failure.parsed }
        #expect(sms.message == "an SMS code has 4 digits (at most 8 are read); this has 16")
        guard case .failure(let letters) = CommandTable.parse("sms 48a1") else { throw Failure.parsed }
        #expect(letters.message == "an SMS code is digits only: 48a1")
    }

    /// A card number where a name goes would be printed with the name: refused.
    @Test func cardNumbersAreNoNames() throws {
        for line in ["user \"4111 1111 1111 1111\"", "user 4111111111111111", "merchant 4111-1111-1111-1111",
                     "user 411111111111", "transfer 5 to:4111111111111111", "pay 5 to:\"5555 5555 5555 4444\""] {
            guard case .failure(let problem) = CommandTable.parse(line) else { throw Failure.parsed }
            #expect(problem.message.hasSuffix("name: it looks like a card number (12 to 19 digits); a card is linked with `card NUMBER`"), "\(line): \(problem.message)")
        }
        for line in ["user 12345678901", "user 12345678901234567890123", "user \"Bob 4111\"", "merchant 7-Eleven"] {
            guard case .success(.some) = CommandTable.parse(line) else { throw Failure.refused(line) }
        }
    }

    /// `:save` onto a file others can read keeps its mode, and says so when the session holds a password.
    @Test func saveOntoASharedFileSaysItsMode() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(getpid()).scn").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o644]))
        var console = Console()
        for line in ["user alice", "verify", "card visa password:246810"] { _ = console.handle(line) }
        let saved = console.handle(":save \(path)").lines.map(\.text)
        #expect(saved.count == 2 && saved[1].contains("kept its mode 644 and now holds a payment password"), "\(saved)")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o644, "the user's mode is kept")
        #expect(FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }?.contains("password:246810") == true,
                "the saved file replays the password")

        var plain = Console()
        _ = plain.handle("user bob")
        #expect(plain.handle(":save \(path)").lines.count == 1, "nothing to say without a secret")
    }

    enum Failure: Error { case parsed, refused(String) }
}
