import WalletCore

extension CommandTable {
    static let assertionKinds = ["ok", "error", "balance", "status", "charged", "refunded", "fees", "verified", "now", "wallet"]

    static let assertions: [CommandSpec] = [
        CommandSpec(
            name: "expect", aliases: [], usage: "expect ok | error CODE | balance AMOUNT | status none|active|expired | charged AMOUNT [card:C] | refunded AMOUNT [card:C] | fees AMOUNT | verified yes|no | now DATE [HH:MM] | wallet AMOUNT",
            summary: "assert an outcome; a failed assertion fails the scenario",
            examples: ["expect ok", "expect error pay.domestic_qr", "expect balance 461.50", "expect refunded 461.50 card:visa", "expect now 2026-04-01 00:00", "expect wallet 200"],
            options: [OptionSpec("card", dynamic: .cards)], positionalValues: assertionKinds, positionalDynamic: nil,
            parse: { (r) throws(Diagnostic) in .expect(try parseAssertion(&r)) }),
    ]

    private static func parseAssertion(_ r: inout ArgReader) throws(Diagnostic) -> Assertion {
        let kindToken = try r.positional("what to check (\(assertionKinds.joined(separator: ", ")))")
        let kind = String(kindToken.text)
        switch kind {
        case "ok": return .ok
        case "error":
            let token = try r.positional("an error CODE")
            guard let code = ErrorCode(rawValue: String(token.text)) else {
                let hint = didYouMean(String(token.text), in: ErrorCode.allCases.map(\.rawValue))
                throw r.error("unknown error code '\(token.text)'\(hint)", at: token.offset)
            }
            return .error(code)
        case "balance": return .balance(try r.amount(r.positional("an AMOUNT"), allowZero: true))
        case "fees": return .fees(try r.amount(r.positional("an AMOUNT"), allowZero: true))
        case "wallet": return .wallet(try r.amount(r.positional("an AMOUNT"), allowZero: true))
        case "charged", "refunded":
            let amount = try r.amount(r.positional("an AMOUNT"), allowZero: true)
            let card = try r.option("card").map { String($0.text) }
            return kind == "charged" ? .charged(amount, card: card) : .refunded(amount, card: card)
        case "status":
            return .status(try r.choice(r.positional("none, active or expired"), [("none", PassState.none), ("active", .active), ("expired", .expired)]))
        case "verified":
            return .verified(try r.choice(r.positional("yes or no"), CommandTable.yesNo))
        case "now":
            let date = try r.positional("a DATE")
            var text = String(date.text)
            if let time = r.optionalPositional() { text += " " + time.text }
            guard let instant = Instant.parse(Substring(text)) else {
                throw r.error("not a date or time (expected YYYY-MM-DD [HH:MM]): \(text)", at: date.offset)
            }
            return .now(instant)
        default:
            let hint = didYouMean(kind, in: assertionKinds)
            throw r.error("expect cannot check '\(kind)'\(hint)", at: kindToken.offset)
        }
    }
}
