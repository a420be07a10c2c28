#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import KaderCore
import KaderPluginABI
import Logging
import Synchronization

/// Opens plugin files and checks each before trusting it: who owns it and who may write
/// it, then, in its own helper process, that it loads, exports the entry symbol and has a
/// well-formed descriptor of an ABI this kaderd speaks. A refusal says which check failed;
/// a plugin that crashes or hangs while loading is refused too, and never stops the daemon.
public enum PluginLoader {
    /// What `provides_json` holds.
    struct Provides: Decodable {
        var provinces: [String]
        var hooks: [String]
    }

    /// Every `*.so` of `folders`, in name order, loaded or refused. The helpers start side
    /// by side: loading waits for the slowest, not for all of them in turn.
    public static func load(folders: [String], isolation: PluginIsolation, logger: Logger)
        -> [Result<LoadedPlugin, PluginRecord>]
    {
        var paths: [String] = []
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".so") {
                paths.append((folder as NSString).appendingPathComponent(name))
            }
        }
        let results = Mutex([Int: Result<LoadedPlugin, PluginRecord>]())
        DispatchQueue.concurrentPerform(iterations: paths.count) { [paths] index in
            let result = load(path: paths[index], isolation: isolation, logger: logger)
            results.withLock { $0[index] = result }
        }
        return results.withLock { found in paths.indices.compactMap { found[$0] } }
    }

    /// Loads one file; a refusal comes back as the record that explains it. A relative path
    /// is taken from the current folder (dlopen would search the library path instead).
    public static func load(path given: String, isolation: PluginIsolation, logger: Logger)
        -> Result<LoadedPlugin, PluginRecord>
    {
        let path = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
        func refuse(_ reason: String, name: String? = nil, version: String? = nil, abi: UInt32? = nil)
            -> Result<LoadedPlugin, PluginRecord>
        {
            .failure(
                PluginRecord(
                    path: path, name: name, version: version, abiVersion: abi, state: .refused, reason: reason,
                    provinces: [], hooks: []))
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return refuse("cannot be read: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else { return refuse("is not a regular file") }
        guard info.st_uid == 0 || info.st_uid == geteuid() else {
            return refuse("is owned by uid \(info.st_uid), not by root or the service's user (uid \(geteuid()))")
        }
        guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
            return refuse("is writable by its group or by others (mode \(String(info.st_mode & 0o777, radix: 8)))")
        }
        let process: PluginProcess
        let hello: PluginHelperHello
        do {
            (process, hello) = try PluginProcess.start(path: path, isolation: isolation, logger: logger)
        } catch {
            return refuse(error.reason)
        }
        if let refused = hello.refused { return refuse(refused) }
        if let problem = hello.memoryLimitProblem {
            logger.warning(
                "plugin helper runs without its memory limit",
                metadata: ["plugin": "\(hello.name ?? path)", "error": "\(problem)"])
        }
        let (abi, name, version) = (hello.abi ?? 0, hello.name, hello.version)
        guard abi == KADER_PLUGIN_ABI_VERSION else {
            return refuse(
                "was built for plugin ABI \(abi); this kaderd speaks ABI \(KADER_PLUGIN_ABI_VERSION)", name: name,
                version: version, abi: abi)
        }
        guard let name, Program.isIdentifier(name) else {
            return refuse("its descriptor has no valid name (lowercase letters, digits, '-', '_')", abi: abi)
        }
        guard let version, !version.isEmpty else { return refuse("its descriptor has no version", name: name, abi: abi) }
        guard hello.hasFunctions == true else {
            return refuse("its descriptor lacks the call or free_reply function", name: name, version: version, abi: abi)
        }
        guard let providesText = hello.provides,
            let provides = try? JSONDecoder().decode(Provides.self, from: Data(providesText.utf8))
        else {
            return refuse(
                "its provides_json is not {\"provinces\": […], \"hooks\": […]}", name: name, version: version, abi: abi)
        }
        var provinces: [RegionCode] = []
        for code in provides.provinces {
            guard let region = try? RegionCode(code), region.level == .province else {
                return refuse("provides_json names '\(code)', which is not a province code", name: name, version: version, abi: abi)
            }
            provinces.append(region)
        }
        return .success(
            LoadedPlugin(
                name: name, version: version, path: path, provinces: provinces, hooks: provides.hooks, process: process))
    }
}

/// The plugin ABI this build speaks, for messages.
public enum KaderPluginABIVersion {
    public static let current = UInt32(KADER_PLUGIN_ABI_VERSION)
}
