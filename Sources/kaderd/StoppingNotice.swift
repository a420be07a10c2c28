import KaderSystemd
import Logging
import ServiceLifecycle

/// Tells systemd STOPPING=1 the moment a graceful shutdown begins.
///
/// Listed last among the services, so the group, which shuts services down in reverse
/// order, reaches it first: systemd learns of the stop before connections are drained, and
/// stops expecting watchdog pings while they are.
struct StoppingNotice: Service {
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: the group is already going down without a graceful phase
        }
        logger.info("stopping")
        do {
            try notifier.send(.stopping)
        } catch {
            logger.error("\(error)")
        }
    }
}

extension StoppingNotice: CustomStringConvertible {
    var description: String { "StoppingNotice" }
}
