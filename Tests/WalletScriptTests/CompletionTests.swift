import Foundation
import Testing
import WalletScript

@Suite struct CompletionTests {
    func complete(_ text: String, after lines: [String] = []) -> [String] {
        Completion.candidates(for: text, session: session(after: lines))
    }

    @Test func commandNames() {
        #expect(complete("to").contains("topup"))
        #expect(complete("to").allSatisfy { $0.hasPrefix("to") })
        #expect(complete("re").sorted() == ["reactivate", "refund"])
        #expect(complete("").contains("pay") && complete("").contains(":save"))
        #expect(complete("zzz").isEmpty)
    }

    @Test func optionKeys() {
        #expect(complete("pay 5 q") == ["qr:"])
        #expect(Set(complete("pay 5 ")).isSuperset(of: ["qr:", "to:", "password:"]))
        #expect(!complete("pay 5 qr:cross ").contains("qr:"), "a used option is not offered again")
        #expect(complete("merchant m c") == ["credit:"])
    }

    @Test func optionValues() {
        #expect(complete("pay 5 qr:") == ["qr:cross", "qr:domestic"])
        #expect(complete("pay 5 qr:d") == ["qr:domestic"])
        #expect(complete("user bob version:") == ["version:intl", "version:domestic"])
        #expect(complete("merchant m credit:") == ["credit:yes", "credit:no"])
    }

    @Test func cardBrands() {
        #expect(complete("card v") == ["visa"])
        #expect(complete("card ").contains("unionpay"))
        #expect(complete("topup 5 card:", after: ["user alice", "card visa", "card jcb"]) == ["card:visa", "card:jcb", "card:1111", "card:0000"])
    }

    @Test func usersAndMerchantsOfTheWorld() {
        let world = ["user alice", "user bob", "merchant teahouse"]
        // bob is the current user: sending to bob is `transfer.self`, so not offered.
        #expect(complete("transfer 5 to:", after: world) == ["to:alice"])
        #expect(complete("transfer 5 to:b", after: world) == [])
        #expect(complete("transfer 5 to:b", after: world + ["user alice"]) == ["to:bob"])
        let merchants = complete("pay 5 to:", after: world)
        #expect(Set(merchants).isSuperset(of: ["to:cafe", "to:noodles", "to:supplier", "to:teahouse"]))
        #expect(!merchants.contains("to:alice"))
        #expect(complete("user a", after: world) == ["alice"])
        #expect(Set(complete("refund 5 from:c")) == ["from:cafe", "from:cross-qr"])
    }

    /// Names written back as command words are quoted when they need quotes.
    @Test func namesThatNeedQuotesAreQuoted() {
        let world = ["user \"Mary Ann\"", "user Zoë", "merchant \"Li's Noodles\""]
        #expect(complete("transfer 5 to:", after: world + ["user alice"]) == ["to:\"Mary Ann\"", "to:Zoë"])
        #expect(complete("pay 5 to:\"Li", after: world) == ["to:\"Li's Noodles\""])
        #expect(complete("user \"M", after: world) == ["\"Mary Ann\""])
        // Typed without the quote: completed with it.
        #expect(complete("pay 10 to:L", after: world) == ["to:\"Li's Noodles\""])
        #expect(complete("user M", after: world) == ["\"Mary Ann\""])
    }

    /// `top` fits `topup` and its alias `top-up`: one command, so it completes.
    @Test func aCommandAndItsAliasComplete() {
        #expect(complete("top") == ["topup"])
        #expect(complete("top-") == ["top-up"])
    }

    @Test func assertionsAndErrorCodes() {
        let payCodes = complete("expect error pay.")
        #expect(payCodes.count == 6)
        #expect(payCodes.contains("pay.domestic_qr") && payCodes.allSatisfy { $0.hasPrefix("pay.") })
        #expect(complete("expect st") == ["status"])
        #expect(complete("expect status ").filter { !$0.hasSuffix(":") } == ["none", "active", "expired"])
    }

    @Test func metaCommandsAndHelp() {
        #expect(complete(":he") == [":help"])
        #expect(complete(":").count == MetaCommand.all.count)
        #expect(complete(":").contains(":reach"))
        #expect(complete(":help to").first == "topup" && complete(":help to").contains("topup.count_limit"), "codes follow the commands")
        #expect(Array(complete("help tra").prefix(5)) == ["transfer", "transfer.not_allowed", "transfer.receiver_unverified", "transfer.receiver_limit", "transfer.self"])
        #expect(complete("help pay.q") == ["pay.qr"], "rule ids too: `why` prints them")
        #expect(complete("policy topup.f") == ["topup.fee"])
    }
}

/// `:load` and `:save` complete folders and scenario files.
@Suite struct PathCompletionTests {
    @Test func loadCompletesFoldersAndScenarioFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("complete-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reported"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("reported/a.scn"))
        try Data().write(to: root.appendingPathComponent("readme.txt"))
        let base = root.path + "/"
        #expect(Completion.candidates(for: ":load " + base + "re", session: Session()) == [base + "reported/"])
        #expect(Completion.candidates(for: ":load " + base + "reported/", session: Session()) == [base + "reported/a.scn"])
        #expect(Completion.candidates(for: ":save " + base + "x", session: Session()) == [])
    }
}
