/// What `reactivate` is asked: whose TourPass.
public struct ReactivateInput: Sendable {
    public let user: UserID
    public init(user: UserID) { self.user = user }
}

/// RULES.md, reactivate, in order: TourPass is the international version's, and only an
/// expired pass is reactivated.
public enum ReactivateRules {
    public static let list = RuleList<ReactivateInput>("reactivate", [
        Rule("reactivate.version", .tourpassDomesticUser, "TourPass is part of the international version",
             holds: { w, i in w.users[i.user.index].version == .international },
             failure: { w, i in "TourPass is part of the international version; \(w.users[i.user.index].name) uses the domestic version" },
             looked: { w, i in "\(w.users[i.user.index].name) uses the \(w.users[i.user.index].version.label) version" },
             remedy: { _, _ in "a user registered with a non-+86 phone (or `version:intl`)" }),
        Rule("reactivate.expired", .tourpassNotExpired, "the TourPass has expired (only an expired pass is reactivated)",
             holds: { w, i in w.users[i.user.index].pass.state == .expired },
             failure: { w, i in "the TourPass is \(w.users[i.user.index].pass.state.rawValue), not expired: nothing to reactivate" },
             looked: { w, i in
                 let pass = w.users[i.user.index].pass
                 return "TourPass \(pass.state.rawValue)" + (pass.state == .active ? pass.expiresAt.map { ", expires \($0); now \(w.now)" } ?? "" : "") },
             remedy: { w, i in
                 let pass = w.users[i.user.index].pass
                 switch pass.state {
                 case .active: return pass.expiresAt.map { "wait for it to expire: `advance to:\($0)`" } ?? "wait for it to expire"
                 case .none: return "nothing to reactivate: the next top-up opens a new period (`topup \(w.policy.topupMin.plain)`)"
                 case .expired: return ""
                 } },
             missing: { w, i in w.users[i.user.index].version == .international ? nil : "\(w.users[i.user.index].name) uses the domestic version (no TourPass)" }),
    ])
}
