import CoreMetrics
import KaderMetrics

extension Kaderd {
    /// The environment variable that turns metrics off (`off`), for the benchmark that
    /// measures what they cost; they are on otherwise.
    static let metricsVariable = "KADERD_METRICS"

    /// Makes the daemon's registry and bootstraps swift-metrics with it, once per process
    /// and before anything that records is made (the store, the plugins, the scheduler, the
    /// server), since those take `MetricsSystem.factory` when they are made. Returns nil,
    /// leaving every instrument a no-op, when metrics are off.
    static func bootstrapMetrics(environment: [String: String]) -> MetricsRegistry? {
        guard environment[metricsVariable] != "off" else { return nil }
        let registry = MetricsRegistry()
        MetricsSystem.bootstrap(registry.factory)
        return registry
    }
}
