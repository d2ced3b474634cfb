import Testing
@testable import WalletCore

/// Amounts: parsed straight to integer fen, formatted the same in every locale.
@Suite struct MoneyTests {
    @Test(arguments: [
        ("500", 50_000), ("38.5", 3_850), ("38.50", 3_850), ("1,234.50", 123_450),
        ("CNY 12", 1_200), ("0.01", 1), ("0.1", 10), ("100000000", 10_000_000_000),
        ("100,000,000.00", 10_000_000_000), ("0.5", 50), ("10.0", 1_000),
        ("1,000", 100_000), ("12,345.67", 1_234_567), ("CNY 3,850.00", 385_000), ("1,000.5", 100_050),
    ] as [(String, Int64)])
    func parsesToFen(text: String, fen: Int64) {
        #expect(Money.parse(text) == .success(Money(fen: fen)))
    }

    @Test(arguments: [
        ("1.234", AmountProblem.tooManyDecimals), ("0", .zero), ("0.00", .zero),
        ("-5", .negative), ("-0.01", .negative),
        ("99999999999999999999999", .tooLarge), ("100000000.01", .tooLarge),
        ("-99999999999999999999999", .negative),
        ("abc", .notANumber), ("", .notANumber), ("1.2.3", .notANumber), ("CNY", .notANumber),
        ("12 CNY", .notANumber), ("5e3", .notANumber),
        // A comma is a thousands separator in groups of three, or an error that says how to write it.
        ("38,50", .decimalComma("38.50")), ("1,00", .decimalComma("1.00")), ("1.000,5", .decimalComma("1000.5")),
        ("CNY 12,5", .decimalComma("12.5")), ("-3,5", .decimalComma("-3.5")),
        ("10,00.5", .misplacedComma), ("1,0000", .misplacedComma), ("1234,567", .misplacedComma),
        (",500", .misplacedComma), ("1,", .misplacedComma), ("1,,000", .misplacedComma), ("1.5,00", .misplacedComma),
        ("1,000.00,5", .misplacedComma), ("1,000,00", .misplacedComma), ("1,a00", .misplacedComma),
        ("1,234.567", .tooManyDecimals), ("100,000,000.01", .tooLarge), ("-1,000", .negative), ("0,000", .leadingZero("0")),
        // Digits with at most two decimals (LANGUAGE.md): loose forms say what to write.
        (".5", .noDigitBeforePoint("0.5")), ("-.5", .noDigitBeforePoint("-0.5")), ("CNY .50", .noDigitBeforePoint("0.50")),
        ("150.", .noDigitAfterPoint("150")), ("1,000.", .noDigitAfterPoint("1000")),
        ("+100", .plusSign("100")), ("+7.5", .plusSign("7.5")), ("+1,000", .plusSign("1000")), ("+0", .plusSign("0")),
        ("0100", .leadingZero("100")), ("00.50", .leadingZero("0.50")), ("00", .leadingZero("0")), ("-05", .leadingZero("-5")),
        (".555", .tooManyDecimals), (".", .notANumber), ("+", .notANumber),
    ] as [(String, AmountProblem)])
    func rejects(text: String, problem: AmountProblem) {
        #expect(Money.parse(text) == .failure(problem))
    }

    @Test func looseFormsSayWhatToWrite() {
        #expect(AmountProblem.noDigitBeforePoint("0.5").message(typed: ".5") == "an amount starts with a digit: write 0.5 (not .5)")
        #expect(AmountProblem.noDigitAfterPoint("150").message(typed: "150.") == "a decimal point needs one or two digits after it: write 150 or 150.00 (not 150.)")
        #expect(AmountProblem.plusSign("100").message(typed: "+100") == "an amount takes no plus sign: write 100 (not +100)")
        #expect(AmountProblem.leadingZero("100").message(typed: "0100") == "an amount has no leading zeros: write 100 (not 0100)")
    }

    @Test func zeroOnlyWhenAllowed() {
        #expect(Money.parse("0", allowZero: true) == .success(.zero))
        #expect(Money.parse("0") == .failure(.zero))
    }

