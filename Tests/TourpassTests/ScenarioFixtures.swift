/// Small scenario files for the `tourpass run` tests.
enum ScenarioFixtures {
    static let passing = """
        # a passing scenario with all its output recorded
        user alice
        | alice signed up with 44-7700900001 (international version)
        | SMS code 6844 sent to 44-7700900001 and entered
        verify
        | alice verified: passport P0000001 (GB, expires 2036-01-01), name ALICE
        expect verified yes

        """

    /// Recorded output for carol is wrong on line 4 (phone and code).
    static let failing = """
        user bob

        # wrong phone recorded
        user carol
        | carol signed up with 44-7700900009 (international version)
        | SMS code 1266 sent to 44-7700900002 and entered

        """

    static let unparsable = "user alice\nfrobnicate\n"

    /// Time-dependent: an expiry fires during `advance`.
    static func expiry(_ index: Int) -> String {
        """
        # generated \(index)
        user u\(index)
        verify
        card visa
        topup \(100 + index)
        pay 10 qr:cross
        advance \(80 + index)d
        expect status \(index < 10 ? "active" : "expired")
        status

        """
    }
}
