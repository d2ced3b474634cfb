public struct SignUpRequest: Sendable {
    public var name: String
    public var phone: Phone?
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
    public mutating func signUp(_ request: SignUpRequest) throws(WalletError) -> SignUp {
        guard userByName[request.name] == nil else {
            throw WalletError(.registerUserExists, "\(request.name) exists already; options apply only at sign-up (type `user \(Names.written(request.name))` to switch)")
        }
        guard users.count < World.maxUsers else {
            throw WalletError(.registerLimit, "the world holds at most \(World.maxUsers) users")
        }
        let phone: Phone
        if let wanted = request.phone {
            guard userByPhone[wanted] == nil else {
                throw WalletError(.registerPhoneTaken, "the phone \(wanted) already belongs to another user")
            }
            phone = wanted
        } else {
            phone = freeDefaultPhone()
        }
        let id = UserID(index: users.count)
        let code = World.smsCode(for: phone)
        users.append(User(
            name: request.name,
            phone: phone,
            version: request.version ?? (phone.isChinese ? .domestic : .international),
            nationality: request.nationality ?? "GB",
            registeredName: request.fullName ?? request.name.uppercased(),
            signedUp: !request.manualSMS,
            smsCode: code))
        userByName[request.name] = id
        userByPhone[phone] = id
        return SignUp(user: id, smsCode: code, codeEntered: !request.manualSMS)
    }

    public mutating func enterSMS(user id: UserID, code: String) throws(WalletError) {
        let user = users[id.index]
        guard !user.signedUp else {
            throw WalletError(.registerNoCodePending, "\(user.name) has finished sign-up; no SMS code is waiting")
        }
        if let until = user.signupLockedUntil, now < until {
            throw WalletError(.registerTooManyAttempts, "you've made too many attempts, please try again later (locked until \(until))")
        }
        if code == String(user.smsCode) {
            users[id.index].signedUp = true
            users[id.index].smsWrongAttempts = 0
            return
        }
        users[id.index].smsWrongAttempts += 1
        let wrong = users[id.index].smsWrongAttempts
        if wrong >= policy.registerAttempts {
            let until = now.adding(policy.registerLock) ?? Instant.latest
            users[id.index].signupLockedUntil = until
            schedule.schedule(.signupUnlock(id), at: until)
            note(.signupLocked(until: until), for: id)
            throw WalletError(.registerTooManyAttempts, "you've made too many attempts, please try again later (locked until \(until))")
        }
        let left = policy.registerAttempts - wrong
        throw WalletError(.registerWrongCode, "wrong SMS code; \(left) \(left == 1 ? "try" : "tries") left")
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
