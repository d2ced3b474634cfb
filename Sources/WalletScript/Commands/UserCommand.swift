import WalletCore

/// `user NAME [options]`: sign up, or switch to an existing user.
struct UserCommand: BoxedCommand {
    let request: SignUpRequest
    /// Read by the core's rules when it runs, so a malformed phone is `register.phone_invalid`.
    let phone: String?
    let hasOptions: Bool

    static let spec = CommandSpec(
        rank: 10, name: "user", usage: "user NAME [phone:+CC-N] [nationality:CC] [name:\"FULL NAME\"] [version:intl|domestic] [sms:manual]",
        summary: "sign up NAME (or switch to NAME if it exists) and make it the current user",
        examples: ["user alice", "user wang phone:+86-13800138000", "user zoe nationality:PH sms:manual", "user \"Mary Ann\""],
        options: [OptionSpec("phone"), OptionSpec("nationality", ["GB", "US", "DE", "FR", "JP", "PH", "AL", "MA"]),
                  OptionSpec("name"), OptionSpec("version", versions.map(\.0)), OptionSpec("sms", smsModes.map(\.0))],
        positionalDynamic: .users)

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> UserCommand {
        let name = try r.name(r.positional("a NAME"), of: "user")
        var request = SignUpRequest(name: name)
        var hasOptions = false
        let phone = try r.option("phone").map { r.text($0) }
        if phone != nil { hasOptions = true }
        if let token = try r.option("nationality") { request.nationality = try r.nationality(token); hasOptions = true }
        if let token = try r.option("name") { request.fullName = try r.holderName(token); hasOptions = true }
        if let token = try r.option("version") {
            request.version = try r.choice(token, versions + [("international", .international)])
            hasOptions = true
        }
        if let token = try r.option("sms") {
            request.manualSMS = try r.choice(token, smsModes)
            hasOptions = true
        }
        return UserCommand(request: request, phone: phone, hasOptions: hasOptions)
    }

    static let versions: [(String, AppVersion)] = [("intl", .international), ("domestic", .domestic)]
    static let smsModes: [(String, Bool)] = [("manual", true), ("auto", false)]

    var isAttempt: Bool { true }
    var signsUp: Bool { true }
    var statementText: String? { "user \(Names.written(request.name))" }

    /// A `user NAME` that switched checked nothing; it cannot be told from a sign-up once it
    /// ran, so both list the sign-up rules as held.
    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        // A switch to an existing user signs no one up: no rule was checked.
        if session.lastActionSwitched && failedRule == nil { return nil }
        var request = request
        request.typedPhone = phone
        return RegistrationRules.user.explanation(session.world, session.world.signUpInput(request), failedRule: failedRule)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        var request = request
        if let existing = session.world.user(named: request.name), !hasOptions {
            session.currentUser = existing
            session.lastActionSwitched = true
            return .one(CurrentUser(name: request.name))
        }
        request.typedPhone = phone
        let signUp = try session.world.signUp(request)
        session.currentUser = signUp.user
        let user = session.world[signUp.user]
        // One value of two lines: an array of two values was three allocations and frees a sign-up.
        return .one(SignedUp(name: user.name, phone: user.phone, version: user.version,
                             sms: SMSSent(code: signUp.smsCode, phone: user.phone, entered: signUp.codeEntered)))
    }

    struct CurrentUser: InfoLine {
        let name: String
        var text: String { "current user: \(name)" }
    }

    /// The sign-up and the SMS code sent for it.
    struct SignedUp: OutputValue {
        let name: String
        let phone: Phone
        let version: AppVersion
        let sms: SMSSent
        var text: String { "\(name) signed up with \(phone) (\(version.label) version)" }
        var lines: [OutputLine] { [OutputLine(.info, text), OutputLine(.info, sms.text)] }
    }

    struct SMSSent: InfoLine {
        let code: Int
        let phone: Phone
        let entered: Bool
        var text: String { entered ? "SMS code \(code) sent to \(phone) and entered" : "SMS code \(code) sent to \(phone); enter it with: sms CODE" }
    }
}

extension UserCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "user",
        effects: [Effect(writes: [.registration, .otherUsers], reads: [.registration])],
        guardReads: [.otherUsers],
        answers: [.registerPhoneTaken, .registerPhoneInvalid, .registerUserExists, .registerLimit],
        offer: { c, moves in
            let world = c.world
            for (index, other) in world.users.enumerated() where index != c.current?.index {
                moves.append("user " + MoveText.name(other.name))
            }
            if world.users.count < c.maxUsers, let name = MoveText.freshName(in: world) {
                moves.append("user " + name)
                moves.append("user \(name) phone:+86-1380013800\(world.users.count)")
                moves.append("user \(name) sms:manual")
                if let first = world.users.first {
                    moves.append("user \(name) phone:+\(first.phone)")
                }
                moves.append("user \(name) phone:+44-1")
            }
            if let current = c.user, current.cards.isEmpty {
                moves.append("user \(MoveText.name(current.name)) sms:manual")
            }
        })
}
