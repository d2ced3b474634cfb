import Foundation

/// `~` in a path typed at the console (`:save`, `:load`, `:report`, `include`, Tab
/// completion), as a shell reads it: `~` and `~/…` are `$HOME`, `~NAME/…` that account's
/// home. Foundation's `expandingTildeInPath` reads the account's home, not `$HOME`, so
/// `HOME=/tmp/h` still wrote to `/root`. A path in a scenario file is not expanded: a file
/// means the same on every machine. See docs/DECISIONS.md.
public enum HomePath {
    public static func expanded(_ path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
        guard path.hasPrefix("~") else { return path }
        guard path == "~" || path.hasPrefix("~/") else { return (path as NSString).expandingTildeInPath }
        // No HOME (or an empty one): the account's home, as a shell falls back to.
        guard let home, !home.isEmpty else { return (path as NSString).expandingTildeInPath }
        let base = home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == "~" { return base }
        return (base == "/" ? "" : base) + path.dropFirst()
    }
}
