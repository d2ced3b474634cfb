import WalletCore

/// `sms [CODE]`: the code sent at sign-up, typed (after `sms:manual`).
struct SMSCommand: Command {
    /// nil: the code last sent to the current user.
    let code: String?

    static let spec = CommandSpec(
        rank: 20, name: "sms", usage: "sms [CODE]", summary: "enter the SMS code sent at sign-up (after sms:manual); with no CODE, the code last sent",
        examples: ["sms 4821  # fails: register.wrong_code", "sms"], exampleSetup: ["user zoe sms:manual"])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> SMSCommand {
        guard let token = r.optionalPositional() else { return SMSCommand(code: nil) }
        let text = r.text(token)
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigitCharacter) else {
            throw r.error("an SMS code is digits only: \(text)", at: token.offset)
        }
        // The length, not the digits: a long run may be a card number pasted here.
        guard text.count <= 8 else {
            throw r.error("an SMS code has 4 digits (at most 8 are read); this has \(text.count)", at: token.offset)
        }
        return SMSCommand(code: text)
    }

    var isAttempt: Bool { true }
    var statementText: String? { "sms" }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        let input = SMSInput(user: id, code: code ?? String(session.world[id].smsCodeSent))
        return RegistrationRules.sms.explanation(session.world, input, failedRule: failedRule)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        try session.world.enterSMS(user: id, code: code ?? String(session.world[id].smsCodeSent))
        return .one(Accepted(name: session.world[id].name))
    }

    struct Accepted: InfoLine {
        let name: String
        var text: String { "SMS code accepted: \(name) is signed up" }
    }
}

extension SMSCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "sms",
        effects: [Effect(writes: [.registration], reads: [.registration, .clock])],
        answers: MoveSource.userNeeded.union([.registerWrongCode, .registerTooManyAttempts, .registerNoCodePending]),
        offer: { c, moves in
            guard let user = c.user else { moves.append("sms 1000"); return }
            let right = user.smsCodeSent
            if user.signedUp {
                if user.cards.isEmpty { moves.append("sms \(right)") }
                return
            }
            moves.append("sms \(right)")
            moves.append("sms \(right == 1000 ? 1001 : 1000)")
        })
}
