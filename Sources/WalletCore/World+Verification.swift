public struct VerifyRequest: Sendable {
    public var passport: String?
    public var expires: CivilDate?
    public var nationality: String?
    public var facePasses = true
    public var born: CivilDate?

    public init(passport: String? = nil, expires: CivilDate? = nil, nationality: String? = nil,
                facePasses: Bool = true, born: CivilDate? = nil) {
        self.passport = passport
        self.expires = expires
        self.nationality = nationality
        self.facePasses = facePasses
        self.born = born
    }
}

extension World {
    /// Real-name verification. The checks are `VerifyRules.list`, in order (the passport
    /// number's form, its expiry, the nationality, then the face scan); the first failure is
    /// the answer and nothing changes. A success replaces the passport (verified, lapsed or
    /// never verified alike) and schedules its lapse; the lapse of the one it replaces no
    /// longer fires.
    public mutating func verify(user id: UserID, _ request: VerifyRequest) throws(WalletError) -> Passport {
        let user = try activeUser(id)
        let input = verifyInput(user: id, request)
        try VerifyRules.list.check(self, input)
        let passport = Passport(number: input.number, expires: input.expires, nationality: input.nationality,
                                holderName: user.registeredName, born: request.born)
        users[id.index].passport = passport
        users[id.index].lapsed = false
        users[id.index].passportSerial += 1
        // Due at 00:00 of the day after the expiry date; beyond the clock's end it never falls due.
        if let due = World.lapseInstant(of: input.expires) {
            schedule.schedule(.passportLapse(id, serial: users[id.index].passportSerial), at: due)
        }
        return passport
    }

    static func defaultPassport(for id: UserID) -> String {
        let digits = String(id.index + 1)
        return "P" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The same month and day ten years after the day of verification; 29 February
    /// becomes 28 February when that year has none.
    static func defaultPassportExpiry(verifiedOn day: CivilDate) -> CivilDate {
        let year = day.year + 10
        guard year <= 9999 else { return CivilDate(year: 9999, month: 12, day: 31) }
        return CivilDate(year: year, month: day.month, day: min(day.day, CivilDate.daysIn(month: day.month, year: year)))
    }

    /// 00:00 of the day after `expires`, or nil past the end of the clock.
    static func lapseInstant(of expires: CivilDate) -> Instant? {
        guard expires < Instant.latest.date else { return nil }
        return Instant(civil: expires).adding(.days(1))
    }

    /// Top-ups and payments need a verification that holds: `verify.lapsed` once it lapsed.
    func ensureNotLapsed(_ id: UserID) throws(WalletError) {
        // Read in place: this runs on every top-up and payment.
        guard users[id.index].lapsed, let passport = users[id.index].passport else { return }
        throw WalletError(.verifyLapsed, "the passport of \(users[id.index].name) expired on \(passport.expires): verification lapsed; `verify` with a renewed passport")
    }
}
