import CSystemd
import Synchronization

/// Keeps systemd's watchdog fed, but only from a loop that does the daemon's real work.
///
/// A timer of its own would go on pinging while the work is stuck, which is exactly what the
/// watchdog exists to catch. So nothing here runs by itself: whoever owns the work loop calls
/// `ping()` once per pass, and a loop that stops passing stops the pings; systemd then kills
/// and restarts the service (`WatchdogSec=` with `Restart=on-failure`).
public final class Watchdog: Sendable {
    private enum State {
        case neverPinged
        case pinged(atMicroseconds: UInt64)
    }

    /// systemd's timeout: with no ping for this long the service counts as hung.
    public let timeout: Duration
    private let notifier: SystemdNotifier
    private let now: @Sendable () -> UInt64
    private let state = Mutex(State.neverPinged)

    /// The watchdog systemd asked for (`WATCHDOG_USEC`, for this process), or nil when none.
    public static func fromEnvironment(notifier: SystemdNotifier = SystemdNotifier()) -> Watchdog? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return Watchdog(timeout: .microseconds(microseconds), notifier: notifier)
    }

    /// - Parameter now: CLOCK_MONOTONIC in microseconds; tests pass a clock they move by hand.
    public init(
        timeout: Duration, notifier: SystemdNotifier = SystemdNotifier(),
        now: @escaping @Sendable () -> UInt64 = MonotonicTime.nowMicroseconds
    ) {
        self.timeout = timeout
        self.notifier = notifier
        self.now = now
    }

    /// The longest a work loop may go between passes: half the timeout, as sd_watchdog_enabled(3)
    /// advises, so one late pass does not get the service killed.
    public var passInterval: Duration { timeout / 2 }

    /// Reports one pass of the work loop. Sends WATCHDOG=1 at most once per quarter timeout,
    /// so a busy loop does not flood the manager; returns whether this call sent one.
    @discardableResult
    public func ping() throws(NotifyError) -> Bool {
        let now = self.now()
        let gap = UInt64(Self.microseconds(timeout / 4))
        let due = state.withLock { state -> Bool in
            if case .pinged(let last) = state, now >= last, now - last < gap { return false }
            state = .pinged(atMicroseconds: now)
            return true
        }
        guard due else { return false }
        try notifier.send(.watchdog)
        return true
    }

    private static func microseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
    }
}
