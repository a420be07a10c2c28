import KaderSystemd
import Logging
import ServiceLifecycle

/// The daemon's work loop until the scheduler exists: it stands in for the scheduler's loop.
///
/// Each pass does the loop's share of the daemon's work (today: keeping the STATUS= line
/// current) and then pings the watchdog. The ping belongs at the end of a pass of the real
/// loop, so that a pass that never finishes stops the pings and systemd restarts the
/// service. When the scheduler's loop arrives, it takes over `watchdog.ping()` and the
/// status refresh, and this type goes.
struct Heartbeat: Service {
    /// Without a watchdog, how often STATUS= is brought up to date.
    static let statusInterval = Duration.seconds(5)

    let watchdog: Watchdog?
    let status: StatusReporter
    let logger: Logger

    var interval: Duration {
        guard let watchdog else { return Self.statusInterval }
        return min(watchdog.passInterval, Self.statusInterval)
    }

    func run() async {
        if let watchdog {
            logger.info("watchdog enabled", metadata: ["timeout": "\(watchdog.timeout)"])
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                pass()
                // Cancelled means shutting down: the loop ends, which is not a failure.
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    private func pass() {
        status.refresh()
        do {
            try watchdog?.ping()
        } catch {
            logger.error("\(error)")
        }
    }
}

extension Heartbeat: CustomStringConvertible {
    var description: String { "Heartbeat" }
}
