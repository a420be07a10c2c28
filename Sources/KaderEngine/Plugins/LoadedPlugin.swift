#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KaderCore
import KaderPluginABI
import Logging
import Synchronization

/// A plugin in memory: its descriptor, and a lock so its calls come one at a time, as the
/// ABI promises plugins.
public final class LoadedPlugin: Sendable {
    public let name: String
    public let version: String
    public let path: String
    public let provinces: [RegionCode]
    public let hooks: [String]
    /// The descriptor's two functions. The ABI requires the descriptor to live in static
    /// storage for the life of the process, and kaderd never unloads a plugin, so the
    /// pointers stay valid; calls go through `lock` one at a time.
    private nonisolated(unsafe) let callFunction: kader_plugin_call_fn
    private nonisolated(unsafe) let freeFunction: kader_plugin_free_fn
    private let lock = Mutex(())

    /// The largest reply read from a plugin; more is refused as malformed.
    static let maximumReplyBytes = 4 << 20

    init(
        name: String, version: String, path: String, provinces: [RegionCode], hooks: [String],
        call: kader_plugin_call_fn, free: kader_plugin_free_fn
    ) {
        self.name = name
        self.version = version
        self.path = path
        self.provinces = provinces
        self.hooks = hooks
        self.callFunction = call
        self.freeFunction = free
    }

    public func applies(to region: RegionCode, hook: String) -> Bool {
        hooks.contains(hook) && provinces.contains(region.province)
    }

    /// Calls a hook with a JSON request and decodes the reply, treating it as untrusted.
    /// At debug level the request and the reply are logged, for plugin authors.
    func call<Request: Encodable, Reply: Decodable>(
        _ hook: String, _ request: Request, as reply: Reply.Type, logger: Logger
    ) throws(PluginError) -> Reply {
        let text: String
        do {
            // Keys sorted: the same request is the same text every time (Foundation's own
            // order varies from run to run), which a plugin scanning for a member can rely on.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            text = String(decoding: try encoder.encode(request), as: UTF8.self)
        } catch {
            throw PluginError(plugin: name, hook: hook, reason: "the request could not be encoded: \(error)")
        }
        let replyBytes: [UInt8]? = lock.withLock { _ in
            guard let pointer = callFunction(hook, text) else { return nil }
            defer { freeFunction(pointer) }
            let length = strnlen(pointer, Self.maximumReplyBytes + 1)
            return Array(UnsafeRawBufferPointer(start: pointer, count: length))
        }
        logger.debug(
            "plugin call",
            metadata: [
                "plugin": "\(name)", "hook": "\(hook)", "request": "\(text)",
                "reply": "\(replyBytes.map { String(decoding: $0.prefix(2000), as: UTF8.self) } ?? "(none)")",
            ])
        guard let replyBytes else { throw PluginError(plugin: name, hook: hook, reason: "it returned no reply") }
        guard replyBytes.count <= Self.maximumReplyBytes else {
            throw PluginError(plugin: name, hook: hook, reason: "its reply is longer than \(Self.maximumReplyBytes) bytes")
        }
        if let failure = try? JSONDecoder().decode(PluginFailure.self, from: Data(replyBytes)) {
            throw PluginError(plugin: name, hook: hook, reason: failure.error)
        }
        do {
            return try JSONDecoder().decode(Reply.self, from: Data(replyBytes))
        } catch {
            let excerpt = String(decoding: replyBytes.prefix(200), as: UTF8.self)
            throw PluginError(plugin: name, hook: hook, reason: "its reply is not what \(hook) answers: \(excerpt)")
        }
    }
}

/// A reply that reports a failure: {"error": "why"}.
struct PluginFailure: Decodable {
    let error: String
}
