import Testing
@testable import WalletScript

/// A card number inside a name with letters is refused as a card-like name is, and on any
/// line digits that look like a payment password (6) or a card number where the parser placed
/// nothing are hidden in echoes, diagnostics and the history.
@Suite struct StrayDigitsTests {
    static let refusal = "name: it looks like a card number (12 to 19 digits); a card is linked with `card NUMBER`"

    /// Each line with a card number among letters, and digits of it that must never show.
    static let namesWithCards: [(line: String, secret: String)] = [
        ("user \"Bob 4111111111111111\"", "41111111"),
        ("user Bob4111111111111111", "41111111"),
        ("user \"Ann 4111 1111 1111 1111\"", "1111 1111"),
        ("merchant \"Shop 5555-5555-5555-4444\"", "5555-5555"),
        ("pay 5 to:Bob4111111111111111", "41111111"),
        ("pay 5 to:\"Bob 4111111111111111\" password:123456", "41111111"),
        ("transfer 5 to:\"Ann 4111 1111 1111 1111\"", "1111 1111"),
        ("refund 5 from:\"Shop 378282246310005\"", "8282246"),
        ("user bob name:\"BOB 4111111111111111\"", "41111111"),
        ("card visa name:\"BOB 4111111111111111\"", "41111111"),
        ("user \"Zoë ４１１１１１１１１１１１１１１１\"", "４１１１１１"),
    ]

    @Test func cardNumbersAmongLettersAreNoNames() throws {
        for (line, secret) in Self.namesWithCards {
            guard case .failure(let problem) = CommandTable.parse(line) else {
                Issue.record("\(line) parsed")
                continue
            }
            #expect(problem.message.hasSuffix(Self.refusal), "\(line): \(problem.message)")
            #expect(!problem.message.contains(secret))
            let shown = Secrets.redacted(line)
            #expect(!shown.contains(secret), "\(line) echoed as \(shown)")
            #expect(shown.count == line.count, "columns kept: \(shown)")
            #expect(Secrets.historyEntry(line) == nil, "\(line) would go to the history")
            #expect(!Secrets.isSafeForHistory(line))
        }
        // The letters stay; the number shows as a card does in a header.
        #expect(Secrets.redacted("user \"Bob 4111111111111111\"") == "user \"Bob ••••••••••••••••\"")
        #expect(Secrets.shown("transfer 5 to:Bob4111111111111111") == "transfer 5 to:Bob••1111")
    }

    @Test func namesWithFewerOrMoreDigitsStayNames() throws {
        for line in ["user \"Bob 4111\"", "user \"Room 12345678901\"", "merchant 7-Eleven", "user bob2024",
                     "user \"Bob 12345678901234567890\"", "user ann name:\"ANN 411111\"", "merchant \"Shop 2024-01-01\""] {
            guard case .success(.some) = CommandTable.parse(line) else {
                Issue.record("\(line) refused")
                continue
            }
        }
        // A phone number has no letters: its 12 digits are no card number.
        #expect(Secrets.redacted("user alice phone:+86-13800138000") == "user alice phone:+86-13800138000")
    }

    /// The tester's line: `topup 100 246810` does not parse; the stray password is hidden.
    @Test func strayDigitsOfALineThatDoesNotParseAreHidden() throws {
        guard case .failure(let problem) = CommandTable.parse("topup 100 246810") else { throw Failure.parsed }
        #expect(!problem.message.contains("246810"), "\(problem.message)")
        #expect(problem.message.contains("••••••"), "\(problem.message)")
        for (line, shown) in [("topup 100 246810", "topup 100 ••••••"),
                              ("balance 246810", "balance ••••••"),
                              ("topup 100 card:visa 246810", "topup 100 card:visa ••••••"),
                              ("tpoup 100 246810", "tpoup 100 ••••••"),
                              ("topup 100 x4111111111111111", "topup 100 x••••••••••••••••"),
                              ("advance 246810", "advance ••••••")] {
            #expect(Secrets.redacted(line) == shown, "\(line)")
            #expect(Secrets.historyEntry(line) == nil, "\(line) would go to the history")
        }
        // Shorter or longer runs are no password: shown and kept.
        for line in ["topup 100 2468", "topup 100 2468101", "tpoup 1000"] {
            #expect(Secrets.redacted(line) == line)
            #expect(Secrets.historyEntry(line) == line)
        }
    }

    /// A password split by a space (`2468 10`, the last piece with no letter after it) is as
    /// stray as one typed whole: hidden in the echo, the message, `why`'s header and the
    /// history. Dates, times and amounts with a point are no such pieces.
    @Test func aPasswordSplitBySpacesIsHiddenToo() throws {
        guard case .failure(let problem) = CommandTable.parse("topup 100 2468 10") else { throw Failure.parsed }
        #expect(!problem.message.contains("2468"), "\(problem.message)")
        for (line, shown) in [("topup 100 2468 10", "topup 100 •••• ••"),
                              ("topup 100 24 68 10", "topup 100 •• •• ••"),
                              ("balance \"2468 10\"", "balance \"•••• ••\""),
                              ("topup 100 # pin 2468 10", "topup 100 # pin •••• ••")] {
            #expect(Secrets.redacted(line) == shown, "\(line)")
            #expect(Secrets.historyEntry(line) == nil, "\(line) would go to the history")
        }
        #expect(Secrets.shown("topup 100 2468 10") == "topup 100 ••••••")
        var s = session(after: ["user alice", "verify", "card visa"])
        _ = output("topup 100 2468 10", in: &s)
        let why = output("why", in: &s)
        #expect(!why.joined().contains("2468"), "\(why)")
        // Pieces that touch a letter, a point, a dash or a colon are other things, and the
        // word after a known command is its argument: shown.
        for line in ["topup 100 2468 10x", "topup 99.99 2468", "advance to:2026-04-01 09:30 x",
                     "topup 100 2468-10", "topup 1,000.50 2468 x", "topup 100 200", "transfer 1000 50 x"] {
            #expect(Secrets.redacted(line) == line, "\(line)")
        }
    }

    /// A line that parsed placed every word: amounts and names stay; its comment does not.
    @Test func placedWordsStayCommentsDoNot() {
        for line in ["transfer 100000 to:bob", "topup 246810", "expect balance 246810", "user 246810",
                     "verify passport:123456", "policy topup.total 100000", "include day246810.scn",
                     ":load runs/246810.scn", "user alice phone:+44-7700900001"] {
            #expect(Secrets.redacted(line) == line, "\(line)")
            #expect(Console.historyEntry(line) == line, "\(line)")
        }
        #expect(Secrets.redacted("topup 100 # 246810") == "topup 100 # ••••••")
        #expect(Secrets.historyEntry("topup 100 # 246810") == nil)
        #expect(Secrets.historyEntry("topup 100 # 2026") == "topup 100 # 2026")
        #expect(Secrets.shown("topup 100 # 246810") == "topup 100 # ••••••")
    }

    enum Failure: Error { case parsed }
}
