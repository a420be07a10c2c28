import Foundation

/// Where the built `kaderd` and `kaderctl` are: beside the test bundle, since `swift build`
/// and `swift test` share one build folder (or `KADER_BIN_DIR` when set).
public enum Binaries {
    public static var directory: String {
        if let explicit = ProcessInfo.processInfo.environment["KADER_BIN_DIR"], !explicit.isEmpty {
            return explicit
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // The test runner lives in `…/debug/kaderdPackageTests.xctest` (a file on Linux).
        while directory.pathComponents.count > 1,
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent("kaderd").path)
        {
            directory.deleteLastPathComponent()
            if directory.lastPathComponent == ".build" { break }
        }
        return directory.path
    }

    public static func path(_ name: String) throws -> String {
        let candidate = directory + "/" + name
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw MissingBinary(path: candidate)
        }
        return candidate
    }

    public struct MissingBinary: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) is not built: run `swift build` before `swift test` (make test does)" }
    }
}
