import CoreMetrics
import KaderMetrics

/// One plugin's calls, failures and restarts, labelled with the name the plugin gave
/// itself. Unlike the counts `kaderctl plugins` shows (which start again with each helper
/// a reload loads anew), these only grow for the daemon's life, as Prometheus counters must.
struct PluginMetrics: Sendable {
    let calls: Counter
    let failures: Counter
    let restarts: Counter

    init(plugin: String, factory: any MetricsFactory) {
        let labels = [("plugin", plugin)]
        calls = Counter(label: KaderMetric.pluginCalls.name, dimensions: labels, factory: factory)
        failures = Counter(label: KaderMetric.pluginFailures.name, dimensions: labels, factory: factory)
        restarts = Counter(label: KaderMetric.pluginRestarts.name, dimensions: labels, factory: factory)
    }
}
