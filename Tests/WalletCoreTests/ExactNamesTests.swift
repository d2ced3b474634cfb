import Testing
@testable import WalletCore

/// RULES.md, "Names compare exactly": case-sensitive, code point by code point, no
/// normalisation. `String ==` is canonical equivalence, so each pair below is equal under it
/// and must still be two users or two merchants.
@Suite struct ExactNamesTests {
    static let lookAlikes: [(String, String)] = [
        ("\u{E9}", "e\u{301}"),              // é precomposed, e + combining acute
        ("Caf\u{E9}", "Cafe\u{301}"),
        ("\u{212A}", "K"),                   // Kelvin sign, K
        ("\u{212A}afe", "Kafe"),
        ("alice", "Alice"),                  // case
    ]

    @Test(arguments: lookAlikes)
    func twoUsers(first: String, second: String) throws {
        var world = World()
        let a = try world.intlUser(first)
        let b = try world.intlUser(second)
        #expect(a != b && world.users.count == 2)
        #expect(world.user(named: first) == a && world.user(named: second) == b)
        #expect(world[a].name.unicodeScalars.elementsEqual(first.unicodeScalars))
        #expect(world[b].name.unicodeScalars.elementsEqual(second.unicodeScalars))
    }

    @Test(arguments: lookAlikes)
    func twoMerchants(first: String, second: String) throws {
        var world = World()
        let (a, createdA) = try world.defineMerchant(name: first)
        let (b, createdB) = try world.defineMerchant(name: second, qr: .domestic)
        #expect(createdA && createdB && a != b)
        #expect(world[a].qr == .cross, "defining the second did not update the first")
        #expect(world.merchant(named: first) == a && world.merchant(named: second) == b)
    }

    @Test func signingUpTheSameCodePointsAgainIsUserExists() throws {
        var world = World()
        _ = try world.intlUser("e\u{301}")
        expectFailure(.registerUserExists, &world) { try $0.intlUser("e\u{301}") }
    }

    @Test func paymentsAndRefundsFindTheMerchantTyped() throws {
        var world = World()
        let payer = try world.passHolder("payer", amount: "500")
        let (precomposed, _) = try world.defineMerchant(name: "Caf\u{E9}")
        let (decomposed, _) = try world.defineMerchant(name: "Cafe\u{301}", qr: .domestic)
        _ = try world.pay(user: payer, amount: cny("10"), merchantNamed: "Caf\u{E9}")
        #expect(world[precomposed].balanceFen == 1_000 && world[decomposed].balanceFen == 0)
        expectFailure(.payDomesticQR, &world) { try $0.pay(user: payer, amount: cny("10"), merchantNamed: "Cafe\u{301}") }
        expectFailure(.refundNoPayment, &world) { try $0.refund(user: payer, amount: cny("5"), merchantNamed: "Cafe\u{301}") }
        _ = try world.refund(user: payer, amount: cny("5"), merchantNamed: "Caf\u{E9}")
        #expect(world[precomposed].balanceFen == 500)
        expectFailure(.merchantUnknown, &world) { try $0.pay(user: payer, amount: cny("1"), merchantNamed: "caf\u{E9}") }
    }

    @Test func transfersFindTheUserTyped() throws {
        var world = World()
        let kelvin = try world.domesticWithCard("\u{212A}", verified: true)
        let k = try world.domesticWithCard("K", verified: true)
        _ = try world.transfer(user: kelvin, amount: cny("3"), toNamed: "K")
        #expect(world[k].walletFen == 300 && world[kelvin].walletFen == 0)
        expectFailure(.transferSelf, &world) { try $0.transfer(user: kelvin, amount: cny("1"), toNamed: "\u{212A}") }
        expectFailure(.userUnknown, &world) { try $0.transfer(user: kelvin, amount: cny("1"), toNamed: "k") }
    }

    @Test func aMissThatLooksTheSameNamesTheCodePoints() throws {
        var world = World()
        let payer = try world.passHolder("payer", amount: "500")
        _ = try world.defineMerchant(name: "Caf\u{E9}")
        do {
            _ = try world.pay(user: payer, amount: cny("1"), merchantNamed: "Cafe\u{301}")
            Issue.record("paid a merchant that does not exist")
        } catch {
            #expect(error.code == .merchantUnknown)
            #expect(error.message.hasSuffix("did you mean 'Caf\u{E9}' (U+00E9 where this has U+0065 U+0301; names compare code point by code point)?"), "\(error.message)")
        }
    }
}
