import Foundation
import KaderSQLite
import KaderSystemd
import Logging
import Synchronization

/// Says, while the store's schema migrations run at start-up, which one is running: in the
/// log, on systemd's STATUS= line, and by extending the start timeout, so that a migration
/// over millions of tasks is neither a silent wait nor killed by `TimeoutStartSec`.
final class MigrationNotice: Sendable {
    /// How much more time each extension asks for, and how often one is sent while a
    /// migration runs: well inside each other, so the deadline never comes.
    static let moreTime = NotifyMessage.extendTimeout(microseconds: 60_000_000)
    static let interval = Duration.seconds(20)

    private enum State {
        case idle
        case migrating(started: ContinuousClock.Instant, count: Int, keepalive: Task<Void, Never>)
    }

    private let notifier: SystemdNotifier
    private let logger: Logger
    private let state = Mutex(State.idle)

    init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// One migration is about to run.
    func starting(_ migration: StoreMigration) {
        logger.notice(
            "migrating the store",
            metadata: ["migration": "\(migration.name)", "step": "\(migration.number) of \(migration.count)"])
        send(.status("Migrating the store to \(migration.version) (\(migration.number) of \(migration.count)): \(migration.name)"))
        send(Self.moreTime)
        state.withLock { state in
            switch state {
            case .migrating(let started, let count, let keepalive):
                state = .migrating(started: started, count: count + 1, keepalive: keepalive)
            case .idle:
                let keepalive = Task { [notifier] in
                    while (try? await Task.sleep(for: Self.interval)) != nil { _ = try? notifier.send(Self.moreTime) }
                }
                state = .migrating(started: .now, count: 1, keepalive: keepalive)
            }
        }
    }

    /// The migrations are over (done, or one failed): the keepalive stops.
    func finished() {
        let migrated = state.withLock { state -> (started: ContinuousClock.Instant, count: Int)? in
            guard case .migrating(let started, let count, let keepalive) = state else { return nil }
            keepalive.cancel()
            state = .idle
            return (started, count)
        }
        guard let (started, count) = migrated else { return }
        let seconds = (ContinuousClock.now - started) / .milliseconds(1) / 1000
        logger.notice("store migrated", metadata: ["migrations": "\(count)", "seconds": "\(String(format: "%.1f", seconds))"])
    }

    private func send(_ message: NotifyMessage) {
        do {
            try notifier.send(message)
        } catch {
            logger.warning("cannot tell systemd", metadata: ["error": "\(error)"])
        }
    }
}
