import Testing
import WalletCore
@testable import WalletScript

@Suite struct ParserTests {
    func cny(_ fen: Int64) -> Money { Money(fen: fen) }

    @Test func userWithEveryOption() throws {
        guard let user = parsed("user wang phone:+86-13800138000 nationality:cn name:\"WANG LI\" version:domestic sms:manual", as: UserCommand.self) else {
            Issue.record("user did not parse"); return
        }
        let request = user.request
        #expect(request.name == "wang")
        #expect(user.phone == "+86-13800138000")
        #expect(request.nationality == "CN")
        #expect(request.fullName == "WANG LI")
        #expect(request.version == .domestic)
        #expect(request.manualSMS)
        #expect(user.hasOptions)
        guard let bare = parsed("user alice", as: UserCommand.self), bare.phone == nil, !bare.hasOptions else { Issue.record("bare user"); return }
        #expect(bare.request.name == "alice")
    }

    @Test func registrationAndVerification() {
        guard parsed("sms 4821", as: SMSCommand.self)?.code == "4821" else { Issue.record("sms"); return }
        guard let bare = parsed("sms", as: SMSCommand.self), bare.code == nil else { Issue.record("sms without a code"); return }
        // One holder name per user: verification has no name: of its own.
        #expect(diagnostic("verify name:\"ZOE\"")?.message.contains("unknown option `name:`") == true)
        guard let request = parsed("verify passport:P1234567 expires:2030-05-01 nationality:ph face:fail", as: VerifyCommand.self)?.request else {
            Issue.record("verify"); return
        }
        #expect(request.passport == "P1234567")
        #expect(request.expires == CivilDate(year: 2030, month: 5, day: 1))
        #expect(request.nationality == "PH")
        #expect(!request.facePasses)
        guard let plain = parsed("verify", as: VerifyCommand.self)?.request else { Issue.record("bare verify"); return }
        #expect(plain.facePasses && plain.passport == nil)
    }

    @Test func cards() {
        guard let grouped = parsed("card 4111 1111 1111 1111 exp:12/29 password:654321 name:\"A B\"", as: CardCommand.self)?.request else {
            Issue.record("card number"); return
        }
        #expect(grouped.number.filter(\.isNumber) == "4111111111111111")
        #expect(grouped.expiry == CardExpiry(month: 12, year: 2029))
        #expect(grouped.password == "654321")
        #expect(grouped.holderName == "A B")
        guard let brand = parsed("link VISA", as: CardCommand.self)?.request else { Issue.record("link alias"); return }
        #expect(brand.number == "4111111111111111")
        guard let dashed = parsed("card 3530-1113-3330-0000", as: CardCommand.self)?.request else { Issue.record("dashes"); return }
        #expect(dashed.number == "3530-1113-3330-0000")
        #expect(diagnostic("card vsa")?.message.contains("did you mean 'visa'") == true)
        #expect(diagnostic("card visa exp:13/29")?.message.contains("MM/YY") == true)
    }

    @Test func money() {
        guard let topup = parsed("topup 500 card:1111", as: TopUpCommand.self), topup.card == "1111" else { Issue.record("topup"); return }
        #expect(topup.amount == cny(50_000))
        guard let small = parsed("top-up 38.5", as: TopUpCommand.self)?.amount, parsed("top-up 38.5", as: TopUpCommand.self)?.card == nil else { Issue.record("top-up alias"); return }
        #expect(small == cny(3_850))
        guard let pay = parsed("pay 38.50 qr:cross", as: PayCommand.self), pay.target == .qr(.cross), pay.password == nil else { Issue.record("pay qr"); return }
        #expect(pay.amount == cny(3_850))
        guard let to = parsed("pay 12 password:000000 to:cafe", as: PayCommand.self), to.target == .merchant("cafe"), to.password == "000000" else {
            Issue.record("pay to, options in any order"); return
        }
        guard parsed("pay 1,234.50 qr:domestic", as: PayCommand.self)?.target == .qr(.domestic) else { Issue.record("pay domestic"); return }
        guard let refund = parsed("refund 20 from:cafe", as: RefundCommand.self), refund.merchant == "cafe" else { Issue.record("refund"); return }
        #expect(refund.amount == cny(2_000))
        guard parsed("send 200 to:alice", as: TransferCommand.self)?.receiver == "alice" else { Issue.record("send alias"); return }
        guard let stall = parsed("merchant stall qr:domestic credit:no", as: MerchantCommand.self), stall.name == "stall", stall.qr == .domestic, stall.credit == false else {
            Issue.record("merchant"); return
        }
        // Options not given stay nil: a new merchant gets the defaults, an existing one keeps its own.
        guard let tea = parsed("merchant teahouse", as: MerchantCommand.self), tea.name == "teahouse", tea.qr == nil, tea.credit == nil else { Issue.record("merchant defaults"); return }
        guard let li = parsed("merchant \"Li's Noodles\" qr:domestic", as: MerchantCommand.self), li.name == "Li's Noodles", li.qr == .domestic, li.credit == nil else { Issue.record("quoted merchant"); return }
        guard parsed("password 654321", as: PasswordCommand.self)?.password == "654321" else { Issue.record("password"); return }
        guard parsed("reactivate", as: ReactivateCommand.self) != nil else { Issue.record("reactivate"); return }
    }

