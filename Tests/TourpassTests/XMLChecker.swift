import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

enum XMLChecker {
    /// True when Foundation's XML parser reads `text` to the end without an error.
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
