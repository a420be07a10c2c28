import OrderedCollections
import Foundation

extension RPCMethodDescriptor {
    public static let daemonStatus = RPCMethodDescriptor(
        name: "daemon.status",
        summary: "The daemon's version, process, uptime and where it keeps its socket and state.",
        access: .read,
        result: [
            "type": "object",
            "required": ["version", "pid", "started_at", "uptime_seconds", "socket", "state_dir"],
            "properties": [
                "version": ["type": "string"],
                "pid": ["type": "integer"],
                "started_at": ["type": "string", "format": "date-time"],
                "uptime_seconds": ["type": "number"],
                "socket": ["type": "string"],
                "state_dir": ["type": "string"],
                "config_file": ["type": ["string", "null"]],
                "schedule": [
                    "type": "object",
                    "description": "active_workflows, tasks by state, next_due task, last_catch_up",
                ],
            ],
        ]
    )
}

/// The result of `daemon.status`.
public struct DaemonStatus: Codable, Sendable, Hashable {
    public var version: String
    public var pid: Int32
    public var startedAt: Date
    public var uptimeSeconds: Double
    public var socket: String
    public var stateDir: String
    /// The configuration file that was read, or nil when every setting is a default.
    public var configFile: String?
    public var schedule: ScheduleStatus?

    public init(
        version: String, pid: Int32, startedAt: Date, uptimeSeconds: Double, socket: String, stateDir: String,
        configFile: String?, schedule: ScheduleStatus? = nil
    ) {
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.socket = socket
        self.stateDir = stateDir
        self.configFile = configFile
        self.schedule = schedule
    }

    enum CodingKeys: String, CodingKey {
        case version, pid, socket, schedule
        case startedAt = "started_at"
        case uptimeSeconds = "uptime_seconds"
        case stateDir = "state_dir"
        case configFile = "config_file"
    }
}
