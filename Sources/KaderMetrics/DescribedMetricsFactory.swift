import CoreMetrics
import Prometheus

/// swift-metrics' factory over a Prometheus registry, as `PrometheusMetricsFactory` is, but
/// each of kaderd's metrics gets its HELP line and its own buckets from `KaderMetric`.
///
/// `PrometheusMetricsFactory` registers every metric with empty help, and the registry
/// refuses (fatally) a second registration of a name with other help; so the help has to
/// come with the first registration, which only a factory in between can give. A label not
/// in the catalog goes to `PrometheusMetricsFactory` as it is (no HELP line).
struct DescribedMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry
    private let plain: PrometheusMetricsFactory
    private let catalog: [String: KaderMetric]

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        self.plain = PrometheusMetricsFactory(registry: registry)
        self.catalog = Dictionary(uniqueKeysWithValues: KaderMetric.all.map { ($0.name, $0) })
    }

    private func descriptor(_ metric: KaderMetric) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric.name, unitName: "", helpText: metric.help)
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        guard let metric = catalog[label] else { return plain.makeCounter(label: label, dimensions: dimensions) }
        return registry.makeCounter(descriptor: descriptor(metric), labels: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        guard let metric = catalog[label] else {
            return plain.makeFloatingPointCounter(label: label, dimensions: dimensions)
        }
        return registry.makeCounter(descriptor: descriptor(metric), labels: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard let metric = catalog[label] else {
            return plain.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
        }
        guard aggregate else { return registry.makeGauge(descriptor: descriptor(metric), labels: dimensions) }
        return registry.makeValueHistogram(descriptor: descriptor(metric), labels: dimensions, buckets: metric.buckets)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        guard let metric = catalog[label] else { return plain.makeMeter(label: label, dimensions: dimensions) }
        return registry.makeGauge(descriptor: descriptor(metric), labels: dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        guard let metric = catalog[label] else { return plain.makeTimer(label: label, dimensions: dimensions) }
        return SecondsHistogram(
            registry.makeValueHistogram(descriptor: descriptor(metric), labels: dimensions, buckets: metric.buckets))
    }

    func destroyCounter(_ handler: any CounterHandler) { plain.destroyCounter(handler) }
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        plain.destroyFloatingPointCounter(handler)
    }
    func destroyRecorder(_ handler: any RecorderHandler) { plain.destroyRecorder(handler) }
    func destroyMeter(_ handler: any MeterHandler) { plain.destroyMeter(handler) }
    func destroyTimer(_ handler: any TimerHandler) {
        guard let seconds = handler as? SecondsHistogram else { return plain.destroyTimer(handler) }
        registry.unregisterValueHistogram(seconds.histogram)
    }
}
