import Synchronization

/// A monotonic clock that moves only when the test says, so a watchdog test never waits.
final class ManualMonotonicClock: Sendable {
    private let microseconds = Atomic<UInt64>(1_000_000)

    var now: UInt64 { microseconds.load(ordering: .relaxed) }

    func advance(by duration: Duration) {
        let micros = UInt64(duration.components.seconds) * 1_000_000
            + UInt64(duration.components.attoseconds / 1_000_000_000_000)
        microseconds.add(micros, ordering: .relaxed)
    }
}
