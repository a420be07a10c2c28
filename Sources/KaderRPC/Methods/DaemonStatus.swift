import OrderedCollections
// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
                "connections_served": ["type": "integer"],
                "last_reload": [
                    "type": ["string", "null"], "format": "date-time",
                    "description": "When the configuration was last reloaded successfully.",
                ],
                "last_reload_error": [
                    "type": ["string", "null"],
                    "description": "Why the latest reload was refused; null once a reload succeeds.",
                ],
                "schedule": [
                    "type": "object",
                    "description": "active_workflows, tasks by state, next_due task, last_catch_up",
                ],
                "cluster": [
                    "type": ["object", "null"],
                    "description": .string(
                        "With a PostgreSQL store: node, role, leader, term, lease_age_seconds, lease_expires_in_seconds, "
                            + "clock_offset_seconds, as_of, and nodes (name, version, pid, started_at, seen_seconds_ago)"),
                ],
                "holidays": .objectSchema([
                    "first_year": ["type": "integer"],
                    "last_year": ["type": "integer"],
                    "warning": [
                        "type": ["string", "null"],
                        "description": "Set once fewer than 12 months of the national holiday data remain.",
                    ],
                ]),
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
    /// The settings in use: every key of kaderd.toml, with the value it has now.
    public var config: [String: SettingValue]?
    /// Connections accepted since start.
    public var connectionsServed: UInt64?
    /// The latest successful reload, nil when there was none.
    public var lastReload: Date?
    /// Why the latest reload was refused (the old configuration still runs), nil when it was not.
    public var lastReloadError: String?

    public var schedule: ScheduleStatus?
    /// The nodes on a shared PostgreSQL store; nil with SQLite.
    public var cluster: ClusterStatus?
    /// The years of national holidays the daemon knows.
    public var holidays: HolidayDataStatus?

    public init(
        version: String, pid: Int32, startedAt: Date, uptimeSeconds: Double, socket: String, stateDir: String,
        configFile: String?, connectionsServed: UInt64? = nil, lastReload: Date? = nil, lastReloadError: String? = nil,
        schedule: ScheduleStatus? = nil, cluster: ClusterStatus? = nil, holidays: HolidayDataStatus? = nil
    ) {
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.socket = socket
        self.stateDir = stateDir
        self.configFile = configFile
        self.connectionsServed = connectionsServed
        self.lastReload = lastReload
        self.lastReloadError = lastReloadError
        self.schedule = schedule
        self.cluster = cluster
        self.holidays = holidays
    }

    enum CodingKeys: String, CodingKey {
        case version, pid, socket, schedule, cluster, holidays
        case startedAt = "started_at"
        case uptimeSeconds = "uptime_seconds"
        case stateDir = "state_dir"
        case configFile = "config_file"
        case config
        case connectionsServed = "connections_served"
        case lastReload = "last_reload"
        case lastReloadError = "last_reload_error"
    }
}

extension DaemonStatus {
    /// The fields that change with every call. Everything else changes only when the
    /// daemon's state does, so a server may keep the rest of the encoding between calls.
    public static let uptimeSecondsKey = CodingKeys.uptimeSeconds.stringValue
    public static let connectionsServedKey = CodingKeys.connectionsServed.stringValue
}

/// The national holiday data a daemon plans with: which years it covers, and a warning
/// once it runs out within a year (no holiday after it is known, so none is avoided).
public struct HolidayDataStatus: Codable, Sendable, Hashable {
    public var firstYear: Int
    public var lastYear: Int
    public var warning: String?

    public init(firstYear: Int, lastYear: Int, warning: String?) {
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.warning = warning
    }

    enum CodingKeys: String, CodingKey {
        case warning
        case firstYear = "first_year"
        case lastYear = "last_year"
    }
}

/// One setting's value in `daemon.status`'s `config`: text, a number or a list of text.
public enum SettingValue: Codable, Sendable, Hashable {
    case text(String)
    case number(Double)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .list(let list): try container.encode(list)
        }
    }
}
