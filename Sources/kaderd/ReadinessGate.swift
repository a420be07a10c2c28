import KaderRPC
import KaderSystemd
import Logging
import Synchronization

/// Sends READY=1 once, when every start-up step has completed, and never before.
///
/// systemd starts whatever waits for kaderd (and answers the first client queued on the
/// socket) as soon as it says READY=1, so saying it early makes callers meet a daemon that
/// cannot serve them yet. Each step reports itself; the order they finish in does not matter.
final class ReadinessGate: Sendable {
    /// What must be done before the daemon is ready.
    ///
    /// Today only the sockets; the store (opened and migrated) and the plugins (loaded and
    /// checked) join as cases here when they exist, and report through `complete(_:)`.
    enum Step: Hashable, Sendable, CustomStringConvertible {
        case socketServed(String)

        var description: String {
            switch self {
            case .socketServed(let path): "serving \(path)"
            }
        }
    }

    private enum State {
        case waiting(remaining: Set<Step>)
        case ready
    }

    private let state: Mutex<State>
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let readyLogMetadata: Logger.Metadata

    init(steps: Set<Step>, notifier: SystemdNotifier, logger: Logger, readyLogMetadata: Logger.Metadata) {
        self.state = Mutex(.waiting(remaining: steps))
        self.notifier = notifier
        self.logger = logger
        self.readyLogMetadata = readyLogMetadata
    }

    var isReady: Bool {
        state.withLock { if case .ready = $0 { true } else { false } }
    }

    func complete(_ step: Step) {
        let becameReady = state.withLock { state -> Bool in
            guard case .waiting(var remaining) = state else { return false }
            remaining.remove(step)
            state = remaining.isEmpty ? .ready : .waiting(remaining: remaining)
            return remaining.isEmpty
        }
        guard becameReady else {
            logger.debug("start-up step done", metadata: ["step": "\(step)"])
            return
        }
        logger.notice("kaderd \(KaderVersion.current) ready", metadata: readyLogMetadata)
        do {
            try notifier.send(.ready)
        } catch {
            logger.error("\(error)")
        }
    }
}
