import Foundation
import Testing

/// `:reach … apply` runs the way there, its closing `expect` too: that `expect` is ticked
/// as a typed one is.
@Suite("the ticks of :reach … apply")
struct ReachApplyTickPtyTests {
    @Test("the applied expect prints ✓ holds, as typed")
    func appliedExpectIsTicked() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let zoe = "zoe 2026-01-01 00:00> "
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        try term.enter("user zoe", prompt: zoe)
        try term.enter("verify", prompt: zoe)
        try term.enter("card visa", prompt: zoe)
        // The lines shown from the typed one up to the next prompt.
        func shown(_ line: String) throws -> [String] {
            let lines = try term.enter(line, prompt: zoe).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return Array(lines.prefix { $0 != zoe.trimmingCharacters(in: .whitespaces) })
        }
        let applied = try shown(":reach topup.above_maximum apply")
        #expect(applied.suffix(2) == ["> expect error topup.above_maximum", "✓ holds"], "\(term.screenDump)")
        let typed = try shown("expect error topup.above_maximum")
        #expect(typed == [zoe + "expect error topup.above_maximum", "✓ holds"], "\(term.screenDump)")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)
    }
}
