import Foundation
import Testing

/// The card link's echo shows the holder name as the name rule compares it: trimmed, runs
/// of spaces folded; the user's own letters kept.
@Suite("the holder name in the card link's echo")
struct HolderNameEchoTests {
    @Test("spaces around and inside the name are trimmed and folded, letters and case kept")
    func trimmedAndFolded() throws {
        let result = try Tourpass.piped("""
            user straße
            verify
            card mastercard name:"  STRAßE  "
            user mary name:"MARY ANN"
            card visa name:" Mary    ann "
            card jcb

            """)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("linked mastercard ••4444 (STRAßE, expires 01/31)"), "\(result.out)")
        #expect(result.out.contains("linked visa ••1111 (Mary ann, expires 01/31)"), "\(result.out)")
        #expect(result.out.contains("linked jcb ••0000 (MARY ANN, expires 01/31)"), "\(result.out)")
    }
}
