import Foundation
import Testing

/// Every spelling of a secret typed into the REPL: never shown back (echo, caret, :undo,
/// :load), never in the history file; only the kept session (0600) replays lines that ran.
@Suite("secrets typed in the REPL")
struct SecretsPtyTests {
    /// Lines that do not run (near misses, malformed): their secrets reach no file at all.
    static let refused: [(String, String)] = [
        ("pay 1 qr:cross pasword:246801", "246801"),
        ("pay 1 qr:cross passwd:123457", "123457"),
        ("pay 1 qr:cross Password:135790", "135790"),
        ("card visa password: 864209", "864209"),
        ("card visa password:\"975 312\"", "975 312"),
        ("password 11 22 33", "11 22 33"),
        ("pay 1 qr:cross password 777123", "777123"),
        ("pay 5 qr:cross password:\"990011", "990011"),
        ("link 3782 8224 6310 005 exp:13/99", "8224 6310"),
        ("card \"4012 8888 8888 1881\" bogus:1", "8888 8888"),
    ]

    /// Lines that run (failing ones too): hidden on screen and in the history, kept in the
    /// 0600 session, which must replay them.
    static let accepted: [(String, String)] = [
        ("card 4000 0000 0000 0036", "0000 0036"),
        ("card 4111-1111-1111-1112", "1111-1112"),
        ("card \"5555555555554444\"", "5555555555554444"),
        ("topup 100 card:5555555555554444", "5555555555554444"),
        ("pay 1 qr:cross password:654321", "654321"),
    ]

    @Test("no variant shows its digits or reaches the history")
    func everyVariant() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let term = try PseudoTerminal(environment: ReplPtyTests.environment(dir))
        defer { term.close() }
        try term.waitForPrompt(ReplPtyTests.start, after: -1)
        for line in ["user alice", "verify", "card visa password:654321"] {
            try term.enter(line, prompt: ReplPtyTests.alice)
        }
        for (line, secret) in Self.refused + Self.accepted {
            let shown = try term.enter(line, prompt: ReplPtyTests.alice)
            // The first screen line is the typed line itself; everything after is ours.
            let output = shown.split(separator: "\n").dropFirst().joined(separator: "\n")
            #expect(!output.contains(secret), "\(line) shows its secret:\n\(output)")
        }
        let undo = try term.enter(":undo", prompt: ReplPtyTests.alice)
        #expect(undo.contains("undid: pay 1 qr:cross password:••••••"), "\(undo)")
        try term.type("\u{04}")
        #expect(try term.waitForExit() == 0)

        let kept = dir.file("state/tourpass/tourpass-last-session.scn")
        var info = stat()
        #expect(stat(kept, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("state/tourpass/history"), "\(files)")
        for relative in files {
            let path = dir.file(relative)
            guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else { continue }
            for (line, secret) in Self.refused {
                #expect(!text.contains(secret), "\(relative) holds the secret of \(line)")
            }
            if path != kept {
                for (line, secret) in Self.accepted {
                    #expect(!text.contains(secret), "\(relative) holds the secret of \(line)")
                }
            }
        }
    }
}
