import Testing
import WalletCore
@testable import WalletScript

/// `help CODE` shows a shortest script that ends with the code; pasted into a fresh
/// session, it does.
@Suite struct CodeExampleTests {
    /// Runs `lines` in a fresh session: the code the last command before the closing
    /// `expect` answered, and whether that `expect` held.
    func replay(_ lines: [String]) -> (code: ErrorCode?, held: Bool) {
        var session = Session()
        var code: ErrorCode? = nil
        var held = false
        for line in lines {
            guard case .success(let outcome?) = session.run(line: line) else { return (nil, false) }
            if line.hasPrefix("expect ") { held = outcome.failedAssertion == nil } else { code = outcome.error?.code }
        }
        return (code, held)
    }

    @Test func helpCountLimitShowsAScriptThatEndsWithIt() throws {
        let lines = HelpCommand.lines(for: "topup.count_limit")
        let start = try #require(lines.firstIndex { $0.hasPrefix("a shortest way there") })
        let script = lines[(start + 1)...].map { String($0.dropFirst(2)) }
        #expect(script.first == "policy topup.count 1")
        #expect(script.last == "expect error topup.count_limit")
        #expect(script.count <= 7)
        let replayed = replay(script)
        #expect(replayed.code == .topupCountLimit && replayed.held)
    }

    @Test func everyCodeHasAnExampleOrSaysWhyNot() {
        let outOfReach: Set<ErrorCode> = [.registerLimit, .cardTooMany, .merchantLimit, .moneyOverflow]
        for code in ErrorCode.allCases {
            switch CodeExample.script(for: code) {
            case .success(let script):
                let replayed = replay(script)
                #expect(replayed.code == code && replayed.held, "\(code.rawValue): \(script)")
                #expect(script.last == "expect error \(code.rawValue)")
            case .failure(let problem):
                #expect(outOfReach.contains(code), "\(code.rawValue): \(problem.message)")
                #expect(HelpCommand.lines(for: code.rawValue).last == "no short example: \(problem.message)")
            }
        }
    }

    /// `help` shows kept scripts for the targets whose search goes deep (the password lock:
    /// seconds in a debug build). Each is what the search finds now, and it fails by its rule.
    @Test func knownExamplesAreWhatTheSearchFinds() throws {
        #expect(CodeExample.known.keys.contains("rule pay.locked pay.password_locked"))
        for (key, known) in CodeExample.known.sorted(by: { $0.key < $1.key }) {
            let words = key.split(separator: " ").map(String.init)
            let target: ExploreTarget
            let rule: String?
            if words[0] == "code" {
                target = .code(try #require(ErrorCode(rawValue: words[1]), "\(key)"))
                rule = nil
            } else {
                let info = try #require(RuleBook.rules.first { $0.id == words[1] }, "\(key)")
                target = .rule(info, code: try #require(ErrorCode(rawValue: words[2]), "\(key)"))
                rule = info.id
            }
            #expect(CodeExample.knownKey(target) == key)
            let searched = try CodeExample.script(for: target, searched: true).get()
            #expect(searched == known, "\(key): the search now finds\n\(searched.map { "\"\($0)\"," }.joined(separator: "\n"))")
            var session = Session()
            var failed: WalletError? = nil
            var held = false
            for line in known {
                guard case .success(let outcome?) = session.run(line: line) else { break }
                if line.hasPrefix("expect ") { held = outcome.failedAssertion == nil } else { failed = outcome.error }
            }
            #expect(held && failed?.code.rawValue == words.last && (rule == nil || failed?.rule == rule), "\(key): \(known)")
        }
    }

    @Test func helpPasswordLockedShowsTheKeptScripts() throws {
        let lines = HelpCommand.lines(for: "pay.password_locked")
        let start = try #require(lines.firstIndex(of: "  by pay.locked:"))
        let script = lines[(start + 1)...].prefix { $0.hasPrefix("    ") }.map { String($0.dropFirst(4)) }
        #expect(script == CodeExample.known["rule pay.locked pay.password_locked"])
        #expect(HelpCommand.lines(for: "pay.locked").suffix(9).map { String($0.dropFirst(2)) } == script)
    }

    /// A code several rules answer shows a way by each rule; pasted into a fresh session,
    /// its last command fails by that rule with that code.
    @Test func aCodeOfSeveralRulesShowsAWayByEachRule() throws {
        for code in ErrorCode.allCases {
            let rules = RuleBook.rules(answering: code).map(\.rule)
            guard rules.count > 1 else { continue }
            let lines = HelpCommand.lines(for: code.rawValue)
            #expect(lines.contains { $0.hasPrefix("a shortest way there by each rule") }, "\(code.rawValue)")
            for rule in rules {
                let start = try #require(lines.firstIndex(of: "  by \(rule.id):"), "\(code.rawValue): \(lines)")
                let script = lines[(start + 1)...].prefix { $0.hasPrefix("    ") }.map { String($0.dropFirst(4)) }
                #expect(script.last == "expect error \(code.rawValue)", "\(rule.id): \(script)")
                var session = Session()
                var failed: WalletError? = nil
                var held = false
                for line in script {
                    guard case .success(let outcome?) = session.run(line: line) else { break }
                    if line.hasPrefix("expect ") { held = outcome.failedAssertion == nil } else { failed = outcome.error }
                }
                #expect(failed?.rule == rule.id && failed?.code == code && held, "\(rule.id): \(script)")
            }
        }
    }
}
