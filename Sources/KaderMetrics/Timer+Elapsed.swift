import CoreMetrics

extension CoreMetrics.Timer {
    /// Records the monotonic time elapsed since `start`, in nanoseconds as swift-metrics
    /// keeps timers (Prometheus shows them in seconds).
    @inlinable
    public func recordElapsed(since start: MetricsInstant) {
        recordNanoseconds(start.elapsedNanoseconds)
    }
}
