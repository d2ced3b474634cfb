import Testing
import WalletCore
@testable import WalletScript

/// An SMS code has 4 digits: 6 typed on an `sms` line are likely a payment password, hidden
/// as stray 6-digit runs are elsewhere (`why`, `:undo`, the history), kept by `:save`. A
/// password split over words with a letter after it (`2468 10x`) is hidden whole.
@Suite struct SMSDigitsTests {
    @Test("sms 246810: why, :undo and the history never show it; :save keeps it")
    func sixDigitsOnAnSMSLine() throws {
        var console = Console()
        _ = console.handle("user zoe sms:manual")
        let sms = console.handle("sms 246810")
        #expect(sms.outcome?.error != nil, "a wrong code: \(sms.lines.map(\.text))")
        #expect(!sms.lines.contains { $0.text.contains("246810") }, "\(sms.lines.map(\.text))")
        let why = console.handle("why").lines.map(\.text)
        #expect(why.first?.hasPrefix("sms •••••• failed with register.wrong_code") == true, "\(why)")
        #expect(!why.joined(separator: "\n").contains("246810"), "\(why)")
        #expect(console.savedScenario.contains("\nsms 246810\n"), "\(console.savedScenario)")
        let undo = console.handle(":undo").lines.map(\.text)
        #expect(undo == ["undid: sms •••••• and the line typed after it"], "\(undo)")
        #expect(Console.historyEntry("sms 246810") == nil)
        #expect(Console.redacted("sms 246810") == "sms ••••••")
    }

    @Test("an SMS code of 4 digits (or 5, 7, 8) is shown and kept as typed")
    func otherLengthsStay() {
        for line in ["sms 4821", "sms 48215", "sms 4821537", "sms 48215370", "sms"] {
            #expect(Console.historyEntry(line) == line, "\(line)")
            #expect(Console.redacted(line) == line, "\(line)")
        }
        #expect(Console.redacted("sms 246810 # 4821") == "sms •••••• # 4821")
    }

    @Test("a split password with a letter after its last piece is hidden whole")
    func splitWithLetter() {
        #expect(Console.redacted("2468 10x") == "•••• ••x")
        #expect(Console.redacted("2468-10x") == "••••-••x")
        #expect(Console.redacted("2468 \"10\"x") == "•••• \"••\"x")
        #expect(Console.redacted("pay 5 qr:cross pin:2468 10x") == "pay 5 qr:cross pin:•••• ••x")
        #expect(Console.historyEntry("2468 10x") == nil)
        // Short runs touching letters, joined to nothing hidden, stay (see "Digits an echo shows").
        #expect(Console.redacted("pay 5 qr:cross bad utf8") == "pay 5 qr:cross bad utf8")
        #expect(Console.redacted("pay 10 qr:cross 2468 v2") == "pay 10 qr:cross •••• v2")
    }
}
