import Foundation
import KaderStore
import Logging
import Synchronization

/// Whether this kaderd leads the nodes sharing its store: a heartbeat every third of the
/// lease keeps this node's row alive and renews (or takes) the leader's lease. The
/// scheduler runs its passes only while this says it leads; the lease's term fences
/// those writes, so a leader that was paused past its lease writes nothing when it wakes.
public final class Leadership: Sendable {
    public enum Role: Sendable, Hashable {
        case leader(term: Int64)
        /// `leader` is the node holding the lease, as last read; nil when none is known.
        case follower(leader: String?)
    }

    /// Who writes as leader, for the history entries of the leader's work.
    public struct Term: Sendable, Hashable {
        public var node: String
        public var term: Int64

        var detail: [String: String] { ["node": node, "term": String(term)] }
    }

    private struct State {
        var role = Role.follower(leader: nil)
        var lease: Lease?
        var cluster: ClusterView?
        var clockOffset: TimeInterval = 0
    }

    public let membership: any StoreMembership
    public let lease: Duration
    private let logger: Logger
    private let state = Mutex(State())

    public init(membership: any StoreMembership, lease: Duration, logger: Logger) {
        self.membership = membership
        self.lease = lease
        self.logger = logger
    }

    /// How often the lease is renewed, or tried for.
    public var renewal: Duration { lease / 3 }

    public var role: Role { state.withLock { $0.role } }

    /// The term this node leads in; nil while it follows.
    public var term: Term? {
        guard case .leader(let term) = role else { return nil }
        return Term(node: membership.node, term: term)
    }

    /// The nodes and the lease as of the latest heartbeat, for `daemon.status`.
    public var cluster: ClusterView? { state.withLock { $0.cluster } }

    /// The database's clock less this machine's, as of the latest heartbeat. The leader
    /// decides what is due by the database's clock: a node whose clock runs ten minutes
    /// fast fires nothing early, and a new leader carries on from the same time.
    public var clockOffset: TimeInterval { state.withLock { $0.clockOffset } }

    /// When the whole cluster was down since, while this node leads and the catch-up is
    /// still owed.
    public var catchUpOwed: Date? {
        state.withLock { state in
            guard case .leader = state.role else { return nil }
            return state.lease?.catchUpSince
        }
    }

    /// The catch-up was made (its transaction cleared the lease's mark too).
    public func caughtUp() {
        state.withLock { $0.lease?.catchUpSince = nil }
    }

    /// One heartbeat. A node that cannot reach the database stops leading at once: it could
    /// not write anyway, and the lease may pass to another node meanwhile.
    @discardableResult
    public func beat() async -> Role {
        let role: Role
        do {
            let asked = Date()
            let lease = try await membership.heartbeat(lease: self.lease)
            // The database read its clock about halfway through the round trip.
            let offset = lease.readAt.timeIntervalSince(asked.addingTimeInterval(Date().timeIntervalSince(asked) / 2))
            let cluster = try await membership.cluster()
            role = lease.isMine ? .leader(term: lease.term) : .follower(leader: lease.holder)
            changeRole(to: role) { state in
                state.lease = lease
                state.cluster = cluster
                state.clockOffset = offset
            }
        } catch {
            role = .follower(leader: nil)
            changeRole(to: role) { $0.lease = nil }
            logger.warning("cannot renew this node's lease or membership", metadata: ["error": "\(error)"])
        }
        return role
    }

    /// Beats until cancelled.
    public func run() async {
        while !Task.isCancelled {
            await beat()
            try? await Task.sleep(for: renewal)
        }
    }

    /// Gives the lease up, at a graceful shutdown: the next leader need not wait for it to lapse.
    public func resign() async {
        changeRole(to: .follower(leader: nil)) { $0.lease = nil }
        do {
            try await membership.resign()
        } catch {
            logger.warning("cannot give the lease up; it lapses by itself", metadata: ["error": "\(error)"])
        }
    }

    private func changeRole(to role: Role, _ update: (inout State) -> Void) {
        let previous = state.withLock { state in
            defer { state.role = role; update(&state) }
            return state.role
        }
        guard previous != role else { return }
        switch role {
        case .leader(let term):
            logger.notice("this node leads", metadata: ["node": "\(membership.node)", "term": "\(term)"])
        case .follower(let leader):
            if case .leader = previous {
                logger.warning("this node no longer leads", metadata: ["node": "\(membership.node)", "leader": "\(leader ?? "none")"])
            } else if let leader {
                logger.info("another node leads", metadata: ["node": "\(membership.node)", "leader": "\(leader)"])
            }
        }
    }
}