    @Test func clockPolicyQueriesAndHelp() {
        guard case .by(let span)? = parsed("advance 91d", as: AdvanceCommand.self)?.target else { Issue.record("advance"); return }
        #expect(span.minutes == 91 * 1_440)
        guard case .to(let day)? = parsed("advance to:2026-04-01", as: AdvanceCommand.self)?.target else { Issue.record("advance to"); return }
        #expect(day.description == "2026-04-01 00:00")
        guard case .to(let time)? = parsed("wait to:\"2026-04-01 09:30\"", as: AdvanceCommand.self)?.target else { Issue.record("wait alias"); return }
        #expect(time.description == "2026-04-01 09:30")
        guard let bare = parsed("policy", as: PolicyCommand.self), bare.key == nil, bare.value == nil else { Issue.record("policy"); return }
        guard let set = parsed("policy topup.fee 3%", as: PolicyCommand.self), set.key == "topup.fee", set.value == "3%" else { Issue.record("policy set"); return }
        for query in ["balance", "status", "history", "users", "now", "merchants", "cards"] {
            #expect(CommandTable.spec(named: query)?.name == query && command(query) != nil, "\(query)")
        }
        guard parsed("help pay", as: HelpCommand.self)?.topic == "pay" else { Issue.record("help"); return }
        guard let help = parsed("help", as: HelpCommand.self), help.topic == nil else { Issue.record("bare help"); return }
        #expect(command("") == nil && diagnostic("") == nil)
        #expect(command("# only a comment") == nil && diagnostic("# only a comment") == nil)
    }

    @Test func assertions() {
        let cases: [(String, Assertion)] = [
            ("expect ok", .ok),
            ("expect error pay.domestic_qr", .error(.payDomesticQR)),
            ("expect balance 461.50", .balance(cny(46_150))),
            ("expect balance 0", .balance(cny(0))),
            ("expect status expired", .status(.expired)),
            ("expect charged 525 card:visa", .charged(cny(52_500), card: "visa")),
            ("expect refunded 0", .refunded(cny(0), card: nil)),
            ("expect fees 25", .fees(cny(2_500))),
            ("expect verified no", .verified(false)),
            ("expect now 2026-04-01 09:30", .now(Instant(civil: CivilDate(year: 2026, month: 4, day: 1), hour: 9, minute: 30))),
        ]
        for (line, expected) in cases {
            guard let assertion = parsed(line, as: ExpectCommand.self)?.assertion else { Issue.record("\(line) did not parse"); continue }
            #expect(assertion == expected, "\(line)")
        }
        #expect(diagnostic("expect error pay.domestic")?.message.contains("did you mean 'pay.domestic_qr'") == true)
        #expect(diagnostic("expect balanse 5")?.message.contains("did you mean 'balance'") == true)
    }

    @Test func renderedDiagnosticNamesFileLineAndColumn() throws {
        let text = String(repeating: "# comment\n", count: 11) + "topup 1.234\n"
        guard case .failure(let problems) = Scenario.parse(text, path: "file") else { Issue.record("should not parse"); return }
        #expect(problems.list.map(\.rendered) == ["file:12:7: error: amount has more than two decimals: 1.234"])
    }

