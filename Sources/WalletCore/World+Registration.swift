public struct SignUpRequest: Sendable {
    public var name: String
    public var phone: Phone?
    /// The phone as typed (`+44-7700900123`), read by the rules (`register.phone_invalid`)
    /// when `phone` is nil.
    public var typedPhone: String?
    public var nationality: String?
    public var fullName: String?
    public var version: AppVersion?
    public var manualSMS = false

    public init(name: String, phone: Phone? = nil, nationality: String? = nil, fullName: String? = nil,
                version: AppVersion? = nil, manualSMS: Bool = false) {
        self.name = name
        self.phone = phone
        self.nationality = nationality
        self.fullName = fullName
        self.version = version
        self.manualSMS = manualSMS
    }
}

public struct SignUp: Sendable {
    public let user: UserID
    public let smsCode: Int
    /// False with `sms:manual`: the code waits for `sms CODE`.
    public let codeEntered: Bool
}

extension World {
    /// Signs up a user. The checks are `RegistrationRules.user`, in order; then the
    /// simulator's bound on users.
    public mutating func signUp(_ request: SignUpRequest) throws(WalletError) -> SignUp {
        let input = signUpInput(request)
        try RegistrationRules.user.check(self, input)
        guard users.count < World.maxUsers else {
            throw WalletError(.registerLimit, "the world holds at most \(World.maxUsers) users")
        }
        let phone = input.phone ?? freeDefaultPhone()
        let id = UserID(index: users.count)
        let code = World.smsCode(for: phone)
        users.append(User(
            name: request.name,
            phone: phone,
            version: request.version ?? (phone.isChinese ? .domestic : .international),
            nationality: request.nationality ?? "GB",
            registeredName: request.fullName ?? request.name.uppercased(),
            registeredNameTypedLength: (request.fullName ?? request.name).unicodeScalars.count,
            signedUp: !request.manualSMS,
            smsCode: code))
        userByName.insert(request.name, id)
        userByPhone[phone] = id
        return SignUp(user: id, smsCode: code, codeEntered: !request.manualSMS)
    }

    /// The SMS code of a pending sign-up. The checks are `RegistrationRules.sms`, in order;
    /// a wrong code counts, and the `register.attempts`-th in a row locks sign-up for
    /// `register.lock` and answers `register.too_many_attempts`. A right code resets the count.
    public mutating func enterSMS(user id: UserID, code: String) throws(WalletError) {
        let input = SMSInput(user: id, code: code)
        let list = RegistrationRules.sms
        guard let index = list.firstFailure(self, input) else {
            users[id.index].signedUp = true
            users[id.index].smsWrongAttempts = 0
            return
        }
        if index == RegistrationRules.smsCodeIndex { try wrongCode(user: id, list.error(at: index, self, input)) }
        throw list.error(at: index, self, input)
    }

    /// A wrong SMS code counts; the `register.attempts`-th in a row locks sign-up. Always throws.
    private mutating func wrongCode(user id: UserID, _ wrong: WalletError) throws(WalletError) {
        users[id.index].smsWrongAttempts += 1
        guard users[id.index].smsWrongAttempts >= policy.registerAttempts else { throw wrong }
        let until = now.adding(policy.registerLock) ?? Instant.latest
        users[id.index].signupLockedUntil = until
        schedule.schedule(.signupUnlock(id), at: until)
        note(.signupLocked(until: until), for: id)
        throw WalletError(.registerTooManyAttempts, "you've made too many attempts, please try again later (locked until \(until))", rule: "sms.code")
    }

    /// `+44-7700900001`, `…002`, …: the next default number nobody has taken.
    private func freeDefaultPhone() -> Phone {
        var serial = Int64(users.count) + 1
        while true {
            let phone = Phone(countryCode: "44", number: String(7_700_900_000 + serial))
            if userByPhone[phone] == nil { return phone }
            serial += 1
        }
    }

    /// A four-digit code (1000 to 9999) derived from the phone: FNV-1a, so it never changes.
    static func smsCode(for phone: Phone) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in phone.description.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % 9_000) + 1_000
    }
}
