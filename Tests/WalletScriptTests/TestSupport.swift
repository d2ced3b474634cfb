import Foundation
import Testing
import WalletScript

// Shared helpers for the WalletScript tests.

enum Repo {
    /// Tests/WalletScriptTests/TestSupport.swift → up 3 is the repository.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func path(_ relative: String) -> String { root + "/" + relative }

    static var scenarios: String { path("scenarios") }

    /// The rules file of the contract, beside the repository.
}

enum ScenarioFiles {
    /// Every `.scn` under scenarios/, as `scenarios/topic/file.scn`, sorted.
    static let all: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: Repo.scenarios) else { return [] }
        var files: [String] = []
        for case let relative as String in walker where relative.hasSuffix(".scn") {
            files.append("scenarios/" + relative)
        }
        return files.sorted()
    }()

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: Repo.path(relative), encoding: .utf8)
    }
}

/// A fresh folder under the system temporary directory; removed by `remove()`.
struct TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "walletscript-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The diagnostic a line gives, or nil when it parses.
func diagnostic(_ line: String) -> Diagnostic? {
    if case .failure(let problem) = CommandTable.parse(line) { return problem }
    return nil
}

/// The command a line parses to, or nil when it does not (or is blank).
func command(_ line: String) -> AnyCommand? {
    if case .success(let parsed) = CommandTable.parse(line) { return parsed }
    return nil
}

/// The command a line parses to, as its own type.
func parsed<T: Command>(_ line: String, as type: T.Type) -> T? { command(line)?.base as? T }

/// A session after running `lines`, each of which must parse.
func session(after lines: [String]) -> Session {
    var session = Session()
    for line in lines {
        if case .failure(let problem) = session.run(line: line) {
            Issue.record("setup line does not parse: \(line): \(problem.rendered)")
        }
    }
    return session
}

/// The rendered output of one line in `session`.
func output(_ line: String, in session: inout Session) -> [String] {
    switch session.run(line: line) {
    case .success(let outcome?): return outcome.lines.map(\.text)
    case .success(nil): return []
    case .failure(let problem): return ["<diagnostic> " + problem.rendered]
    }
}

/// A short readable account of a scenario result, for failure comments.
func describe(_ result: ScenarioResult) -> String {
    var lines = result.diagnostics.map(\.rendered)
    for failure in result.failures {
        lines.append("\(result.path):\(failure.line): \(failure.source)")
        lines += failure.details.map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
}

/// Setup lines for a verified international user with a Visa card and CNY 500 on the pass.
let aliceWithPass = ["user alice", "verify", "card visa", "topup 500"]