    @Test func unknownCommandSuggestsTheNearest() throws {
        let problem = try #require(diagnostic("topu 5"))
        #expect(problem.message.contains("did you mean 'topup'"))
        #expect(problem.column == 1)
        #expect(diagnostic("balanec")?.message.contains("'balance'") == true)
        #expect(diagnostic("  frobnicate")?.column == 3)
    }

    @Test func unknownOptionSuggestsTheNearest() throws {
        #expect(diagnostic("topup 5 crad:visa")?.message.contains("did you mean `card:`") == true)
        #expect(diagnostic("merchant m credt:no")?.message.contains("did you mean `credit:`") == true)
        #expect(diagnostic("balance card:visa")?.message.contains("takes no options") == true)
        // The typed option is named even when the command also lacks a required one.
        let problem = try #require(diagnostic("pay 5 q:cross"))
        #expect(problem.message.contains("`qr:`"), "got: \(problem.message)")
        #expect(problem.column == 7, "got column \(problem.column): \(problem.message)")
    }

    @Test(arguments: [("91d", 131_040), ("1d12h", 2_160), ("2w", 20_160), ("30m", 30), ("12h", 720), ("0", 0)])
    func durations(_ text: String, _ minutes: Int64) {
        guard case .by(let span)? = parsed("advance " + text, as: AdvanceCommand.self)?.target else { Issue.record("advance \(text)"); return }
        #expect(span.minutes == minutes)
    }

    @Test(arguments: ["advance 3", "advance d", "advance 1x", "advance 1d2", "advance to:2026-02-30", "advance to:26-01-01",
                      "advance to:\"2026-01-01 24:00\"", "advance", "expect now 2026-13-01"])
    func badDurationsAndDates(_ line: String) throws {
        let problem = try #require(diagnostic(line))
        #expect(!problem.message.isEmpty && problem.column >= 1)
    }

    @Test func negativeDurationIsAClearError() throws {
        let problem = try #require(diagnostic("advance -3d"))
        #expect(problem.message.contains("negative"))
        #expect(problem.column == 9)
    }

    @Test(arguments: [("topup 0", "more than zero"), ("topup -5", "negative"), ("topup 1.234", "two decimals"),
                      ("topup 99999999999999999999999", "too large"), ("topup 100000000.01", "too large"),
                      // LANGUAGE v2.1: every amount, an assertion's too, stops at 100,000,000.00.
                      ("expect charged 100000000.01", "too large"), ("expect balance 105000000", "too large"),
                      ("pay abc qr:cross", "not an amount"), ("topup 1.2.3", "not an amount"), ("topup", "needs an AMOUNT")])
    func badAmounts(_ line: String, _ words: String) throws {
        let problem = try #require(diagnostic(line))
        #expect(problem.message.contains(words), "\(line): \(problem.message)")
    }

    /// A comma is never dropped: `pay 38,50` once paid CNY 3,850.00.
    @Test(arguments: [("pay 38,50 qr:cross", "use a dot for decimals: 38.50 (not 38,50)"),
                      ("topup 1,00", "use a dot for decimals: 1.00 (not 1,00)"),
                      ("topup 10,00.5", "a comma only separates thousands, in groups of three (1,000 or 12,345.67): 10,00.5")])
    func commaAmountsAreRefusedWithAHint(_ line: String, _ message: String) throws {
        let problem = try #require(diagnostic(line))
        #expect(problem.message == message)
        #expect(problem.column == line.firstIndex(of: " ").map { line.distance(from: line.startIndex, to: $0) + 2 })
    }

    /// Amounts are digits with at most two decimals (LANGUAGE.md): loose forms are parse
    /// errors at the amount's column that say what to write.
    @Test(arguments: [("topup .5", 7, "an amount starts with a digit: write 0.5 (not .5)"),
                      ("topup 150.", 7, "a decimal point needs one or two digits after it: write 150 or 150.00 (not 150.)"),
                      ("topup +100", 7, "an amount takes no plus sign: write 100 (not +100)"),
                      ("topup 0100", 7, "an amount has no leading zeros: write 100 (not 0100)"),
                      ("pay .5 qr:cross", 5, "an amount starts with a digit: write 0.5 (not .5)"),
                      ("transfer +1 to:bob", 10, "an amount takes no plus sign: write 1 (not +1)"),
                      ("expect balance 00.50", 16, "an amount has no leading zeros: write 0.50 (not 00.50)")])
    func looseAmountsAreRefusedWithTheFormToWrite(_ line: String, _ column: Int, _ message: String) throws {
        let problem = try #require(diagnostic(line))
        #expect(problem.message == message)
        #expect(problem.column == column)
    }

