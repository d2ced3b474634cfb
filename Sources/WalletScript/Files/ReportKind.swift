import Foundation

/// What a writer of reports writes, told by the opening bytes of a file it wrote before. An
/// existing file is replaced only when it opens as the same kind (a report of an earlier
/// run): `--json package.json b.json`, `--junit notes.txt`, `--html index.html` would
/// otherwise replace a file that is not the tool's to replace.
public enum ReportKind: Sendable {
    /// `run --coverage-json`, `coverage merge --json`.
    case coverageJSON
    /// `run --junit`, `XML_OUTPUT_FILE`.
    case junit
    /// `report --html`, `:report`.
    case html
    /// `explore --out`: a scenario it found (`--reach`, `--all`) or a shrunk violation (`--random`).
    case exploreScenario
    /// `explore --all`'s `summary.txt`.
    case exploreSummary

    /// `a coverage report`, for the message.
    var noun: String {
        switch self {
        case .coverageJSON: return "a coverage report (`--coverage-json`)"
        case .junit: return "a JUnit report of tourpass"
        case .html: return "a TourPass Lab HTML report"
        case .exploreScenario: return "a scenario `tourpass explore` wrote"
        case .exploreSummary: return "an `explore --all` summary"
        }
    }

    /// Whether `head` (a file's first bytes) opens as this kind of file.
    func opens(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        switch self {
        case .coverageJSON:
            // `{` then the first key, whatever the spacing.
            let body = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
            guard body.first == "{" else { return false }
            return body.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }.hasPrefix("\"rules\"")
        case .junit: return text.hasPrefix("<?xml") && text.contains("<testsuites name=\"tourpass\"")
        case .html: return text.hasPrefix("<!DOCTYPE html>") && text.contains("<title>TourPass Lab")
        case .exploreScenario:
            let first = text.prefix { $0 != "\n" }
            return first.hasPrefix("# explore --random ") || (first.hasPrefix("# ") && first.contains(": reached in "))
        case .exploreSummary: return text.hasPrefix("target ")
        }
    }
}
