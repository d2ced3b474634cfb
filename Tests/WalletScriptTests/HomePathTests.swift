import Foundation
import Testing
@testable import WalletScript

/// `~` typed at the console is $HOME, not the account's home (tester's item 4).
@Suite struct HomePathTests {
    @Test func tildeIsHome() {
        #expect(HomePath.expanded("~/t.scn", home: "/tmp/h") == "/tmp/h/t.scn")
        #expect(HomePath.expanded("~", home: "/tmp/h/") == "/tmp/h")
        #expect(HomePath.expanded("~/a/b.scn", home: "/tmp/h/") == "/tmp/h/a/b.scn")
        #expect(HomePath.expanded("~/t.scn", home: "/") == "/t.scn")
        #expect(HomePath.expanded("a/~/t.scn", home: "/tmp/h") == "a/~/t.scn")
        #expect(HomePath.expanded("t.scn", home: "/tmp/h") == "t.scn")
        // `~NAME` is that account's home, as in a shell.
        #expect(HomePath.expanded("~root/x", home: "/tmp/h") != "/tmp/h/x")
    }
}
