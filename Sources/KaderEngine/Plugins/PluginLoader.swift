#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KaderCore
import KaderPluginABI

/// Opens plugin files and checks each before trusting it: who owns it and who may write
/// it, that it exports the entry symbol, and that its descriptor is well formed and of an
/// ABI this kaderd speaks. A refusal says which check failed; it never stops the daemon.
public enum PluginLoader {
    /// What `provides_json` holds.
    struct Provides: Decodable {
        var provinces: [String]
        var hooks: [String]
    }

    /// Every `*.so` of `folders`, in name order, loaded or refused.
    public static func load(folders: [String]) -> [Result<LoadedPlugin, PluginRecord>] {
        var results: [Result<LoadedPlugin, PluginRecord>] = []
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".so") {
                results.append(load(path: (folder as NSString).appendingPathComponent(name)))
            }
        }
        return results
    }

    /// Loads one file; a refusal comes back as the record that explains it. A relative path
    /// is taken from the current folder (dlopen would search the library path instead).
    public static func load(path given: String) -> Result<LoadedPlugin, PluginRecord> {
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
        // Never closed: a Swift plugin cannot be unloaded safely, and the descriptor must stay valid.
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            return refuse("cannot be loaded: \(dlerror().map { String(cString: $0) } ?? "unknown error")")
        }
        guard let symbol = dlsym(handle, KADER_PLUGIN_ENTRY_SYMBOL) else {
            return refuse("does not export \(KADER_PLUGIN_ENTRY_SYMBOL)")
        }
        let entry = unsafeBitCast(symbol, to: kader_plugin_entry_fn.self)
        guard let descriptor = entry() else { return refuse("its entry point returned no descriptor") }
        let abi = descriptor.pointee.abi_version
        let name = descriptor.pointee.name.map { String(cString: $0) }
        let version = descriptor.pointee.version.map { String(cString: $0) }
        guard abi == KADER_PLUGIN_ABI_VERSION else {
            return refuse(
                "was built for plugin ABI \(abi); this kaderd speaks ABI \(KADER_PLUGIN_ABI_VERSION)", name: name,
                version: version, abi: abi)
        }
        guard let name, Program.isIdentifier(name) else {
            return refuse("its descriptor has no valid name (lowercase letters, digits, '-', '_')", abi: abi)
        }
        guard let version, !version.isEmpty else { return refuse("its descriptor has no version", name: name, abi: abi) }
        guard let call = descriptor.pointee.call, let free = descriptor.pointee.free_reply else {
            return refuse("its descriptor lacks the call or free_reply function", name: name, version: version, abi: abi)
        }
        guard let providesText = descriptor.pointee.provides_json.map({ String(cString: $0) }),
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
                name: name, version: version, path: path, provinces: provinces, hooks: provides.hooks, call: call,
                free: free))
    }
}

/// The plugin ABI this build speaks, for messages.
public enum KaderPluginABIVersion {
    public static let current = UInt32(KADER_PLUGIN_ABI_VERSION)
}
