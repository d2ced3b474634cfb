import WalletCore

/// `merchant NAME [qr:…] [credit:…]`: define a merchant, or change one.
struct MerchantCommand: Command {
    let name: String
    /// nil options keep what an existing merchant has (defaults for a new one).
    let qr: QRKind?
    let credit: Bool?

    static let spec = CommandSpec(
        rank: 60, name: "merchant", usage: "merchant NAME [qr:cross|domestic] [credit:yes|no]",
        summary: "define a merchant, or change the options given of one (defaults: cross-border code, accepts credit)",
        examples: ["merchant teahouse", "merchant stall qr:domestic", "merchant factory credit:no", "merchant \"Li's Noodles\" qr:domestic"],
        options: [OptionSpec("qr", Choices.qrKinds.map(\.0)), OptionSpec("credit", Choices.yesNo.map(\.0))],
        positionalDynamic: .merchants)

    static func parse(_ r: inout ArgReader) throws(Diagnostic) -> MerchantCommand {
        let name = try r.name(r.positional("a NAME"), of: "merchant")
        let qr = try r.option("qr").map { (t) throws(Diagnostic) in try r.choice(t, Choices.qrKinds) }
        let credit = try r.option("credit").map { (t) throws(Diagnostic) in try r.choice(t, Choices.yesNo) }
        return MerchantCommand(name: name, qr: qr, credit: credit)
    }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let (id, created) = try session.world.defineMerchant(name: name, qr: qr, acceptsCredit: credit)
        let merchant = session.world[id]
        return .one(Defined(name: name, qr: merchant.qr, credit: merchant.acceptsCredit, created: created))
    }

    /// How `why` names the line (a merchant is not an attempt: it is not in any statement).
    var statementText: String? {
        "merchant \(Names.written(name))" + (qr.map { " qr:\($0.rawValue)" } ?? "") + (credit.map { " credit:\($0 ? "yes" : "no")" } ?? "")
    }

    func explanation(in session: Session, failedRule: String?) -> Explanation? {
        MerchantRules.list.explanation(session.world, MerchantInput(name: name, qr: qr, acceptsCredit: credit), failedRule: failedRule)
    }

    struct Defined: InfoLine {
        let name: String
        let qr: QRKind
        let credit: Bool
        let created: Bool
        var text: String { "merchant \(name) \(created ? "defined" : "updated"): \(Layout.merchantTerms(qr: qr, credit: credit))" }
    }
}

/// Value tables for `ArgReader.choice` shared by several commands, built once.
enum Choices {
    static let qrKinds: [(String, QRKind)] = [("cross", .cross), ("domestic", .domestic)]
    static let yesNo: [(String, Bool)] = [("yes", true), ("no", false)]
}

extension MerchantCommand {
    /// The moves `explore` offers for this command, what it reads and writes, the codes it answers.
    static let moves = MoveSource(
        command: "merchant",
        effects: [Effect(writes: [.merchants], reads: [.merchants])],
        answers: [.merchantReserved, .merchantLimit],
        offer: { c, moves in
            if c.user?.cards.isEmpty ?? true { moves.append("merchant cross-qr qr:domestic") }
        })
}
