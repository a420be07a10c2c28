import Dispatch
import Foundation
import KaderCore
import Logging

/// A plugin kaderd has loaded: what its descriptor said, and the helper process that runs
/// its code. Every reply is untrusted input.
public final class LoadedPlugin: Sendable {
    public let name: String
    public let version: String
    public let path: String
    public let provinces: [RegionCode]
    public let hooks: [String]
    let process: PluginProcess
    /// Where async callers wait for the helper: a call may block for the whole timeout,
    /// which must not hold a thread of Swift's small cooperative pool.
    private let queue: DispatchQueue

    init(name: String, version: String, path: String, provinces: [RegionCode], hooks: [String], process: PluginProcess) {
        self.name = name
        self.version = version
        self.path = path
        self.provinces = provinces
        self.hooks = hooks
        self.process = process
        queue = DispatchQueue(label: "kaderd.plugin.\(name)")
    }

    public func applies(to region: RegionCode, hook: String) -> Bool {
        hooks.contains(hook) && provinces.contains(region.province)
    }

    /// `call`, off the caller's thread.
    func call<Request: Encodable & Sendable, Reply: Decodable & Sendable>(
        _ hook: String, _ request: Request, as reply: Reply.Type, logger: Logger
    ) async throws(PluginError) -> Reply {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Reply, PluginError>, Never>) in
            queue.async {
                continuation.resume(returning: Result { () throws(PluginError) -> Reply in
                    try self.call(hook, request, as: Reply.self, logger: logger)
                })
            }
        }
        return try result.get()
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
        let replyBytes: [UInt8]?
        do {
            replyBytes = try process.call(hook, text)
        } catch {
            throw PluginError(plugin: name, hook: hook, reason: error.reason)
        }
        logger.debug(
            "plugin call",
            metadata: [
                "plugin": "\(name)", "hook": "\(hook)", "request": "\(text)",
                "reply": "\(replyBytes.map { String(decoding: $0.prefix(2000), as: UTF8.self) } ?? "(none)")",
            ])
        func refuse(_ reason: String) -> PluginError {
            process.recordFailure(reason, in: hook)
            return PluginError(plugin: name, hook: hook, reason: reason)
        }
        guard let replyBytes else { throw refuse("it returned no reply") }
        let limit = process.maximumReplyBytes
        guard replyBytes.count <= limit else { throw refuse("its reply is longer than \(limit) bytes") }
        let data = Data(replyBytes)
        // Only a reply that names an error is read as a failure: decoding twice every time
        // would double the cost of every call.
        if let failure = Self.failure(in: data) {
            throw refuse(failure.error)
        }
        do {
            return try JSONDecoder().decode(Reply.self, from: data)
        } catch {
            let excerpt = String(decoding: replyBytes.prefix(200), as: UTF8.self)
            throw refuse("its reply is not what \(hook) answers: \(excerpt)")
        }
    }
}

/// A reply that reports a failure: {"error": "why"}.
struct PluginFailure: Decodable {
    let error: String
}

extension LoadedPlugin {
    /// The failure a reply reports, when it has an `"error"` member at all.
    fileprivate static func failure(in data: Data) -> PluginFailure? {
        guard data.range(of: Data(#""error""#.utf8)) != nil else { return nil }
        return try? JSONDecoder().decode(PluginFailure.self, from: data)
    }
}
