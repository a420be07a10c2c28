import CoreMetrics

extension CoreMetrics.Timer {
    /// Records the monotonic time elapsed since `start`, in nanoseconds as swift-metrics
    /// keeps timers (Prometheus shows them in seconds).
    @inlinable
    public func recordElapsed(since start: ContinuousClock.Instant) {
        let elapsed = (ContinuousClock.now - start).components
        recordNanoseconds(elapsed.seconds &* 1_000_000_000 &+ elapsed.attoseconds / 1_000_000_000)
    }
}
