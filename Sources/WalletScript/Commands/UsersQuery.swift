import WalletCore

/// `users`: every user.
struct UsersQuery: Command {
    var onlyLooks: Bool { true }
    static let spec = CommandSpec(rank: 170, name: "users", usage: "users", summary: "every user",
                                  examples: ["users"])

    static func parse(_: inout ArgReader) throws(Diagnostic) -> UsersQuery { UsersQuery() }

    func run(in session: inout Session) throws(WalletError) -> Output {
        let world = session.world
        guard !world.users.isEmpty else { return .one(TextLines(["no users yet"])) }
        let rows = world.users.map { user in
            let state = !user.signedUp ? "pending SMS" : (user.verified ? "verified" : (user.lapsed ? "lapsed" : "unverified"))
            let pass = user.version == .international ? ", TourPass \(user.pass.state.rawValue)" : ""
            return (name: user.name, phone: "\(user.phone)", version: user.version.label, state: state + pass)
        }
        // Columns line up by display width: `王小明` takes six columns, not three.
        let nameWidth = rows.map { Layout.width($0.name) }.max() ?? 0
        let phoneWidth = rows.map { Layout.width($0.phone) }.max() ?? 0
        let versionWidth = rows.map { Layout.width($0.version) }.max() ?? 0
        return .one(TextLines(rows.map { row in
            Layout.pad(row.name, nameWidth) + "  " + Layout.pad(row.phone, phoneWidth) + "  " + Layout.pad(row.version, versionWidth) + "  " + row.state
        }))
    }
}
