// swift-tools-version: 6.1
import PackageDescription

// Release builds let the interpreter inline the core's small accessors (a user's field, a
// rule's predicate) instead of calling across the module boundary: see docs/BENCHMARKS.md.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "TourPassLab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tourpass", targets: ["tourpass"]),
        .library(name: "WalletCore", targets: ["WalletCore"]),
        .library(name: "WalletScript", targets: ["WalletScript"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The domain: pure, no I/O.
        .target(name: "WalletCore", swiftSettings: crossModule),
        // The command language: lexer, command table, interpreter, scenarios, runner.
        .target(name: "WalletScript", dependencies: ["WalletCore"], swiftSettings: crossModule, plugins: ["CommandRegistry"]),
        // The command registry: every file in WalletScript/Commands/ that declares a
        // `static let spec` or `static let moves`, listed at build time (a new command is one file).
        .executableTarget(name: "CommandRegistryGenerator", path: "Plugins/CommandRegistryGenerator"),
        .plugin(name: "CommandRegistry", capability: .buildTool(), dependencies: ["CommandRegistryGenerator"]),
        // libedit, reached through pkg-config; non-variadic C wrappers.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CEditLine", dependencies: ["CLibEdit"]),
        // A thin line editor over CEditLine, linked only by the executable.
        // DisplayWidth comes from WalletCore: the command language's tables use it too.
        .target(name: "LineEditor", dependencies: ["CEditLine", "WalletCore"]),
        .executableTarget(
            name: "tourpass",
            dependencies: [
                "WalletScript",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "WalletCoreTests", dependencies: ["WalletCore"]),
        .testTarget(name: "WalletScriptTests", dependencies: ["WalletScript"]),
        // Schemas/ holds the JUnit XSD read by path from the tests, not a resource.
        .testTarget(
            name: "TourpassTests", dependencies: ["WalletScript", "tourpass"], exclude: ["Schemas"]),
    ],
    swiftLanguageModes: [.v6]
)
