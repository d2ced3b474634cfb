/// What a sign-up's rules read: the name, the phone as typed, and that phone read once (nil
/// when none was given or it is malformed). Not the whole request: a sign-up copies less.
public struct SignUpInput: Sendable {
    public let name: String
    public let typedPhone: String?
    let phone: Phone?
}

/// What `sms CODE` is asked: whose code, and the code typed.
public struct SMSInput: Sendable {
    public let user: UserID
    public let code: String

    public init(user: UserID, code: String) {
        self.user = user
        self.code = code
    }
}

extension World {
    /// The input of `RegistrationRules.user` for this request.
    public func signUpInput(_ request: SignUpRequest) -> SignUpInput {
        SignUpInput(name: request.name, typedPhone: request.typedPhone,
                    phone: request.phone ?? request.typedPhone.flatMap { Phone.parse(Substring($0)) })
    }

    fileprivate func signupLocked(_ id: UserID) -> Instant? {
        users[id.index].signupLockedUntil.flatMap { now < $0 ? $0 : nil }
    }
}

/// RULES.md, registration: the sign-up's checks (`user`) and the SMS code's (`sms`), in the
/// order they are checked. The simulator's bound on users (`register.limit`) is checked
/// after the list, as the ledger's room is after a top-up's rules.
public enum RegistrationRules {
    static let phoneForm = "a phone is +CC-NUMBER with 1 to 3 digits of country code and 4 to 14 of number, e.g. +44-7700900123"

    public static let user = RuleList<SignUpInput>("user", [
        Rule("user.phone_form", .registerPhoneInvalid, "the phone (`phone:`) is +CC-NUMBER: 1 to 3 digits of country code, 4 to 14 of number",
             holds: { _, i in i.typedPhone == nil || i.phone != nil },
             failure: { _, _ in phoneForm },
             looked: { _, i in i.typedPhone.map { i.phone == nil ? "phone:\($0) is not +CC-NUMBER" : "phone \(i.phone.map { "\($0)" } ?? $0)" } ?? "no phone given (a free +44 number is chosen)" },
             remedy: { _, _ in "a phone such as `phone:+44-7700900123`, or no `phone:` (a free +44 number is chosen)" }),
        Rule("user.name_free", .registerUserExists, "no user has the name yet (`user NAME` alone switches to an existing user; options apply only at sign-up)",
             holds: { w, i in w.userByName[i.name] == nil },
             failure: { _, i in "\(i.name) exists already; options apply only at sign-up (type `user \(Names.written(i.name))` to switch)" },
             looked: { w, i in w.userByName[i.name].map { "\(i.name) signed up with \(w.users[$0.index].phone)" } ?? "no user named \(i.name)" },
             remedy: { _, i in "`user \(Names.written(i.name))` without options switches to them; another name signs up someone new" }),
        Rule("user.phone_free", .registerPhoneTaken, "no other user has the phone",
             holds: { w, i in i.phone.map { w.userByPhone[$0] == nil } ?? true },
             failure: { _, i in "the phone \(i.phone.map { "\($0)" } ?? "") already belongs to another user" },
             looked: { w, i in
                 guard let phone = i.phone else { return "no phone given (a free +44 number is chosen)" }
                 return w.userByPhone[phone].map { "\(phone) belongs to \(w.users[$0.index].name)" } ?? "\(phone) is free" },
             remedy: { _, _ in "another phone, or no `phone:` (a free +44 number is chosen)" },
             missing: { _, i in i.typedPhone != nil && i.phone == nil ? "phone:\(i.typedPhone ?? "") is not +CC-NUMBER" : nil }),
    ])

    public static let sms = RuleList<SMSInput>("sms", [
        Rule("sms.pending", .registerNoCodePending, "a code is waiting: the user has not finished sign-up (`user NAME sms:manual`)",
             holds: { w, i in !w.users[i.user.index].signedUp },
             failure: { w, i in "\(w.users[i.user.index].name) has finished sign-up; no SMS code is waiting" },
             looked: { w, i in "\(w.users[i.user.index].name) \(w.users[i.user.index].signedUp ? "has finished sign-up" : "waits for the code sent to \(w.users[i.user.index].phone)")" },
             remedy: { _, _ in "nothing to enter: `sms` is for a user who signed up with `sms:manual`" }),
        Rule("sms.locked", .registerTooManyAttempts, keys: ["register.lock"], "sign-up is not locked by wrong codes",
             holds: { w, i in w.signupLocked(i.user) == nil },
             failure: { w, i in "you've made too many attempts, please try again later (locked until \(w.signupLocked(i.user).map { "\($0)" } ?? "?"))" },
             looked: { w, i in w.signupLocked(i.user).map { "locked until \($0); now \(w.now)" } ?? "not locked" },
             remedy: { w, i in w.signupLocked(i.user).map { "`advance to:\($0)`, then `sms`" } ?? "" },
             missing: { w, i in RegistrationRules.noCodeWaiting(w, i) }),
        Rule("sms.code", .registerWrongCode, also: [.registerTooManyAttempts], keys: ["register.attempts", "register.lock"],
             "the code typed is the one sent; the register.attempts-th wrong one in a row locks sign-up for register.lock",
             holds: { w, i in i.code == String(w.users[i.user.index].smsCode) },
             failure: { w, i in
                 let left = w.policy.registerAttempts - w.users[i.user.index].smsWrongAttempts - 1
                 return "wrong SMS code; \(left) \(left == 1 ? "try" : "tries") left" },
             looked: { w, i in
                 let user = w.users[i.user.index]
                 guard i.code != String(user.smsCode) else { return "the code sent typed" }
                 let lock = w.signupLocked(i.user).map { ": sign-up locked until \($0)" } ?? ""
                 return "a wrong code typed; \(user.smsWrongAttempts) wrong in a row now, register.attempts \(w.policy.registerAttempts)\(lock)" },
             remedy: { w, i in
                 let sent = "the code sent: `sms \(w.users[i.user.index].smsCode)` (or `sms` alone)"
                 return w.signupLocked(i.user).map { "`advance to:\($0)`, then \(sent)" } ?? sent },
             missing: { w, i in RegistrationRules.noCodeWaiting(w, i) }),
    ])

    /// A user who finished sign-up has no code waiting to be judged.
    static func noCodeWaiting(_ w: World, _ i: SMSInput) -> String? {
        w.users[i.user.index].signedUp ? "\(w.users[i.user.index].name) has finished sign-up; no code is waiting" : nil
    }

    static let smsCodeIndex = sms.rules.firstIndex { $0.info.id == "sms.code" } ?? -1
}
