import CoreMetrics
import Foundation
import KaderCore
import KaderMetrics

/// What the scheduler records: how late tasks turn due, and what each catch-up handled.
struct SchedulerMetrics: Sendable {
    private let lag: CoreMetrics.Timer
    private let catchUps: Counter
    private let catchUpTasks: [CatchUpPolicy: Counter]

    init(factory: any MetricsFactory) {
        lag = CoreMetrics.Timer(label: KaderMetric.schedulerLag.name, factory: factory)
        catchUps = Counter(label: KaderMetric.catchUps.name, factory: factory)
        catchUpTasks = Dictionary(
            uniqueKeysWithValues: CatchUpPolicy.allCases.map { policy in
                (policy, Counter(label: KaderMetric.catchUpTasks.name, dimensions: [("policy", policy.rawValue)], factory: factory))
            })
    }

    /// Records, for each task a pass made due, how long after its window opened that was
    /// committed; a clock behind the window's start counts as no lag.
    func recordDue(_ tasks: some Sequence<WorkflowTask>, committedAt now: Date) {
        for task in tasks where task.state == .due {
            lag.recordNanoseconds(Int64(max(0, now.timeIntervalSince(task.windowStart)) * 1e9))
        }
    }

    func recordCatchUp(_ report: CatchUpReport) {
        catchUps.increment()
        for (policy, count) in report.counts where count > 0 {
            catchUpTasks[policy]?.increment(by: count)
        }
    }
}
