import Foundation
import KaderSystemd
import Logging
import Synchronization

/// Keeps systemd's STATUS= line (shown by `systemctl status kaderd`) current.
///
/// The line is rebuilt from live facts whenever something may have changed and sent only
/// when it differs from the last one, so calling `refresh()` often costs nothing. It says
/// how many workflows run and tasks are due (from the scheduler's passes), how many
/// connections were served, and how the last reload went.
final class StatusReporter: Sendable {
    private enum State {
        case nothingSent
        case sent(String)
    }

    private let notifier: SystemdNotifier
    private let logger: Logger
    private let connectionsServed: @Sendable () -> UInt64
    private let state = Mutex(State.nothingSent)
    private let reload = Mutex(ReloadOutcome.none)
    private let work = Mutex<Work?>(nil)

    /// What the scheduler last counted.
    struct Work: Sendable, Hashable {
        var activeWorkflows: Int
        var tasksDue: Int
    }

    struct Facts: Sendable {
        var work: Work?
        var connectionsServed: UInt64
        var reload: ReloadOutcome

        init(work: Work? = nil, connectionsServed: UInt64, reload: ReloadOutcome) {
            self.work = work
            self.connectionsServed = connectionsServed
            self.reload = reload
        }
    }

    init(notifier: SystemdNotifier, logger: Logger, connectionsServed: @escaping @Sendable () -> UInt64) {
        self.notifier = notifier
        self.logger = logger
        self.connectionsServed = connectionsServed
    }

    /// Takes note of a reload's outcome and shows it at once.
    func record(_ outcome: ReloadOutcome) {
        reload.withLock { $0 = outcome }
        refresh()
    }

    /// Takes note of the scheduler's counts and shows them.
    func record(activeWorkflows: Int, tasksDue: Int) {
        work.withLock { $0 = Work(activeWorkflows: activeWorkflows, tasksDue: tasksDue) }
        refresh()
    }

    func refresh() {
        let facts = Facts(
            work: work.withLock { $0 }, connectionsServed: connectionsServed(), reload: reload.withLock { $0 })
        let line = Self.line(for: facts)
        let changed = state.withLock { state -> Bool in
            if case .sent(let previous) = state, previous == line { return false }
            state = .sent(line)
            return true
        }
        guard changed else { return }
        do {
            try notifier.send(.status(line))
        } catch {
            logger.error("\(error)")
        }
    }

    static func line(for facts: Facts) -> String {
        var parts: [String] = []
        if let work = facts.work {
            parts.append(
                "\(work.activeWorkflows) workflow\(work.activeWorkflows == 1 ? "" : "s") active, "
                    + "\(work.tasksDue) task\(work.tasksDue == 1 ? "" : "s") due")
        }
        parts.append("\(facts.connectionsServed) connection\(facts.connectionsServed == 1 ? "" : "s") served")
        switch facts.reload {
        case .none:
            break
        case .reloaded(let at):
            parts.append("reloaded \(timestamp(at))")
        case .refused(let at, let problem, _):
            parts.append("reload refused \(timestamp(at)): \(problem)")
        }
        return parts.joined(separator: "; ")
    }

    private static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