    @Test(arguments: [
        (123_450, "CNY 1,234.50"), (5, "CNY 0.05"), (0, "CNY 0.00"), (-123_450, "CNY -1,234.50"),
        (99_999, "CNY 999.99"), (100_000, "CNY 1,000.00"), (10_000_000_000, "CNY 100,000,000.00"),
        (-5, "CNY -0.05"),
        (Int64.max, "CNY 92,233,720,368,547,758.07"), (Int64.min, "CNY -92,233,720,368,547,758.08"),
    ] as [(Int64, String)])
    func formats(fen: Int64, text: String) {
        #expect(Money(fen: fen).description == text)
    }

    @Test func plainFormHasNoGrouping() {
        #expect(Money(fen: 123_450).plain == "1234.50")
        #expect(Money(fen: -7).plain == "-0.07")
    }

    /// What the app prints parses back to the same amount (`CNY 1,234.50` included).
    @Test func formatAndParseRoundTrip() {
        var fen: Int64 = 1
        while fen <= Money.maxInputFen {
            let amount = Money(fen: fen)
            #expect(Money.parse(amount.description) == .success(amount))
            #expect(Money.parse(amount.plain) == .success(amount))
            fen = fen * 3 + 7
        }
    }

    /// 5% rounds half away from zero to the fen.
    @Test(arguments: [
        (10, 1), (30, 2), (10_010, 501), (200_000, 10_000), (9, 0), (50, 3), (70, 4), (1, 0),
        (-10, -1), (-30, -2), (-9, 0),
    ] as [(Int64, Int64)])
    func fivePercentRounding(amountFen: Int64, feeFen: Int64) {
        #expect(Money(fen: amountFen).percentage(basisPoints: 500) == Money(fen: feeFen))
    }

    @Test func otherRates() {
        #expect(Money(fen: 100_000).percentage(basisPoints: 300) == Money(fen: 3_000))
        #expect(Money(fen: 10).percentage(basisPoints: 250) == Money(fen: 0))   // 0.25 fen
        #expect(Money(fen: 20).percentage(basisPoints: 250) == Money(fen: 1))   // 0.5 fen
        #expect(Money(fen: Money.maxInputFen).percentage(basisPoints: 10_000) == Money(fen: Money.maxInputFen))
    }

    /// The one-pass reading of the usual amount (`Money.plainFen`) answers exactly as the full
    /// parser for every word of up to five bytes over digits, a point, a comma and signs.
    @Test func theUsualAmountsFastPathAgreesWithTheFullParser() {
        let alphabet = Array("0159.,-+x".utf8)
        var words: [[UInt8]] = [[]]
        var frontier: [[UInt8]] = [[]]
        for _ in 1...5 {
            frontier = frontier.flatMap { word in alphabet.map { word + [$0] } }
            words += frontier
        }
        words += ["99999999.99", "100000000", "12345678.5", "00.50", "0.00", "7.", ".7"].map { Array($0.utf8) }
        var fast = 0
        for word in words {
            for allowZero in [false, true] {
                let slow = Money.parse(String(decoding: word, as: UTF8.self), allowZero: allowZero)
                let quick = word.withUnsafeBufferPointer { Money.parse(utf8: $0, allowZero: allowZero) }
                #expect(quick == slow, "\(String(decoding: word, as: UTF8.self))")
                if word.withUnsafeBufferPointer(Money.plainFen) != nil { fast += 1 }
            }
        }
        // The fast path is taken for the plain forms (not just refused every time).
        #expect(fast > 1_000)
        #expect(Array("38.05".utf8).withUnsafeBufferPointer(Money.plainFen) == 3_805)
        #expect(Array("99999999.99".utf8).withUnsafeBufferPointer(Money.plainFen) == 9_999_999_999)
        #expect(Array("100000000".utf8).withUnsafeBufferPointer(Money.plainFen) == nil)
    }

    @Test func ordering() {
        #expect(cny("99.99") < cny("100"))
        #expect(cny("1,000") == cny("1000.00"))
    }
}
