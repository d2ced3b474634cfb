import Foundation
import PackagePlugin

/// Generates WalletScript's command registry (`CommandTable.registered`,
/// `MoveSource.registered`) from the files in Sources/WalletScript/Commands/, so a new
/// command is its own file and a test, with no list to edit.
@main
struct CommandRegistry: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { $0.deletingLastPathComponent().lastPathComponent == "Commands" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "CommandRegistry.swift")
        return [.buildCommand(
            displayName: "Generating the command registry of \(target.name)",
            executable: try context.tool(named: "CommandRegistryGenerator").url,
            arguments: [output.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output])]
    }
}
