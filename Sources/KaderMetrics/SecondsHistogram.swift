import CoreMetrics
import Prometheus

/// A swift-metrics timer kept in a Prometheus histogram of seconds as `Double`s.
///
/// swift-prometheus's own timer histogram keeps `Duration`s, and each recording compares
/// the value with every bucket through an out-of-line `Duration` comparison; with 16
/// buckets that was most of what timing a `daemon.status` call cost. Comparing `Double`s is
/// inlined, and the exposition is the same text.
final class SecondsHistogram: TimerHandler {
    let histogram: ValueHistogram

    init(_ histogram: ValueHistogram) {
        self.histogram = histogram
    }

    func recordNanoseconds(_ duration: Int64) {
        histogram.record(Double(duration) * 1e-9)
    }
}
