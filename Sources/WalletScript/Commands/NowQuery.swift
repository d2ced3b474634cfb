import WalletCore

/// `now`: the simulated clock.
struct NowQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 180, name: "now", usage: "now", summary: "the simulated clock",
                                  examples: ["now"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> NowQuery { NowQuery() }

    func run(in session: inout Session) throws(WalletError) -> Output { .one(Clock(instant: session.world.now)) }

    struct Clock: InfoLine {
        let instant: Instant
        var text: String { "\(instant) (China Standard Time)" }
    }
}
