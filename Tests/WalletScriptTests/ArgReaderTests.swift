import Testing
import WalletCore
@testable import WalletScript

/// `ArgReader` finds options and positionals by reading the lexer's words in place: the
/// same answers, columns and messages whatever the order, repeats or quoting of the words.
@Suite struct ArgReaderTests {
    func rendered(_ line: String) -> String? { diagnostic(line)?.rendered }

    /// Unknown keys are checked only when a line fails to parse (a parsed line took every
    /// word, so it has none): still named before whatever else the parser would report.
    @Test func anUnknownOptionIsNamedBeforeAnyOtherProblem() {
        let cases: [(String, String)] = [
            ("refund 5 frm:cafe", "<input>:1:10: error: unknown option `frm:` for refund; did you mean `from:`?"),
            ("pay x to:cafe bogus:1", "<input>:1:15: error: unknown option `bogus:` for pay"),
            ("pay 5 qr:cross bogus:1", "<input>:1:16: error: unknown option `bogus:` for pay"),
            ("pay 5 qr:cross to:cafe tp:x", "<input>:1:24: error: unknown option `tp:` for pay; did you mean `to:`?"),
            ("pay 5 qr:cross qr:cross bogus:1", "<input>:1:25: error: unknown option `bogus:` for pay"),
            ("pay bogus:1", "<input>:1:5: error: unknown option `bogus:` for pay"),
            ("status x:1 y", "<input>:1:8: error: unknown option `x:` for status; status takes no options"),
            ("expect balance 5 crd:visa", "<input>:1:18: error: unknown option `crd:` for expect; did you mean `card:`?"),
        ]
        for (line, expected) in cases { #expect(rendered(line) == expected, "\(line)") }
        // Known keys out of place are still the parser's to report.
        #expect(rendered("pay 5 qr:cross to:cafe") == "<input>:1:16: error: pay takes `qr:` or `to:`, not both")
    }

    /// The generated dispatch finds every name and alias, and only those, by its bytes.
    @Test func theGeneratedDispatchKnowsEveryNameAndAlias() {
        #expect(CommandID.allCases.count == CommandTable.registered.count)
        for id in CommandID.allCases {
            let spec = CommandTable.spec(id)
            for name in [spec.name] + spec.aliases { #expect(PackedWord(name).flatMap(CommandTable.command(named:)) == id, "\(name)") }
        }
        for name in ["pa", "payy", "Pay", "merchantss", "merchan", "", "topup-", "top", "reactivat", "reactivates"] {
            #expect(PackedWord(name).flatMap(CommandTable.command(named:)) == nil, "\(name)")
        }
    }

    @Test func anOptionIsFoundWhereverItStands() throws {
        for line in ["pay 5 to:cafe", "pay to:cafe 5", "pay to:cafe password:123456 5", "pay 5 password:123456 to:cafe"] {
            let pay = try #require(parsed(line, as: PayCommand.self), "\(line)")
            #expect(pay.amount == Money(fen: 500))
            #expect(pay.merchantName == "cafe")
        }
        #expect(parsed("pay 5 to:cafe password:123456", as: PayCommand.self)?.password == "123456")
        #expect(parsed("pay 5 to:cafe", as: PayCommand.self)?.password == nil)
    }

    /// A key that is a prefix of another (`exp:` and `expires:`) or of the same length
    /// (`to:` and `qr:`) is not taken for it.
    @Test func keysAreComparedWhole() {
        #expect(parsed("pay 5 qr:cross", as: PayCommand.self)?.target == .qr(.cross))
        #expect(rendered("pay 5 qr:cross to:cafe") == "<input>:1:16: error: pay takes `qr:` or `to:`, not both")
        #expect(parsed("card 4111 1111 1111 1111 exp:12/30", as: CardCommand.self) != nil)
        #expect(rendered("verify expires:2030-01-01 exp:12/30")?.contains("unknown option `exp:` for verify") == true)
    }

    @Test func aRepeatedOptionIsNamedAtItsSecondUse() {
        #expect(rendered("pay 5 to:cafe to:noodles") == "<input>:1:15: error: `to:` is given twice")
        #expect(rendered("pay 5 password:123456 to:cafe password:123456") == "<input>:1:31: error: `password:` is given twice")
        #expect(rendered("topup 100 card:visa card:visa") == "<input>:1:21: error: `card:` is given twice")
        #expect(rendered("pay 5 to:") == "<input>:1:10: error: `to:` needs a value")
        #expect(rendered("pay 5 to:\"\"") == "<input>:1:10: error: `to:` needs a value")
    }

    @Test func positionalsSkipOptionsAndTakenWords() {
        #expect(rendered("pay 5 x qr:cross") == "<input>:1:7: error: unexpected word for pay: x")
        #expect(rendered("pay qr:cross") == "<input>:1:13: error: pay needs an AMOUNT")
        #expect(rendered("pay 5 to:Tea House") == "<input>:1:14: error: unexpected word for pay: House; a name with a space goes in quotes: to:\"Tea House\"")
    }

    /// Plain names are made from the line's bytes; anything else takes the careful way.
    @Test func namesPlainAndOtherwise() {
        #expect(parsed("merchant ab.C_d-9", as: MerchantCommand.self)?.name == "ab.C_d-9")
        #expect(parsed("pay 5 to:\"Li's Noodles\"", as: PayCommand.self)?.merchantName == "Li's Noodles")
        #expect(parsed("pay 5 to:\"cafe\"", as: PayCommand.self)?.merchantName == "cafe")
        #expect(parsed("merchant Zoë-Café", as: MerchantCommand.self)?.name == "Zoë-Café")
        let thirtyTwo = String(repeating: "ab", count: 16)
        #expect(parsed("merchant \(thirtyTwo)", as: MerchantCommand.self)?.name == thirtyTwo)
        #expect(rendered("merchant \(thirtyTwo)x") == "<input>:1:10: error: not a merchant name: a name is at most 32 characters; this one has 33")
        #expect(rendered("pay 5 to:caf%") == "<input>:1:10: error: not a merchant name: an unquoted name is letters, digits, '-', '_' or '.'; put other names in quotes")
        // A column counts characters, not bytes, after a non-ASCII word.
        #expect(rendered("merchant Café x%") == "<input>:1:15: error: unexpected word for merchant: x%; a name with a space goes in quotes: merchant \"Café x%\"")
    }

    /// A name opening with a digit still goes past the card-number check.
    @Test func aDigitNameIsLookedAtForACardNumber() {
        #expect(parsed("merchant 7eleven", as: MerchantCommand.self)?.name == "7eleven")
        #expect(rendered("merchant 4111111111111111")?.contains("looks like a card number") == true)
        #expect(rendered("pay 5 to:4111111111111111")?.contains("looks like a card number") == true)
    }

    /// The reader keeps a bit a word (taken or not, option or not) for up to the lexer's 64
    /// words: the last words of a full line are read, refused and named as any other.
    @Test func wordsUpToTheSixtyFourthAreReadByTheirBits() {
        let filler = Array(repeating: "x", count: 60).joined(separator: " ")
        // 64 words each (the lexer's most), the last at index 63.
        #expect(rendered("pay 5 to:cafe \(filler) y") == "<input>:1:15: error: unexpected word for pay: x; a name with a space goes in quotes: to:\"cafe x\"")
        #expect(rendered("pay 5 to:cafe \(filler) to:noodles") == "<input>:1:\(14 + filler.utf8.count + 2): error: `to:` is given twice")
        #expect(rendered("pay \(filler) qr:cross 5 to:cafe") == diagnostic("pay x").map { "<input>:1:5: error: \($0.message)" })
        let options = Array(repeating: "qr:cross", count: 62).joined(separator: " ")
        #expect(rendered("pay 5 \(options)") == "<input>:1:16: error: `qr:` is given twice")
        let amounts = Array(repeating: "5", count: 62).joined(separator: " ")
        // (Not quoted: a line of many digits might hold a password.)
        #expect(rendered("pay \(amounts) to:cafe") == "<input>:1:7: error: unexpected word for pay")
        #expect(parsed("pay 5 password:123456 to:cafe", as: PayCommand.self)?.password == "123456")
        #expect(rendered("pay 5 \(filler) x to:cafe") == "<input>:1:7: error: unexpected word for pay: x")
        #expect(rendered("pay 5 \(filler) x x to:cafe")?.contains("more than 64 words") == true)
    }

    /// A reader that runs out of words (the line ends at the command) answers nil, not a trap.
    @Test func aBareCommandHasNoWordsToRead() {
        #expect(rendered("pay") == "<input>:1:4: error: pay needs an AMOUNT")
        #expect(rendered("topup") == "<input>:1:6: error: topup needs an AMOUNT")
    }
}