    @Test func thousandsSeparatorsParse() {
        #expect(parsed("topup 1,000", as: TopUpCommand.self)?.amount.fen == 100_000)
        #expect(parsed("topup 12,345.67", as: TopUpCommand.self)?.amount.fen == 1_234_567)
    }

    @Test func largestAmountParses() {
        guard let amount = parsed("topup 100000000", as: TopUpCommand.self)?.amount else { Issue.record("max amount"); return }
        #expect(amount.fen == Money.maxInputFen)
    }

    @Test(arguments: ["pay 5 qr:cross password:12ab56", "password 12345", "password 1234567", "card visa password:98765x",
                      "pay 5 qr:cross password:123456 password:654321", "password 123456 987654", "password:123456",
                      "pay 5 qr:cross password:123456 extra", "pay 5 qx:cross password:123456"])
    func diagnosticsNeverEchoPasswords(_ line: String) throws {
        let problem = try #require(diagnostic(line))
        let digits = ["12ab56", "12345", "98765", "654321", "987654", "123456"]
        for secret in digits where line.contains(secret) {
            #expect(!problem.rendered.contains(secret), "\(line) → \(problem.rendered)")
        }
    }

    /// Names: quoted ones may hold spaces and punctuation; refused ones are parse errors.
    @Test func names() {
        guard let li = parsed("merchant \"Li's Noodles\" qr:domestic", as: MerchantCommand.self), li.name == "Li's Noodles", li.qr == .domestic, li.credit == nil else { Issue.record("merchant"); return }
        guard let pay = parsed("pay 15 to:\"Li's Noodles\"", as: PayCommand.self), pay.target == .merchant("Li's Noodles"), pay.password == nil else { Issue.record("pay"); return }
        guard parsed("transfer 10 to:\"Mary Ann\"", as: TransferCommand.self)?.receiver == "Mary Ann" else { Issue.record("transfer"); return }
        guard let user = parsed("user \"Mary Ann\"", as: UserCommand.self), user.phone == nil, !user.hasOptions else { Issue.record("user"); return }
        #expect(user.request.name == "Mary Ann")
        #expect(command("user Zoë") != nil && command("user 李小龙") != nil && command("user a.b-c_d") != nil)
        for line in ["user Li's", "user \"\"", "user \" Mary\"", "user \"Mary \"", "user \"zero\u{200D}width\"",
                     "user \"rtl\u{202E}\"", "user \"pua\u{E000}\"", "user \"line\u{2028}\"",
                     "user abcdefghijklmnopqrstuvwxyz0123456", "merchant \"a\u{2029}b\"", "pay 1 to:\"x\u{FEFF}\""] {
            #expect(diagnostic(line) != nil, "\(line.unicodeScalars.map(\.value))")
        }
        #expect(diagnostic("user Li's")?.message.contains("put other names in quotes") == true)
    }

    /// Any space separator (Zs) at either end of a quoted name is a space there: refused.
    @Test func unicodeSpacesAtTheEndsOfNames() {
        for line in ["user \"\u{3000}\"", "merchant \"\u{3000}Tea\"", "pay 1 to:\"Tea\u{A0}\"", "transfer 1 to:\"\u{2003}x\""] {
            let problem = diagnostic(line)
            #expect(problem?.message.contains("cannot start or end with a space (U+") == true, "\(line.unicodeScalars.map(\.value)): \(problem?.message ?? "parsed")")
        }
        #expect(diagnostic("user \"\u{3000}\"")?.column == 6, "the column of the name")
        #expect(parsed("merchant \"Tea\u{3000}House\"", as: MerchantCommand.self)?.name == "Tea\u{3000}House")
    }

    @Test func walletAssertion() {
        guard case .wallet(let amount)? = parsed("expect wallet 10.50", as: ExpectCommand.self)?.assertion else { Issue.record("expect wallet"); return }
        #expect(amount == Money(fen: 1_050))
        #expect(command("expect wallet 0") != nil)
    }
}
