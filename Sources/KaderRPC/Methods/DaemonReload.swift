// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OrderedCollections

extension RPCMethodDescriptor {
    public static let daemonReload = RPCMethodDescriptor(
        name: "daemon.reload",
        summary: "Re-reads the configuration file, as SIGHUP does. An invalid file is refused with "
            + "kind 'invalid' and the running configuration is kept. Connections are not dropped.",
        access: .write,
        result: [
            "type": "object",
            "required": ["reloaded_at", "log_level", "needs_restart"],
            "properties": [
                "reloaded_at": ["type": "string", "format": "date-time"],
                "config_file": ["type": ["string", "null"]],
                "log_level": ["type": "string"],
                "needs_restart": [
                    "type": "array", "items": ["type": "string"],
                    "description": "Settings that changed in the file but only take effect after a restart.",
                ],
            ],
        ]
    )
}

/// The result of `daemon.reload`: what the daemon runs with now.
public struct DaemonReloadResult: Codable, Sendable, Hashable {
    public var reloadedAt: Date
    public var configFile: String?
    public var logLevel: String
    /// Config keys whose new value waits for a restart (`socket`, `state_dir`).
    public var needsRestart: [String]

    public init(reloadedAt: Date, configFile: String?, logLevel: String, needsRestart: [String]) {
        self.reloadedAt = reloadedAt
        self.configFile = configFile
        self.logLevel = logLevel
        self.needsRestart = needsRestart
    }

    enum CodingKeys: String, CodingKey {
        case reloadedAt = "reloaded_at"
        case configFile = "config_file"
        case logLevel = "log_level"
        case needsRestart = "needs_restart"
    }
}
