import Foundation
import Testing
import WalletCore
@testable import WalletScript

/// `:save`, `:load` and `why` say what a user would otherwise miss.
@Suite struct MessagesTests {
    static func console(_ lines: [String]) -> Console {
        var console = Console(inputName: "<repl>")
        for line in lines { _ = console.handle(line) }
        return console
    }

    @Test func saveSaysItLeftOutAFailedExpect() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var console = Self.console(["user alice", "expect balance 5", "now"])
        let saved = console.handle(":save " + dir.file("s.scn"))
        #expect(saved.lines.map(\.text) == ["saved 2 lines to \(dir.file("s.scn")) (left out 1 failed expect)"])
        var clean = Self.console(["user alice", "expect balance 0"])
        #expect(clean.handle(":save " + dir.file("t.scn")).lines.map(\.text) == ["saved 2 lines to \(dir.file("t.scn"))"])
    }

    @Test func loadCountsTheExpectsThatFailed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("f.scn", "user bob\nexpect balance 5\nnow\nexpect balance 7\n")
        var console = Console(inputName: "<repl>")
        let loaded = console.handle(":load " + dir.file("f.scn"))
        #expect(loaded.lines.last?.text == "loaded 4 lines from \(dir.file("f.scn")) (2 expects failed)")
    }

    @Test func loadSaysWhyAFileCannotBeRead() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var console = Console(inputName: "<repl>")
        #expect(console.handle(":load " + dir.path).errors == ["<repl>:1: error: cannot read \(dir.path): it is a directory"])
    }

    @Test func whyAfterTheReceiveCapIsUsedUpSaysItNeverFrees() {
        var session = Session()
        for line in ["user alice", "user dan phone:+86-13800138000", "card unionpay", "policy transfer.unverified_receive 25",
                     "transfer 25 to:alice", "transfer 10 to:alice"] { _ = session.run(line: line) }
        let lines = WhyCommand.lines(session)
        #expect(lines.contains("    to pass: nothing: the cap is used up and never frees (it counts all transfers received unverified); `verify` the receiver (`user alice`, `verify`), or `policy transfer.unverified_receive 35.00`"), "\(lines)")
        #expect(!lines.joined().contains("at most CNY 0.00"))
    }

    @Test func refundPastAFullRefundSaysFullyRefundedNotAtMostZero() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 100", "pay 30 to:cafe", "refund 30 from:cafe"] { _ = session.run(line: line) }
        let refused = output("refund 1 from:cafe", in: &session)
        #expect(refused == ["error refund.exceeds_payment: cafe has already refunded all CNY 30.00 alice paid it"], "\(refused)")
        let lines = WhyCommand.lines(session)
        #expect(lines.contains { $0.hasSuffix("asked CNY 1.00; all CNY 30.00 paid to cafe is refunded already") }, "\(lines)")
        #expect(lines.contains("    to pass: nothing is left to refund: pay cafe again first"), "\(lines)")
        #expect(!lines.joined().contains("CNY 0.00"), "\(lines)")
        // Partly refunded: the amount left, as before.
        _ = session.run(line: "pay 20 to:cafe")
        #expect(output("refund 25 from:cafe", in: &session) == ["error refund.exceeds_payment: cafe can refund at most CNY 20.00 of what alice paid it"])
    }

    @Test func whyAfterPayingFromAnEmptyBalanceSaysTopUpFirst() {
        var session = Session()
        for line in ["user alice", "verify", "card visa", "topup 100", "pay 100 qr:cross", "pay 5 qr:cross"] { _ = session.run(line: line) }
        let lines = WhyCommand.lines(session)
        #expect(lines.contains("    to pass: a top-up first: the balance is empty (`topup 5.00`)"), "\(lines)")
    }
}
