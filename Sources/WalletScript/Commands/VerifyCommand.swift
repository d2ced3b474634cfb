import WalletCore

/// `verify [options]`: real-name verification.
struct VerifyCommand: BoxedCommand {
    let request: VerifyRequest

    static let spec = CommandSpec(
        rank: 30, name: "verify", usage: "verify [passport:NO] [expires:DATE] [nationality:CC] [face:pass|fail] [born:DATE]",
        summary: "real-name verification with a passport and a face scan; defaults succeed; lapses when the passport expires",
        examples: ["verify", "verify expires:2025-12-31  # fails: verify.passport_expired", "verify nationality:PH  # fails: verify.nationality_unsupported", "verify face:fail  # fails: verify.face_failed"], exampleSetup: ["user alice"],
        options: [OptionSpec("passport"), OptionSpec("expires"), OptionSpec("nationality", ["GB", "US", "PH", "AL", "MA"]),
                  OptionSpec("face", faces.map(\.0)), OptionSpec("born")])

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> VerifyCommand {
        var request = VerifyRequest()
        if let token = try r.option("passport") { request.passport = r.text(token) }
        if let token = try r.option("expires") { request.expires = try r.date(token) }
        if let token = try r.option("nationality") { request.nationality = try r.nationality(token) }
        if let token = try r.option("face") { request.facePasses = try r.choice(token, faces) }
        if let token = try r.option("born") { request.born = try r.date(token) }
        return VerifyCommand(request: request)
    }

    static let faces: [(String, Bool)] = [("pass", true), ("fail", false)]

    var isAttempt: Bool { true }
    var statementText: String? { "verify" }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        guard let id = session.currentUser else { return nil }
        return VerifyRules.list.explanation(session.world, session.world.verifyInput(user: id, request), failedRule: failedRule)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let id = try session.requireUser()
        let passport = try session.world.verify(user: id, request)
        return .one(Verified(name: session.world[id].name, passport: passport))
    }

    struct Verified: InfoLine {
        let name: String
        let passport: Passport
        var text: String {
            "\(name) verified: passport \(passport.number) (\(passport.nationality), expires \(passport.expires)), name \(passport.holderName)"
        }
    }
}

extension VerifyCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "verify",
        effects: [Effect(writes: [.verification], reads: [.registration, .verification, .clock])],
        answers: MoveSource.signUpNeeded.union([.verifyPassportInvalid, .verifyPassportExpired, .verifyNationalityUnsupported, .verifyFaceFailed]),
        offer: { c, moves in
            guard let user = c.user, user.signedUp, !user.verified else {
                // `verify` is the first command to say a user is missing or pending.
                if c.user?.signedUp != true { moves.append("verify") }
                return
            }
            moves.append("verify")
            moves.append("verify passport:X1")
            moves.append("verify born:\(CivilDate(daysSinceEpoch: c.world.now.date.daysSinceEpoch + 1))")
            moves.append("verify expires:\(CivilDate(daysSinceEpoch: c.world.now.date.daysSinceEpoch - 1))")
            if let unsupported = c.world.policy.unsupportedNationalities.first { moves.append("verify nationality:\(unsupported)") }
            moves.append("verify face:fail")
        })
}
