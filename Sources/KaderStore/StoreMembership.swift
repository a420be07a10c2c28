import Foundation

/// The kaderd sharing one store, and the lease that makes one of them the leader.
///
/// Work that must happen once per cluster (the scheduler's passes, the catch-up after the
/// whole cluster was down) runs on the lease's holder only, and its writes are fenced by
/// the lease's term (`StoreWriter.fence(term:)`). A store that only one kaderd can open
/// (SQLite) has no membership: that kaderd does all of it.
public protocol StoreMembership: Sendable {
    /// This kaderd's name among the nodes.
    var node: String { get }

    /// Marks this node alive; renews the lease if this process holds it, or takes it if it
    /// has lapsed or was held by this node's name before a restart. Times are the database's.
    func heartbeat(lease: Duration) async throws -> Lease

    /// Every node that has run on the store, and the lease.
    func cluster() async throws -> ClusterView

    /// Gives the lease up if this process holds it, so that another node takes it at its
    /// next heartbeat rather than when it lapses.
    func resign() async throws
}

/// The leader's lease, as the database holds it.
public struct Lease: Sendable, Hashable {
    /// The node that holds or last held it; nil before any did.
    public var holder: String?
    /// Grows by one with each new holder.
    public var term: Int64
    /// Whether this process holds it (not merely a node of the same name).
    public var isMine: Bool
    public var renewedAt: Date?
    public var expiresAt: Date
    /// Set when the lease was taken after the whole cluster was down since this instant:
    /// the holder owes the catch-up, and clears this in the catch-up's own transaction.
    public var catchUpSince: Date?
    /// The database's clock when the lease was read.
    public var readAt: Date

    public init(
        holder: String?, term: Int64, isMine: Bool, renewedAt: Date?, expiresAt: Date, catchUpSince: Date?, readAt: Date
    ) {
        self.holder = holder
        self.term = term
        self.isMine = isMine
        self.renewedAt = renewedAt
        self.expiresAt = expiresAt
        self.catchUpSince = catchUpSince
        self.readAt = readAt
    }
}

/// The nodes and the lease, for `daemon.status`.
public struct ClusterView: Sendable, Hashable {
    public struct Node: Sendable, Hashable {
        public var name: String
        public var version: String
        public var pid: Int32
        public var startedAt: Date
        /// When it last marked itself alive, by the database's clock.
        public var seenAt: Date

        public init(name: String, version: String, pid: Int32, startedAt: Date, seenAt: Date) {
            self.name = name
            self.version = version
            self.pid = pid
            self.startedAt = startedAt
            self.seenAt = seenAt
        }
    }

    public var nodes: [Node]
    public var lease: Lease

    public init(nodes: [Node], lease: Lease) {
        self.nodes = nodes
        self.lease = lease
    }
}
