import CoreMetrics
import Prometheus

/// Where one kaderd keeps its metrics: a Prometheus registry, the swift-metrics factory
/// that records into it, and its text exposition for `daemon.metrics`.
///
/// The daemon makes one and bootstraps `MetricsSystem` with its factory, once per process;
/// the modules record through whatever factory they are given, `MetricsSystem.factory` by
/// default. Tests that run several servers in one process give each a registry of its own
/// instead, so their counts never mix and nothing is bootstrapped twice.
public final class MetricsRegistry: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: any MetricsFactory

    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        self.factory = DescribedMetricsFactory(registry: registry)
    }

    /// The exposition's media type: the Prometheus text format, version 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Every metric in the Prometheus text format, as node_exporter's textfile collector
    /// and `promtool check metrics` read it.
    public func exposition() -> String {
        registry.emitToString()
    }
}
