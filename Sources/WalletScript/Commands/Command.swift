import WalletCore

/// A parsed line: what to do, with every value already checked and converted.
public enum Command: Sendable {
    indirect case user(SignUpRequest, phone: String?, hasOptions: Bool)
    /// nil: the code last sent to the current user.
    case sms(String?)
    indirect case verify(VerifyRequest)
    indirect case card(CardRequest)
    case topup(Money, card: String?)
    /// nil options keep what an existing merchant has (defaults for a new one).
    case merchant(name: String, qr: QRKind?, credit: Bool?)
    case pay(Money, to: PayTarget, password: String?)
    case refund(Money, from: String)
    case transfer(Money, to: String)
    case password(String)
    case reactivate
    case advance(AdvanceTarget)
    case policy(key: String?, value: String?)
    case query(Query)
    /// `history [card:BRAND|LAST4] [since:DATE]`: the statement, narrowed.
    case history(card: String?, since: Instant?)
    case help(String?)
    case expect(Assertion)

    public var isAssertion: Bool { if case .expect = self { return true } else { return false } }
}

public enum PayTarget: Sendable, Equatable {
    case qr(QRKind)
    case merchant(String)
}

public enum AdvanceTarget: Sendable, Equatable {
    case by(SimDuration)
    case to(Instant)
}

public enum Query: String, Sendable, CaseIterable {
    case balance, status, users, now, merchants, cards
}

public enum Assertion: Sendable, Equatable {
    case ok
    case error(ErrorCode)
    case balance(Money)
    case status(PassState)
    case charged(Money, card: String?)
    case refunded(Money, card: String?)
    case fees(Money)
    case verified(Bool)
    case now(Instant)
    case wallet(Money)
}
