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

    /// A parsed line is held as a case of the generated `AnyCommand.Value`, one per command
    /// type: every type that declares a spec is a case (by the files' own declarations), and
    /// each spec's examples parse to the case of its own type, the same through `anyCommand`.
    @Test func everyCommandTypeParsesToItsOwnCase() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/WalletScript/Commands").standardized
        var declared: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var owner: String? = nil
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if let kind = words.first, ["struct", "extension", "enum"].contains(kind), words.count > 1 {
                    owner = String(words[1].prefix { $0.isLetter || $0.isNumber })
                }
                if line.contains("static let spec = CommandSpec("), let owner { declared.append(owner) }
            }
        }
        let types = CommandTable.registeredTypes.map { String(describing: $0) }
        #expect(types.sorted() == declared.sorted() && types.count == CommandTable.registered.count)
        #expect(Set(types).count == types.count)
        for (spec, type) in zip(CommandTable.registered, CommandTable.registeredTypes) {
            // Some examples run other commands first (`expect`'s and `why`'s): only its own.
            let own = spec.examples.filter { ([spec.name] + spec.aliases).contains(String($0.prefix { $0 != " " })) }
            #expect(!own.isEmpty, "\(spec.name) has an example of its own")
            for example in own {
                guard case .success(let command?) = CommandTable.parse(example) else { Issue.record("\(example) does not parse"); continue }
                #expect(Swift.type(of: command.base) == type, "\(example) parsed as \(Swift.type(of: command.base)), not \(type)")
                #expect(String(describing: command.value).hasPrefix(Self.caseName(of: type) + "("), "\(example): \(command.value)")
                #expect(Swift.type(of: command.base.asAnyCommand().base) == type)
            }
        }
        // Spot checks of the cases the hot path matches by name.
        guard case .success(let pay?) = CommandTable.parse("pay 5 qr:cross"), case .payCommand(let paid) = pay.value else {
            Issue.record("pay is not .payCommand"); return
        }
        #expect(paid.amount == Money(fen: 500))
        guard case .success(let expect?) = CommandTable.parse("expect error pay.domestic_qr"), case .expectCommand = expect.value else {
            Issue.record("expect is not .expectCommand"); return
        }
    }

    /// A parsed line is held inline in about 50 bytes (`pay`'s own and a tag), so moving it is
    /// cheap: a large command is a `BoxedCommand`, behind a reference.
    @Test func theEnumStaysSmall() {
        #expect(MemoryLayout<AnyCommand>.size <= 56, "\(MemoryLayout<AnyCommand>.size) bytes: make the largest command a BoxedCommand")
        #expect(MemoryLayout<AnyCommand>.size >= MemoryLayout<PayCommand>.size)
    }

    /// The generator's case name: the type's name with its leading capitals lowered.
    static func caseName(of type: Any.Type) -> String {
        let name = String(describing: type)
        let upper = name.prefix { $0.isUppercase }.count
        let lowered = upper > 1 && upper < name.count ? upper - 1 : upper
        return name.prefix(lowered).lowercased() + name.dropFirst(lowered)
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
