import Foundation

/// A plugin written in C for a test, compiled against the plugin ABI header alone, as a
/// plugin author would build one.
public enum CPlugin {
    public static let header = PackageRoot.path + "/Sources/KaderPluginABI/include"

    /// Compiles `source` into `folder/name.so` with the mode a plugin must have to be loaded.
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
