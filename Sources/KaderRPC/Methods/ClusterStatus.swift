#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The kaderd sharing a PostgreSQL store, as `daemon.status` shows them: this node, who
/// leads, and every node's last sign of life, by the database's clock as of `as_of` (the
/// latest heartbeat, a third of a lease ago at most).
public struct ClusterStatus: Codable, Sendable, Hashable {
    public struct Node: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
        public var pid: Int32
        public var startedAt: Date
        public var seenSecondsAgo: Double

        public init(name: String, version: String, pid: Int32, startedAt: Date, seenSecondsAgo: Double) {
            self.name = name
            self.version = version
            self.pid = pid
            self.startedAt = startedAt
            self.seenSecondsAgo = seenSecondsAgo
        }

        enum CodingKeys: String, CodingKey {
            case name, version, pid
            case startedAt = "started_at"
            case seenSecondsAgo = "seen_seconds_ago"
        }
    }

    /// This kaderd's `node_name`.
    public var node: String
    /// "leader" or "follower".
    public var role: String
    public var leader: String?
    public var term: Int64
    /// Since the leader last renewed its lease, and until it lapses unless renewed.
    public var leaseAgeSeconds: Double?
    public var leaseExpiresInSeconds: Double
    /// The database's clock less this machine's: what is due is decided on the database's.
    public var clockOffsetSeconds: Double
    public var asOf: Date
    public var nodes: [Node]

    public init(
        node: String, role: String, leader: String?, term: Int64, leaseAgeSeconds: Double?, leaseExpiresInSeconds: Double,
        clockOffsetSeconds: Double, asOf: Date, nodes: [Node]
    ) {
        self.node = node
        self.role = role
        self.leader = leader
        self.term = term
        self.leaseAgeSeconds = leaseAgeSeconds
        self.leaseExpiresInSeconds = leaseExpiresInSeconds
        self.clockOffsetSeconds = clockOffsetSeconds
        self.asOf = asOf
        self.nodes = nodes
    }

    enum CodingKeys: String, CodingKey {
        case node, role, leader, term, nodes
        case leaseAgeSeconds = "lease_age_seconds"
        case leaseExpiresInSeconds = "lease_expires_in_seconds"
        case clockOffsetSeconds = "clock_offset_seconds"
        case asOf = "as_of"
    }
}
