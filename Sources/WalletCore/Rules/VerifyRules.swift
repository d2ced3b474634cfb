/// What a verification is asked, with the values it would record worked out once: the
/// passport number (upper-cased; the user's default when none is typed), its expiry (ten
/// years on when none is typed) and the nationality (the registered one when none is typed).
public struct VerifyInput: Sendable {
    public let user: UserID
    public let request: VerifyRequest
    let number: String
    let expires: CivilDate
    let nationality: String
}

extension World {
    /// The input of `VerifyRules.list` for this request.
    public func verifyInput(user id: UserID, _ request: VerifyRequest) -> VerifyInput {
        VerifyInput(user: id, request: request,
                    number: (request.passport ?? World.defaultPassport(for: id)).uppercased(),
                    expires: request.expires ?? World.defaultPassportExpiry(verifiedOn: now.date),
                    nationality: (request.nationality ?? users[id.index].nationality).uppercased())
    }
}

/// RULES.md, verification, in order: the passport number's form (with the birth date it is
/// read with), its expiry, the nationality, then the face scan.
public enum VerifyRules {
    public static let list = RuleList<VerifyInput>("verify", [
        Rule("verify.passport_form", .verifyPassportInvalid, "the passport number has 6 to 9 letters and digits",
             // In bytes: ASCII letters and digits are one byte and one character each.
             holds: { _, i in (6...9).contains(i.number.utf8.count) && i.number.utf8.allSatisfy(VerifyRules.isASCIILetterOrDigit) },
             failure: { _, _ in "a passport number has 6 to 9 letters and digits" },
             looked: { _, i in "passport \(i.number)\(i.request.passport == nil ? " (the default)" : ""): \(i.number.count) characters" },
             remedy: { w, i in "`verify passport:\(World.defaultPassport(for: i.user))` (6 to 9 letters and digits), or no `passport:`" }),
        Rule("verify.born", .verifyPassportInvalid, "the birth date (`born:`) is not after today",
             holds: { w, i in i.request.born.map { Instant(civil: $0) <= w.now } ?? true },
             failure: { _, i in "the birth date \(i.request.born.map { "\($0)" } ?? "?") is after today" },
             looked: { w, i in i.request.born.map { "born \($0); today \(w.now.date)" } ?? "no birth date given" },
             remedy: { w, _ in "`verify born:DATE` with a date up to today (\(w.now.date)), or no `born:`" }),
        Rule("verify.passport_expiry", .verifyPassportExpired, "the passport's expiry date is not before today (valid through that day)",
             holds: { w, i in !(i.expires < w.now.date) },
             failure: { _, i in "the passport expired on \(i.expires)" },
             looked: { w, i in "expires \(i.expires)\(i.request.expires == nil ? " (ten years on)" : ""); today \(w.now.date)" },
             remedy: { w, _ in "a renewed passport: `verify expires:\(World.defaultPassportExpiry(verifiedOn: w.now.date))` (any date from today), or no `expires:` (ten years on)" }),
        Rule("verify.nationality", .verifyNationalityUnsupported, keys: ["verify.unsupported"],
             "the nationality is in the list the app offers (not in verify.unsupported)",
             holds: { w, i in !w.policy.unsupportedNationalities.contains(i.nationality) },
             failure: { _, i in "\(i.nationality) is not in the Nationality/Region list the app offers" },
             looked: { w, i in
                 let unsupported = w.policy.unsupportedNationalities
                 return "\(i.nationality)\(i.request.nationality == nil ? " (registered)" : ""); unsupported \(unsupported.isEmpty ? "none" : unsupported.joined(separator: ",")) by verify.unsupported" },
             remedy: { w, i in
                 let unsupported = w.policy.unsupportedNationalities
                 let rest = unsupported.filter { $0 != i.nationality }
                 let offered = ["GB", "US", "DE", "FR", "JP"].first { !unsupported.contains($0) } ?? "GB"
                 return "`verify nationality:\(offered)` (a nationality the app offers), or `policy verify.unsupported \(rest.isEmpty ? "none" : rest.joined(separator: ","))`" }),
        Rule("verify.face", .verifyFaceFailed, "the face scan matches the passport photo",
             holds: { _, i in i.request.facePasses },
             failure: { _, _ in "the face scan did not match the passport photo" },
             looked: { _, i in i.request.facePasses ? "face:pass" : "face:fail" },
             remedy: { _, _ in "`verify` with `face:pass` (or no `face:`)" }),
    ])

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
