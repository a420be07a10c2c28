import CoreMetrics
import Foundation
import KaderCore
import KaderMetrics
import KaderRPC
import KaderStore

/// What `daemon.metrics` answers: the registry's exposition, after setting the gauges that
/// are read at scrape time rather than kept up to date.
///
/// Tasks by state and active workflows come from the store's summary, which every commit
/// (this node's or another's) already publishes for `daemon.status`: counting them again in
/// memory would only give two numbers that could disagree.
struct MetricsExposition: Sendable {
    /// nil when metrics are off (`KADERD_METRICS=off`): the instruments are no-ops then.
    private let registry: MetricsRegistry?
    private let tasks: [TaskState: Gauge]
    private let activeWorkflows: Gauge

    init(registry: MetricsRegistry?, startedAt: Date) {
        self.registry = registry
        let factory = registry?.factory ?? NOOPMetricsHandler.instance
        tasks = Dictionary(
            uniqueKeysWithValues: TaskState.allCases.map { state in
                (state, Gauge(label: KaderMetric.tasks.name, dimensions: [("state", state.rawValue)], factory: factory))
            })
        activeWorkflows = Gauge(label: KaderMetric.activeWorkflows.name, factory: factory)
        Gauge(label: KaderMetric.buildInfo.name, dimensions: [("version", KaderVersion.current)], factory: factory)
            .record(1)
        Gauge(label: KaderMetric.startTime.name, factory: factory).record(startedAt.timeIntervalSince1970)
    }

    func scrape(_ summary: StoreSummary) throws(RPCError) -> DaemonMetricsResult {
        guard let registry else {
            throw RPCError(.unavailable, "Metrics are off in this kaderd: its environment sets KADERD_METRICS=off")
        }
        for (state, gauge) in tasks { gauge.record(summary.taskCounts[state] ?? 0) }
        activeWorkflows.record(summary.activeWorkflows)
        return DaemonMetricsResult(contentType: MetricsRegistry.contentType, text: registry.exposition())
    }
}
