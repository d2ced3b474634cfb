import Testing
@testable import WalletScript

/// Parser errors write an option's name as typed in backquotes (`` `qr:` ``), as `why`
/// and the rule statements do, never bare ("qr: takes …").
@Suite struct OptionNameQuotingTests {
    @Test(arguments: [
        ("pay 5 qr:foo", "`qr:` takes cross or domestic, not 'foo'"),
        ("pay 5 qr:cross qr:cross", "`qr:` is given twice"),
        ("pay 5 qr:", "`qr:` needs a value"),
        ("pay 5", "pay needs `qr:cross`, `qr:domestic` or `to:MERCHANT`"),
        ("pay 5 qr:cross to:cafe", "pay takes `qr:` or `to:`, not both"),
        ("transfer 5", "transfer needs `to:USER`"),
        ("refund 5", "refund needs `from:MERCHANT`"),
        ("merchant x credit:maybe", "`credit:` takes yes or no, not 'maybe'"),
        ("verify face:x", "`face:` takes pass or fail, not 'x'"),
        ("topup 5 crad:visa", "unknown option `crad:` for topup; did you mean `card:`?"),
        ("balance card:1", "unknown option `card:` for balance; balance takes no options"),
        ("advance", "advance needs a DURATION (91d, 12h, 30m, 2w, 1d12h) or `to:DATE`"),
    ])
    func messages(_ line: String, _ message: String) {
        #expect(diagnostic(line)?.message == message)
    }

    /// No parser error names an option key bare: every `key:` in a message is inside backquotes.
    @Test func noBareOptionName() {
        let keys = ["phone", "nationality", "name", "version", "sms", "passport", "expires", "face", "born", "exp",
                    "password", "card", "qr", "to", "from", "credit", "since"]
        let lines = ["pay 5 qr:foo", "pay 5 to:", "pay 5 to:cafe to:cafe", "user bob version:x", "user bob sms:x",
                     "verify face:x face:y", "merchant m qr:x", "merchant m credit:", "history card:", "history since:x since:y",
                     "card visa exp:1 exp:2", "card visa password:", "topup 5 card:", "expect charged 5 card:",
                     "transfer 5 from:x", "refund 5 to:x", "user bob phone:", "verify born:", "sms 1 qr:x"]
        for line in lines {
            guard let message = diagnostic(line)?.message else { Issue.record("\(line) parses"); continue }
            let bare = keys.filter { key in
                var rest = Substring(message)
                while let range = rest.range(of: key + ":") {
                    let before = range.lowerBound == message.startIndex ? nil : message[message.index(before: range.lowerBound)]
                    if before != "`" && !(before?.isLetter ?? false) { return true }
                    rest = rest[range.upperBound...]
                }
                return false
            }
            #expect(bare.isEmpty, "\(line): \(message)")
        }
    }
}
