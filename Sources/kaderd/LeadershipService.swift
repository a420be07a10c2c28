import KaderEngine
import ServiceLifecycle

/// Keeps this node's membership and the leader's lease alive while the daemon runs. At a
/// graceful shutdown it stops beating and gives the lease up, for another node to take.
struct LeadershipService: Service {
    let leadership: Leadership

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await leadership.run()
        }
        await leadership.resign()
    }
}
