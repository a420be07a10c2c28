import Foundation
import KaderStore

/// The nodes and the leader's lease on PostgreSQL: a row per node (`kaderd_node`) and one
/// lease row (`kaderd_lease`), both on the database server's clock, so a node whose own
/// clock is off neither takes a lease early nor keeps one too long.
enum PostgresMembership {
    static let databaseNow = "extract(epoch FROM clock_timestamp())::float8"

    /// A lease taken this long after the last renewal means no node was alive meanwhile
    /// (the others try every third of a lease): the whole cluster was down, and the new
    /// leader owes a catch-up. A node taking over from one that died takes a lease and at
    /// most a third of one.
    static func clusterWasDown(since renewed: Double, now: Double, lease: Double) -> Bool {
        now - renewed > 2 * lease
    }
}

extension PostgresStore: StoreMembership {
    public var membership: (any StoreMembership)? { self }

    public func heartbeat(lease: Duration) async throws -> Lease {
        let (node, incarnation, version, pid) = (node, incarnation, version, getpid())
        let seconds = Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18
        return try await transaction { session in
            try session.execute("START TRANSACTION")
            let now = try session.value("SELECT \(unescaped: PostgresMembership.databaseNow)", as: Double.self) ?? 0
            try session.execute(
                """
                INSERT INTO kaderd_node (name, incarnation, version, pid, started_at, seen_at)
                VALUES (\(node), \(incarnation), \(version), \(Int32(pid)), \(now), \(now))
                ON CONFLICT (name) DO UPDATE SET
                  started_at = CASE WHEN kaderd_node.incarnation = excluded.incarnation
                               THEN kaderd_node.started_at ELSE excluded.started_at END,
                  incarnation = excluded.incarnation, version = excluded.version, pid = excluded.pid,
                  seen_at = excluded.seen_at
                """)
            let row = try session.rows(
                """
                SELECT holder, incarnation, term, renewed_at, expires_at, catch_up_since FROM kaderd_lease FOR UPDATE
                """)[0]
            let (holder, holderIncarnation): (String?, String?) = (try row[0], try row[1])
            var term: Int64 = try row[2]
            let renewed: Double? = try row[3]
            var expires: Double = try row[4]
            var catchUpSince: Double? = try row[5]
            var isMine = holderIncarnation == incarnation
            if isMine {
                expires = now + seconds
                try session.execute("UPDATE kaderd_lease SET renewed_at = \(now), expires_at = \(expires)")
            } else if holder == nil || expires <= now || holder == node {
                // Lapsed, never held, or held by this node before it restarted.
                let lastAlive = try renewed
                    ?? session.value("SELECT value FROM meta WHERE key = 'scheduler.last_alive'", as: String.self)
                        .flatMap(Double.init)
                if catchUpSince == nil, let lastAlive,
                    PostgresMembership.clusterWasDown(since: lastAlive, now: now, lease: seconds)
                {
                    catchUpSince = lastAlive
                }
                term += 1
                expires = now + seconds
                isMine = true
                try session.execute(
                    """
                    UPDATE kaderd_lease SET holder = \(node), incarnation = \(incarnation), term = \(term),
                      renewed_at = \(now), expires_at = \(expires), catch_up_since = \(catchUpSince)
                    """)
            }
            try session.execute("COMMIT")
            return Lease(
                holder: isMine ? node : holder, term: term, isMine: isMine,
                renewedAt: (isMine ? now : renewed).map(Date.init(timeIntervalSince1970:)),
                expiresAt: Date(timeIntervalSince1970: expires),
                catchUpSince: catchUpSince.map(Date.init(timeIntervalSince1970:)), readAt: Date(timeIntervalSince1970: now))
        }
    }

    public func resign() async throws {
        let incarnation = incarnation
        try await transaction { session in
            try session.execute(
                "UPDATE kaderd_lease SET expires_at = \(unescaped: PostgresMembership.databaseNow) WHERE incarnation = \(incarnation)")
        }
    }

    public func cluster() async throws -> ClusterView {
        let incarnation = incarnation
        return try await transaction { session in
            try session.execute("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let nodes = try session.rows("SELECT name, version, pid, started_at, seen_at FROM kaderd_node ORDER BY name").map {
                ClusterView.Node(
                    name: try $0[0], version: try $0[1], pid: try $0[2],
                    startedAt: Date(timeIntervalSince1970: try $0[3]), seenAt: Date(timeIntervalSince1970: try $0[4]))
            }
            let row = try session.rows(
                """
                SELECT holder, incarnation, term, renewed_at, expires_at, catch_up_since, \(unescaped: PostgresMembership.databaseNow)
                FROM kaderd_lease
                """)[0]
            let holderIncarnation: String? = try row[1]
            let renewed: Double? = try row[3]
            let catchUpSince: Double? = try row[5]
            let lease = Lease(
                holder: try row[0], term: try row[2], isMine: holderIncarnation == incarnation,
                renewedAt: renewed.map(Date.init(timeIntervalSince1970:)), expiresAt: Date(timeIntervalSince1970: try row[4]),
                catchUpSince: catchUpSince.map(Date.init(timeIntervalSince1970:)), readAt: Date(timeIntervalSince1970: try row[6]))
            try session.execute("COMMIT")
            return ClusterView(nodes: nodes, lease: lease)
        }
    }
}
