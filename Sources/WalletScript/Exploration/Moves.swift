import WalletCore

/// Each command's moves, footprint and codes, one entry per command in the order of the
/// command table. Moves are the boundaries the policy and the state make interesting;
/// refusals whose answer does not depend on the state (an Amex card, a domestic-only
/// code) are offered only while the user has no card yet, the first state they can be
/// reached in, so they cost nothing later.
extension MoveSource {
    public static let all: [MoveSource] = {
        let byName = Dictionary(uniqueKeysWithValues: list.map { ($0.command, $0) })
        // The command table's order, so ties break the same way the table reads.
        return CommandTable.names.compactMap { byName[$0] }
    }()

    static let userNeeded: Set<ErrorCode> = [.userNone]
    static let signUpNeeded: Set<ErrorCode> = [.userNone, .registerPending]

    static let list: [MoveSource] = [user, sms, verify, card, password, merchant, topup, pay, refund, transfer, reactivate, advance]

    // MARK: user

    static let user = MoveSource(
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

    // MARK: sms

    static let sms = MoveSource(
        command: "sms",
        effects: [Effect(writes: [.registration], reads: [.registration, .clock])],
        answers: userNeeded.union([.registerWrongCode, .registerTooManyAttempts, .registerNoCodePending]),
        offer: { c, moves in
            guard let user = c.user else { moves.append("sms 1000"); return }
            let right = user.smsCodeSent
            if user.signedUp {
                if user.cards.isEmpty { moves.append("sms \(right)") }
                return
            }
            moves.append("sms \(right)")
            moves.append("sms \(right == 1000 ? 1001 : 1000)")
        })

    // MARK: verify

    static let verify = MoveSource(
        command: "verify",
        effects: [Effect(writes: [.verification], reads: [.registration, .verification, .clock])],
        answers: signUpNeeded.union([.verifyPassportInvalid, .verifyPassportExpired, .verifyNationalityUnsupported, .verifyFaceFailed]),
        offer: { c, moves in
            guard let user = c.user, user.signedUp, !user.verified else {
                // `verify` is the first command to say a user is missing or pending.
                if c.user?.signedUp != true { moves.append("verify") }
                return
            }
            moves.append("verify")
            moves.append("verify passport:X1")
            moves.append("verify expires:\(CivilDate(daysSinceEpoch: c.world.now.date.daysSinceEpoch - 1))")
            if let unsupported = c.world.policy.unsupportedNationalities.first { moves.append("verify nationality:\(unsupported)") }
            moves.append("verify face:fail")
        })

    // MARK: card

    static let card = MoveSource(
        command: "card",
        effects: [Effect(writes: [.cards], reads: [.registration, .verification, .cards, .clock]),
                  Effect(writes: [.password], reads: [.registration, .cards])],
        guardReads: [.otherUsers],
        answers: signUpNeeded.union([.cardInvalidNumber, .cardUnsupportedBrand, .cardNameMismatch, .cardNameTooLong,
                                     .cardAlreadyUsed, .cardAlreadyLinked, .cardExpired, .cardLinkUnavailable, .cardTooMany]),
        offer: { c, moves in
            guard let (id, user) = c.active else {
                if c.current == nil { moves.append("card visa") }
                return
            }
            let world = c.world
            let linked = user.cards.compactMap { world.sandboxWord(of: $0) }
            let international = user.version == .international
            let accepted = international ? world.policy.internationalBrands : world.policy.domesticBrands
            let working = c.cardWords.filter { word in
                TestCard.named(word).map { accepted.contains($0.brand) } ?? false
            }
            let next = working.first { !linked.contains($0) }
            if let next { moves.append("card " + next) }
            if international, !linked.contains("declined"), accepted.contains(.visa) { moves.append("card declined") }
            let today = world.now.date
            if user.cards.isEmpty, let next {
                // A card that expires at the end of this month.
                moves.append("card \(next) exp:\(pad2(today.month))/\(pad2(today.year % 100))")
                moves.append("card amex")
                moves.append("card unavailable")
                moves.append("card 4111 1111 1111 1112")
                moves.append("card \(next) name:\"SOMEONE ELSE\"")
                moves.append("card \(next) name:\"\(String(repeating: "X", count: World.maxHolderNameLength + 1))\"")
                let lastMonth = today.month == 1 ? (12, today.year - 1) : (today.month - 1, today.year)
                moves.append("card \(next) exp:\(pad2(lastMonth.0))/\(pad2(lastMonth.1 % 100))")
                if !international { moves.append("card visa") }
            }
            if let first = linked.first { moves.append("card " + first) }
            // Another user's table number, typed: `card.already_used`.
            for index in world.cards.indices where world.cards[index].owner != id {
                guard let word = world.tableWord(ofCardAt: index), !linked.contains(word),
                      let test = TestCard.named(word) else { continue }
                moves.append("card " + grouped(test.number))
                break
            }
        })

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func grouped(_ number: String) -> String {
        var text = ""
        for (index, digit) in number.enumerated() {
            if index > 0 && index % 4 == 0 { text += " " }
            text.append(digit)
        }
        return text
    }

    // MARK: password

    static let password = MoveSource(
        command: "password",
        effects: [Effect(writes: [.password], reads: [.registration, .password, .clock])],
        answers: signUpNeeded.union([.payPasswordLocked]),
        offer: { c, moves in
            guard let user = c.user else { moves.append("password 654321"); return }
            if let until = user.payLockedUntil, c.world.now < until { moves.append("password 654321") }
        })

    // MARK: merchant

    static let merchant = MoveSource(
        command: "merchant",
        effects: [Effect(writes: [.merchants], reads: [.merchants])],
        answers: [.merchantReserved, .merchantLimit],
        offer: { c, moves in
            if c.user?.cards.isEmpty ?? true { moves.append("merchant cross-qr qr:domestic") }
        })

    // MARK: topup

    static let topup = MoveSource(
        command: "topup",
        effects: [Effect(writes: [.passPeriod, .passBalance, .cardMoney], reads: [.registration, .verification, .cards, .passPeriod, .clock])],
        answers: signUpNeeded.union([.tourpassDomesticUser, .tourpassNotVerified, .verifyLapsed, .cardNone, .tourpassExpired, .topupBelowMinimum,
                                     .topupAboveMaximum, .topupCountLimit, .topupCumulativeLimit, .cardNotFound, .cardExpired,
                                     .topupCardDeclined, .moneyOverflow]),
        offer: { c, moves in
            let policy = c.world.policy
            let min = policy.topupMin.fen, max = policy.topupMax.fen
            guard let (_, user) = c.active else {
                if c.current == nil { moves.append("topup " + MoveText.amount(min)) }
                return
            }
            guard user.version == .international, user.verified, !user.cards.isEmpty, user.pass.state != .expired else {
                moves.append("topup " + MoveText.amount(min))
                return
            }
            var amounts: [Int64] = [min]
            if min > 1 { amounts.append(min - 1) }
            amounts.append(max)
            amounts.append(max + 1)
            let room = policy.topupTotal.fen - (user.pass.state == .active ? user.pass.periodTopupFen : 0)
            if room >= 1 && room < max && room != min { amounts.append(room) }
            if room >= 0 && room < max { amounts.append(room + 1) }
            var seen: Set<Int64> = []
            for amount in amounts where amount > 0 && seen.insert(amount).inserted {
                moves.append("topup " + MoveText.amount(amount))
            }
            // The other cards, and a brand the user lacks (`card.not_found`).
            for card in user.cards.dropFirst() {
                let selector = c.world.sandboxWord(of: card) ?? c.world[card].last4
                moves.append("topup \(MoveText.amount(min)) card:\(selector)")
            }
            let brands = Set(user.cards.map { c.world[$0].brand.rawValue })
            if let missing = ["visa", "mastercard", "jcb", "diners"].first(where: { !brands.contains($0) }) {
                moves.append("topup \(MoveText.amount(min)) card:\(missing)")
            }
        })

    // MARK: pay

    static let pay = MoveSource(
        command: "pay",
        effects: [Effect(writes: [.passBalance, .payments, .cardMoney, .dailyPaid, .merchants, .password],
                         reads: [.registration, .verification, .merchants, .passPeriod, .passBalance, .password, .cards, .dailyPaid, .clock])],
        answers: signUpNeeded.union([.merchantUnknown, .payDomesticQR, .payNoPaymentMethod, .verifyLapsed, .tourpassExpired, .payWrongPassword,
                                     .payPasswordLocked, .payInsufficientBalance, .payDailyLimit, .topupCardDeclined, .cardExpired,
                                     .moneyOverflow]),
        offer: { c, moves in
            guard let (id, user) = c.active else {
                if c.current == nil { moves.append("pay 0.01 qr:cross") }
                return
            }
            let world = c.world
            let wrong = "password:" + MoveText.wrongPassword(for: id, in: world)
            if user.version == .international {
                if user.pass.state == .active && world.now < (user.pass.expiresAt ?? world.now) {
                    let balance = user.pass.balanceFen
                    if balance > 0 { moves.append("pay \(MoveText.amount(balance)) qr:cross") }
                    if balance > 1 { moves.append("pay 0.01 qr:cross") }
                    moves.append("pay \(MoveText.amount(balance + 1)) qr:cross")
                    moves.append("pay 0.01 qr:cross " + wrong)
                } else {
                    moves.append("pay 0.01 qr:cross")
                }
                if user.cards.isEmpty {
                    moves.append("pay 0.01 qr:domestic")
                    moves.append("pay 0.01 to:supplier")
                    moves.append("pay 0.01 to:nowhere")
                }
            } else if !user.cards.isEmpty {
                if user.verified {
                    moves.append("pay 0.01 qr:cross")
                } else {
                    let room = world.policy.payUnverifiedDaily.fen - world.paidToday(user: id).fen
                    if room > 0 { moves.append("pay \(MoveText.amount(room)) qr:cross") }
                    moves.append("pay \(MoveText.amount(room + 1)) qr:cross")
                }
                moves.append("pay 0.01 qr:cross " + wrong)
            } else {
                moves.append("pay 0.01 qr:cross")
                moves.append("pay 0.01 to:nowhere")
            }
        })

    // MARK: refund

    static let refund = MoveSource(
        command: "refund",
        effects: [Effect(writes: [.payments, .passBalance, .merchants], reads: [.registration, .payments, .passPeriod, .clock]),
                  Effect(writes: [.cardMoney], reads: [.registration, .payments, .passPeriod, .passBalance, .cards, .cardMoney, .clock])],
        answers: signUpNeeded.union([.refundNoPayment, .refundExceedsPayment, .merchantUnknown]),
        offer: { c, moves in
            guard let (_, user) = c.active else {
                if c.current == nil { moves.append("refund 0.01 from:cross-qr") }
                return
            }
            guard !user.payments.isEmpty else {
                moves.append("refund 0.01 from:cross-qr")
                return
            }
            var order: [MerchantID] = []
            var open: [MerchantID: Int64] = [:]
            for payment in user.payments {
                if open[payment.merchant] == nil { order.append(payment.merchant) }
                open[payment.merchant, default: 0] += payment.amountFen - payment.refundedFen
            }
            for merchant in order {
                let name = MoveText.name(c.world[merchant].name)
                let left = open[merchant] ?? 0
                if left > 0 { moves.append("refund \(MoveText.amount(left)) from:\(name)") }
                moves.append("refund \(MoveText.amount(left + 1)) from:\(name)")
            }
        })

    // MARK: transfer

    static let transfer = MoveSource(
        command: "transfer",
        effects: [Effect(writes: [.wallet, .cardMoney], reads: [.registration, .otherUsers, .verification, .cards, .wallet, .clock])],
        answers: signUpNeeded.union([.userUnknown, .transferSelf, .transferNotAllowed, .transferReceiverUnverified, .transferReceiverLimit,
                                     .payNoPaymentMethod, .topupCardDeclined, .cardExpired, .moneyOverflow]),
        offer: { c, moves in
            guard let (id, user) = c.active else {
                if c.current == nil { moves.append("transfer 0.01 to:alice") }
                return
            }
            let capFen = c.world.policy.transferUnverifiedReceive.fen
            for (index, other) in c.world.users.enumerated() where index != id.index {
                let to = " to:" + MoveText.name(other.name)
                if user.version == .domestic, !other.verified, capFen > 0 {
                    // The room left under the unverified receiver's cap, and a fen more.
                    let room = capFen - other.receivedUnverifiedFen
                    if room > 0 { moves.append("transfer \(MoveText.amount(room))" + to) }
                    moves.append("transfer \(MoveText.amount(room + 1))" + to)
                } else {
                    moves.append("transfer 0.01" + to)
                }
            }
            if user.cards.isEmpty {
                moves.append("transfer 0.01 to:" + MoveText.name(user.name))
                moves.append("transfer 0.01 to:nobody")
            }
        })

    // MARK: reactivate

    static let reactivate = MoveSource(
        command: "reactivate",
        effects: [Effect(writes: [.passPeriod], reads: [.registration, .passPeriod])],
        answers: signUpNeeded.union([.tourpassNotExpired, .tourpassDomesticUser]),
        offer: { c, moves in
            guard let (_, user) = c.active else {
                if c.current == nil { moves.append("reactivate") }
                return
            }
            if user.pass.state == .expired || user.cards.isEmpty { moves.append("reactivate") }
        })

    // MARK: advance

    /// To just before and exactly at the next moment something changes (an event falls
    /// due, a card of the current user expires, a new day starts the daily limit afresh),
    /// and to each later such moment.
    static let advance = MoveSource(
        command: "advance",
        effects: [Effect(writes: [.clock], reads: []),
                  Effect(writes: [.passPeriod], reads: [.passPeriod, .clock]),
                  Effect(writes: [.passBalance], reads: [.passPeriod, .passBalance, .clock]),
                  Effect(writes: [.cardMoney], reads: [.passPeriod, .passBalance, .cards, .cardMoney, .clock]),
                  Effect(writes: [.password], reads: [.password, .clock]),
                  Effect(writes: [.registration], reads: [.registration, .clock]),
                  Effect(writes: [.verification], reads: [.verification, .clock])],
        answers: [.clockOutOfRange],
        offer: { c, moves in
            let world = c.world
            let now = world.now
            var moments: [Instant] = world.liveEvents.map(\.due)
            if let (id, user) = c.active {
                if let soonest = user.cards.map({ world.firstInvalidInstant(of: $0) }).filter({ $0 > now }).min() {
                    moments.append(soonest)
                }
                if user.version == .domestic, world.paidToday(user: id).fen > 0 {
                    moments.append(Instant(minutes: (now.dayIndex + 1) * 1_440))
                }
            }
            let sorted = Set(moments.filter { $0 > now }).sorted()
            if let first = sorted.first, first.minutes - 1 > now.minutes {
                moves.append("advance " + MoveText.duration(from: now, to: Instant(minutes: first.minutes - 1)))
            }
            for moment in sorted.prefix(3) { moves.append("advance " + MoveText.duration(from: now, to: moment)) }
            if c.user?.cards.isEmpty ?? true { moves.append("advance to:2025-12-31") }
        })
}
