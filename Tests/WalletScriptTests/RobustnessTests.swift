import Foundation
import Testing
import WalletScript

/// No line, however odd, crashes the interpreter or breaks the ledger.
@Suite struct RobustnessTests {
    static let hostile: [String] = [
        String(decoding: (0...255).map { UInt8($0) }, as: UTF8.self),
        String(decoding: (0...255).reversed().map { UInt8($0) }, as: UTF8.self),
        String(repeating: "x", count: 1 << 20),
        "topup " + String(repeating: "9", count: 1 << 20),
        "topup 99999999999999999999999",
        "pay 99999999999999999999999.99 qr:cross",
        "advance -3d",
        "advance 99999999999999999999w",
        "advance to:9999-12-31 23:59",
        "advance to:\"9999-12-31 23:59\"",
        "\"", "pay 5 \"qr:cross", "name:\"", "\\\"", "\"\\",
        ":", "::", ": undo", ":undo x", "#", "| recorded", "expect", "expect error", "policy topup.fee 99999999999%",
        "policy pass.days -1", "policy pass.days 0", "policy topup.max 0", "card " + Array(repeating: "4", count: 63).joined(separator: " "),
        "user " + String(repeating: "é", count: 33), "user \u{202E}evil", "user Zoë", "user a\u{0}b", "\u{FEFF}balance",
    ]

    /// Runs a line and checks it gave an outcome, nothing, or a diagnostic with a column.
    static func feed(_ line: String, to session: inout Session) {
        switch session.run(line: line) {
        case .success: break
        case .failure(let problem):
            #expect(problem.column >= 1 && !problem.message.isEmpty, "bad diagnostic for \(line.prefix(80).debugDescription)")
        }
        let broken = session.world.invariantViolations()
        #expect(broken.isEmpty, "after \(line.prefix(80).debugDescription): \(broken)")
    }

    @Test func hostileLinesInAFreshAndABusyWorld() {
        var fresh = Session()
        var busy = session(after: aliceWithPass + ["user bob phone:+86-13800138000", "card unionpay"])
        for line in Self.hostile {
            Self.feed(line, to: &fresh)
            Self.feed(line, to: &busy)
        }
        #expect(busy.world.users.map(\.name) == ["alice", "bob", "Zoë"])
    }

    @Test func hostileLinesThroughTheConsole() {
        var console = Console()
        for line in Self.hostile {
            let response = console.handle(line)
            #expect(response.diagnostic != nil || response.outcome != nil || !response.lines.isEmpty || line.hasPrefix("#") || line.hasPrefix(":undo"),
                    "no answer to \(line.prefix(80).debugDescription)")
        }
        #expect(console.session.world.invariantViolations().isEmpty)
    }

    @Test func theEndOfTimeIsHandled() {
        var session = session(after: ["advance to:\"9999-12-31 23:00\""] + aliceWithPass)
        for line in ["pay 5 qr:cross", "advance 2h", "advance 59m", "status", "history", "verify", "advance 1m", "advance 1m"] {
            Self.feed(line, to: &session)
        }
        #expect(session.world.now.description == "9999-12-31 23:59")
    }

    @Test func tenThousandRandomLinesThroughASession() {
        var random = SplitMix64(seed: 2026)
        var session = Session()
        var counts = (ok: 0, failed: 0, diagnostics: 0)
        for _ in 0..<10_000 {
            let line = RandomLines.next(&random, meta: false)
            switch session.run(line: line) {
            case .success(let outcome?): if outcome.error == nil { counts.ok += 1 } else { counts.failed += 1 }
            case .success(nil): break
            case .failure(let problem):
                counts.diagnostics += 1
                #expect(problem.column >= 1, "column for \(line.debugDescription)")
            }
            let broken = session.world.invariantViolations()
            if !broken.isEmpty {
                Issue.record("invariants broken after \(line.debugDescription): \(broken)")
                break
            }
        }
        // The mix reaches every kind of answer.
        #expect(counts.ok > 100 && counts.failed > 100 && counts.diagnostics > 100, "\(counts)")
    }

    /// The console fuzz includes meta-commands (`:undo`, `:reset`, `:load`); it runs in a
    /// child process so that a crash fails this test instead of the whole run.
    @Test func tenThousandRandomLinesThroughTheConsole() async {
        await #expect(processExitsWith: .success) {
            var random = SplitMix64(seed: 7)
            var console = Console()
            for _ in 0..<10_000 {
                _ = console.handle(RandomLines.next(&random, meta: true))
                if !console.session.world.invariantViolations().isEmpty { exit(3) }
            }
        }
    }
}

/// Lines built from the language's own words, options and some garbage.
enum RandomLines {
    static let heads = CommandTable.namesAndAliases + ["expect ok", "expect error", "expect balance", "expect status", "expect charged",
                                                       "expect now", "user alice", "user bob", "pay", "topup", "garbage", "#", "|", ""]
    static let metas = [":undo", ":undo", ":reset", ":help pay", ":save", ":load /nonexistent/x.scn", ":nope", ":quit"]
    static let words = ["alice", "bob", "carol", "visa", "mastercard", "jcb", "diners", "unionpay", "declined", "unavailable", "amex",
                        "500", "100", "38.5", "0", "-1", "1.234", "2000.01", "99999999999999999999", "91d", "1d12h", "-3d", "0",
                        "2026-04-01", "9999-12-31", "none", "active", "expired", "yes", "no", "pay.domestic_qr", "card.none",
                        "topup.fee", "3%", "pass.days", "30", "4111", "1111", "P1234567", "\"ALICE SMITH\"", "\"", "é", "王", "\u{7}",
                        "#x", "x#", "\\", "::", "a:b:c"]
    static let options = ["qr:cross", "qr:domestic", "qr:", "to:cafe", "to:alice", "to:bob", "to:supplier", "to:noodles", "from:cafe",
                          "card:visa", "card:1111", "card:9999", "password:123456", "password:000000", "password:12ab", "exp:12/29",
                          "exp:01/20", "name:\"ALICE\"", "name:\"" + String(repeating: "N", count: 40) + "\"", "phone:+86-13800138000",
                          "phone:+44-7700900999", "phone:bad", "nationality:PH", "nationality:GB", "version:domestic", "sms:manual",
                          "face:fail", "expires:2020-01-01", "credit:no", "to:2026-06-01", "to:\"2026-06-01 10:00\"", "zz:1"]

    static func next(_ random: inout SplitMix64, meta: Bool) -> String {
        if meta, random.next() % 12 == 0 { return metas[Int(random.next() % UInt64(metas.count))] }
        var parts = [heads[Int(random.next() % UInt64(heads.count))]]
        for _ in 0..<Int(random.next() % 5) {
            switch random.next() % 10 {
            case 0...3: parts.append(words[Int(random.next() % UInt64(words.count))])
            case 4...8: parts.append(options[Int(random.next() % UInt64(options.count))])
            default: parts.append(String(decoding: (0..<Int(random.next() % 6)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, as: UTF8.self))
            }
        }
        return parts.joined(separator: random.next() % 7 == 0 ? "  " : " ")
    }
}
