import CoreMetrics
import KaderMetrics

/// One method's counters (by outcome) and latency histogram.
struct MethodInstruments: Sendable {
    /// The label of calls to a method not served, and of lines that are no call at all.
    static let unknownMethod = "unknown"

    private let succeeded: Counter
    private let failed: Counter
    private let duration: Timer

    init(method: String, factory: any MetricsFactory) {
        let requests = KaderMetric.rpcRequests.name
        succeeded = Counter(label: requests, dimensions: [("method", method), ("outcome", "ok")], factory: factory)
        failed = Counter(label: requests, dimensions: [("method", method), ("outcome", "error")], factory: factory)
        duration = Timer(label: KaderMetric.rpcRequestDuration.name, dimensions: [("method", method)], factory: factory)
    }

    /// Counts a call answered with a result or an error, and how long it took since `start`.
    func record(succeeded ok: Bool, since start: MetricsInstant) {
        duration.recordElapsed(since: start)
        (ok ? succeeded : failed).increment()
    }

    /// Counts a line that failed before reaching any method (no latency: nothing ran).
    func recordFailure() {
        failed.increment()
    }
}
