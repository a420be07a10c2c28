import Foundation

/// A plugin folder and a config file naming it (`--config` it), as a sysadmin sets one up;
/// plugins are added as their authors build them.
public struct PluginFolder: Sendable {
    public static let header = PackageRoot.path + "/Sources/KaderPluginABI/include"

    public let path: String
    /// A kaderd.toml whose `plugin_dirs` is this folder alone.
    public let config: String

    public init(in directory: TemporaryDirectory) throws {
        path = directory.file("plugins")
        config = directory.file("plugins.toml")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "plugin_dirs = [\"\(path)\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// Compiles C `source` against the plugin ABI header alone into `name.so` here.
    @discardableResult
    public func build(_ name: String, source: String, mode: Int = 0o644) async throws -> String {
        try await Self.build(name, source: source, in: path, mode: mode)
    }

    /// Puts the Bali plugin (Swift, built with the package) here.
    public func addBali() throws {
        let bali = path + "/bali.so"
        try FileManager.default.copyItem(atPath: try Binaries.path("libKaderBaliPlugin.so"), toPath: bali)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: bali)
    }

    /// Compiles C `source` into `folder/name.so`, with the mode a plugin must have to be loaded.
    @discardableResult
    public static func build(_ name: String, source: String, in folder: String, mode: Int = 0o644) async throws -> String {
        let sourcePath = folder + "/" + name + ".c"
        try source.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        let output = folder + "/" + name + ".so"
        let compiled = try await run(
            "/usr/bin/env", ["cc", "-shared", "-fPIC", "-Wall", "-Werror", "-I", header, "-o", output, sourcePath])
        guard compiled.status == 0 else { throw CompileFailure(stderr: compiled.stderr) }
        try FileManager.default.removeItem(atPath: sourcePath)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: output)
        return output
    }

    public struct CompileFailure: Error, CustomStringConvertible {
        public let stderr: String
        public var description: String { "cc failed: \(stderr)" }
    }
}
