import Testing
@testable import WalletCore
@Test func placeholder() { #expect(Money(fen: 1).fen == 1) }
