public struct VerifyRequest: Sendable {
    public var passport: String?
    public var expires: CivilDate?
    public var nationality: String?
    public var facePasses = true
    public var holderName: String?
    public var born: CivilDate?

    public init(passport: String? = nil, expires: CivilDate? = nil, nationality: String? = nil,
                facePasses: Bool = true, holderName: String? = nil, born: CivilDate? = nil) {
        self.passport = passport
        self.expires = expires
        self.nationality = nationality
        self.facePasses = facePasses
        self.holderName = holderName
        self.born = born
    }
}

extension World {
    /// Real-name verification. Checks, in order: the passport number's form, its expiry,
    /// the nationality, then the face scan; the first failure is the answer.
    public mutating func verify(user id: UserID, _ request: VerifyRequest) throws(WalletError) -> Passport {
        let user = try activeUser(id)
        let number = (request.passport ?? World.defaultPassport(for: id)).uppercased()
        guard (6...9).contains(number.count), number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw WalletError(.verifyPassportInvalid, "a passport number has 6 to 9 letters and digits")
        }
        if let born = request.born, Instant(civil: born) > now {
            throw WalletError(.verifyPassportInvalid, "the birth date \(born) is after today")
        }
        let expires = request.expires ?? CivilDate(year: now.date.year + 10, month: now.date.month,
                                                   day: min(now.date.day, 28))
        // Valid through its expiry date: expired from the next midnight.
        if now >= Instant(civil: expires).adding(.days(1)) ?? Instant.latest {
            throw WalletError(.verifyPassportExpired, "the passport expired on \(expires)")
        }
        let nationality = (request.nationality ?? user.nationality).uppercased()
        if policy.unsupportedNationalities.contains(nationality) {
            throw WalletError(.verifyNationalityUnsupported, "\(nationality) is not in the Nationality/Region list the app offers")
        }
        guard request.facePasses else {
            throw WalletError(.verifyFaceFailed, "the face scan did not match the passport photo")
        }
        let passport = Passport(number: number, expires: expires, nationality: nationality,
                                holderName: request.holderName ?? user.registeredName, born: request.born)
        users[id.index].passport = passport
        return passport
    }

    static func defaultPassport(for id: UserID) -> String {
        let digits = String(id.index + 1)
        return "P" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}
