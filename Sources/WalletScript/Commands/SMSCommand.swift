import WalletCore

/// `sms [CODE]`: the code sent at sign-up, typed (after `sms:manual`).
struct SMSCommand: Command {
    /// nil: the code last sent to the current user.
    let code: String?

    static let spec = CommandSpec(
        name: "sms", usage: "sms [CODE]", summary: "enter the SMS code sent at sign-up (after sms:manual); with no CODE, the code last sent",
        examples: ["sms 4821", "sms"],
        parse: { (r) throws(Diagnostic) in
            guard let token = r.optionalPositional() else { return SMSCommand(code: nil) }
            guard !token.text.isEmpty, token.text.count <= 8, token.text.allSatisfy(\.isASCIIDigitCharacter) else {
                throw r.error("an SMS code is digits: \(token.text)", at: token.offset)
            }
            return SMSCommand(code: String(token.text))
        })

    var isAttempt: Bool { true }
    var statementText: String? { "sms" }

    func run(in session: inout Session) throws(WalletError) -> [any OutputValue] {
        let id = try session.requireUser()
        try session.world.enterSMS(user: id, code: code ?? String(session.world[id].smsCodeSent))
        return [Accepted(name: session.world[id].name)]
    }

    struct Accepted: InfoLine {
        let name: String
        var text: String { "SMS code accepted: \(name) is signed up" }
    }
}
