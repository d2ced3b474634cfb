import Foundation
import WalletCore

/// `tourpass coverage merge`: the `--coverage-json` files of several runs (a CI matrix's
/// shards) added up, rule by rule, into the counts one unsharded run gives. Counts merge by
/// adding (`RuleCoverage.merge`), so the text and the JSON of the total are the same bytes
/// as that run's.
public enum CoverageMerge {
    /// A problem with a file (exit 2), said with its path.
    public struct Problem: Error, Sendable, Equatable {
        public let message: String
    }

    /// A coverage file is about 8 KB; a file far past that is not one (read no further).
    static let maxFileBytes = 1 << 20

    /// The files' counts added up, in the order given (the sum is the same in any order).
    public static func merge(paths: [String]) -> Result<RuleCoverage, Problem> {
        var total = RuleCoverage()
        for path in paths {
            let text: String
            switch read(path) {
            case .success(let read): text = read
            case .failure(let problem): return .failure(problem)
            }
            switch parse(text, path: path) {
            case .success(let counts):
                guard let sum = adding(total, counts) else {
                    return .failure(Problem(message: "\(path): the counts are too large to add up"))
                }
                total = sum
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(total)
    }

    /// What a coverage file holds that the merge reads; the other keys are derived from it.
    private struct File: Decodable {
        struct Row: Decodable {
            let id: String
            let passed: Int
            let failed: Int
        }
        let by_rule: [Row]
    }

    /// One file's counts. It must list every rule of this tourpass's rule book once and no
    /// other: a file written by a version with other rules would give a wrong total.
    public static func parse(_ text: String, path: String) -> Result<RuleCoverage, Problem> {
        func problem(_ message: String) -> Result<RuleCoverage, Problem> {
            .failure(Problem(message: "\(path): \(message)"))
        }
        let notCoverage = "not a rule coverage file (`tourpass run --coverage-json FILE` writes one)"
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            var said = describe(error)
            // A count such as 1.5 is refused without a path: say what, since the text is JSON.
            if said == "not JSON", (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil {
                said = "a count is not a whole number"
            }
            return problem(said + "; " + notCoverage)
        } catch {
            return problem(notCoverage)
        }
        let index = Dictionary(RuleCoverage.entries.enumerated().map { ($0.element.rule.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var passed = [Int?](repeating: nil, count: RuleCoverage.entries.count)
        var failed = passed
        for row in file.by_rule {
            let shown = String(row.id.prefix(60))
            guard let at = index[row.id] else {
                return problem("rule '\(shown)' is not in this tourpass's rule book (was the file written by another version?)")
            }
            guard passed[at] == nil else { return problem("rule '\(shown)' is listed twice") }
            guard row.passed >= 0, row.failed >= 0 else { return problem("rule '\(shown)' has a negative count") }
            passed[at] = row.passed
            failed[at] = row.failed
        }
        if let missing = passed.firstIndex(where: { $0 == nil }) {
            let absent = passed.filter { $0 == nil }.count
            return problem("rule '\(RuleCoverage.entries[missing].rule.id)'\(absent > 1 ? " and \(absent - 1) more are" : " is") not in the file (was it written by another version?)")
        }
        guard let counts = RuleCoverage(passed: passed.map { $0 ?? 0 }, failed: failed.map { $0 ?? 0 }) else {
            return problem(notCoverage)
        }
        return .success(counts)
    }

    /// `by_rule[3].passed is not a whole number`: where the file differs from the format.
    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            let text = path.reduce("") { text, key in
                key.intValue.map { text + "[\($0)]" } ?? (text.isEmpty ? key.stringValue : text + "." + key.stringValue)
            }
            return text.isEmpty ? "the top level" : text
        }
        func kind(_ path: [any CodingKey]) -> String {
            switch path.last?.stringValue {
            case "id": return "a string"
            case "passed", "failed": return "a whole number"
            case "by_rule": return "a list"
            default: return "an object"
            }
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "not JSON"
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(at(context.codingPath)) is not \(kind(context.codingPath))"
        case .keyNotFound(let key, let context): return "no \"\(at(context.codingPath + [key]))\""
        @unknown default: return "not readable"
        }
    }

    /// The sum, or nil where a count would pass Int's range (absurd input, never a trap).
    private static func adding(_ a: RuleCoverage, _ b: RuleCoverage) -> RuleCoverage? {
        var passed = a.passed, failed = a.failed
        for index in passed.indices {
            let (p, pOver) = passed[index].addingReportingOverflow(b.passed[index])
            let (f, fOver) = failed[index].addingReportingOverflow(b.failed[index])
            if pOver || fOver { return nil }
            passed[index] = p
            failed[index] = f
        }
        return RuleCoverage(passed: passed, failed: failed)
    }

    /// The file's text, refused past `maxFileBytes` without reading it all.
    private static func read(_ path: String) -> Result<String, Problem> {
        let fd: Int32
        switch RegularFile.open(path) {
        case .failure(let failure): return .failure(Problem(message: "\(path): cannot read the file: \(failure.message)"))
        case .success(let opened): fd = opened
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Problem(message: "\(path): cannot read the file: \(String(cString: strerror(errno)))"))
            }
            if got == 0 { break }
            bytes += buffer[..<got]
            if bytes.count > maxFileBytes {
                return .failure(Problem(message: "\(path): larger than \(maxFileBytes / 1024) KB; not a rule coverage file (`tourpass run --coverage-json FILE` writes one)"))
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
