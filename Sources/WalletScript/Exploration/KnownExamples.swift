/// `help`'s examples for the targets whose search goes deep (seconds in a debug build: the
/// password lock is 7 commands and about 6,000 states down), as the search finds them.
/// `CodeExampleTests.knownExamplesAreWhatTheSearchFinds` searches each again and fails with
/// the new script when the rules or the moves change what it finds; the others are
/// searched when asked, as before.
enum KnownExamples {
    static let passwordLock = [
        "user alice phone:+86-13800138000",
        "card unionpay",
        "pay 0.01 qr:cross password:000000",
        "pay 0.01 qr:cross password:000000",
        "pay 0.01 qr:cross password:000000",
        "pay 0.01 qr:cross password:000000",
        "pay 0.01 qr:cross password:000000",
    ]

    static let cumulativeLimit = [
        "user alice", "verify", "card visa",
        "topup 100", "topup 2000", "topup 2000", "topup 2000", "topup 2000", "topup 2000",
        "expect error topup.cumulative_limit",
    ]

    /// Keyed as `CodeExample.knownKey` names a target.
    static let scripts: [String: [String]] = [
        "rule pay.locked pay.password_locked": passwordLock + ["pay 1000 qr:cross", "expect error pay.password_locked"],
        "rule pay.password pay.password_locked": passwordLock + ["expect error pay.password_locked"],
        "code topup.cumulative_limit": cumulativeLimit,
        "rule topup.total topup.cumulative_limit": cumulativeLimit,
        "rule transfer.card_expiry card.expired": [
            "user alice", "verify", "user bob phone:+86-13800138001", "card unionpay", "advance 1857d",
            "transfer 0.01 to:alice", "expect error card.expired",
        ],
    ]
}
