import Foundation
import Testing
import WalletCore
@testable import WalletScript

/// The command table and the explore moves come from the files in Commands/ (the
/// CommandRegistry build-tool plugin): nothing lost, nothing twice, today's order kept.
@Suite struct CommandRegistryTests {
    /// The order `help` listed and `explore` broke ties in before the registry was
    /// generated: a new command may come anywhere, these keep their order.
    static let knownOrder = ["user", "sms", "verify", "card", "password", "merchant", "topup", "pay", "refund", "transfer",
                             "reactivate", "policy", "advance", "balance", "status", "history", "users", "now", "merchants",
                             "cards", "help", "why", "expect"]

    @Test func keepsTheKnownOrder() {
        let names = CommandTable.names
        #expect(names.filter(Self.knownOrder.contains) == Self.knownOrder)
        #expect(HelpCommand.overview(policy: Policy()).dropFirst().prefix(3).map { $0.split(separator: " ").first.map(String.init) } == ["user", "sms", "verify"])
    }

    @Test func ranksAreUniqueAndAscending() {
        let ranks = CommandTable.all.map(\.rank)
        #expect(Set(ranks).count == ranks.count)
        #expect(ranks == ranks.sorted())
        #expect(Set(CommandTable.names).count == CommandTable.all.count)
    }

    @Test func everyMoveSourceIsACommandOfTheTable() {
        #expect(MoveSource.all.count == MoveSource.registered.count)
        let names = CommandTable.names
        let order = MoveSource.all.map { names.firstIndex(of: $0.command) ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1))
        let knownMoves = ["user", "sms", "verify", "card", "password", "merchant", "topup", "pay", "refund", "transfer", "reactivate", "advance"]
        #expect(MoveSource.all.map(\.command).filter(knownMoves.contains) == knownMoves)
    }

    /// Every file in Commands/ that declares a spec is in the table (the generator refuses
    /// one written another way, so this counts the declarations).
    @Test func everyCommandFileIsRegistered() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/WalletScript/Commands").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        var specs = 0, moves = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            specs += text.components(separatedBy: "static let spec = CommandSpec(").count - 1
            moves += text.components(separatedBy: "static let moves = MoveSource(").count - 1
        }
        #expect(specs == CommandTable.all.count && specs >= Self.knownOrder.count)
        #expect(moves == MoveSource.all.count && moves > 0)
    }

    /// Every example `help` shows parses.
    @Test func everyExampleParses() {
        for spec in CommandTable.all {
            for example in spec.examples {
                guard case .success(_?) = CommandTable.parse(example) else { Issue.record("\(spec.name): \(example)"); continue }
            }
        }
    }

    /// Completion offers only values the parser takes: each fixed value of an option, put
    /// into an example of its command, parses (the values and the choices are one table).
    @Test func everyCompletedOptionValueParses() throws {
        for spec in CommandTable.all {
            for option in spec.options where !option.values.isEmpty {
                // Without its `# fails: CODE` note: a value put after a comment would not be parsed.
                let example = HelpExampleTests.command(of: try #require(spec.examples.first { $0.hasPrefix(spec.name) && $0.contains(" \(option.key):") }
                                                                        ?? spec.examples.first, "\(spec.name)"))
                for value in option.values {
                    let words = example.split(separator: " ").filter { !$0.hasPrefix(option.key + ":") }
                    let line = words.joined(separator: " ") + " \(option.key):\(value)"
                    guard case .success(_?) = CommandTable.parse(line) else { Issue.record("\(line) does not parse"); continue }
                }
            }
        }
    }
}
