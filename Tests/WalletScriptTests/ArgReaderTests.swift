import Testing
import WalletCore
@testable import WalletScript

/// `ArgReader` finds options and positionals by reading the lexer's words in place: the
/// same answers, columns and messages whatever the order, repeats or quoting of the words.
@Suite struct ArgReaderTests {
    func rendered(_ line: String) -> String? { diagnostic(line)?.rendered }

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

    /// A reader that runs out of words (the line ends at the command) answers nil, not a trap.
    @Test func aBareCommandHasNoWordsToRead() {
        #expect(rendered("pay") == "<input>:1:4: error: pay needs an AMOUNT")
        #expect(rendered("topup") == "<input>:1:6: error: topup needs an AMOUNT")
    }
}
