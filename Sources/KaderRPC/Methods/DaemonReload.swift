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
            "required": ["reloaded_at", "log_level", "needs_restart", "tasks_on_new_blackouts", "blackout_files_refused"],
            "properties": [
                "reloaded_at": ["type": "string", "format": "date-time"],
                "config_file": ["type": ["string", "null"]],
                "log_level": ["type": "string"],
                "needs_restart": [
                    "type": "array", "items": ["type": "string"],
                    "description": "Settings that changed in the file but only take effect after a restart.",
                ],
                "tasks_on_new_blackouts": [
                    "type": "integer",
                    "description": .string(
                        "Scheduled and due tasks whose window now opens on a blackout that was not there "
                            + "before the reload; they are not moved (blackout.list with affected lists them)."),
                ],
                "blackout_files_refused": [
                    "type": "array", "items": ["type": "string"],
                    "description": .string(
                        "Each problem of each blackout file refused, as FILE:LINE: message; a refused file "
                            + "that loaded before keeps its previous blackouts."),
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
    /// Scheduled and due tasks that the reload's new blackouts fall on: planned work is
    /// never moved silently, so the operator is told how many to look at.
    public var tasksOnNewBlackouts: Int
    /// `FILE:LINE: message` for each problem of each blackout file refused.
    public var blackoutFilesRefused: [String]

    public init(
        reloadedAt: Date, configFile: String?, logLevel: String, needsRestart: [String], tasksOnNewBlackouts: Int = 0,
        blackoutFilesRefused: [String] = []
    ) {
        self.reloadedAt = reloadedAt
        self.configFile = configFile
        self.logLevel = logLevel
        self.needsRestart = needsRestart
        self.tasksOnNewBlackouts = tasksOnNewBlackouts
        self.blackoutFilesRefused = blackoutFilesRefused
    }

    enum CodingKeys: String, CodingKey {
        case reloadedAt = "reloaded_at"
        case configFile = "config_file"
        case logLevel = "log_level"
        case needsRestart = "needs_restart"
        case tasksOnNewBlackouts = "tasks_on_new_blackouts"
        case blackoutFilesRefused = "blackout_files_refused"
    }
}
