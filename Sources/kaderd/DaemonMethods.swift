import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

/// The `daemon.*` methods: facts about the running process itself.
struct DaemonMethods {
    let settings: DaemonSettings
    let service: WorkflowService
    let scheduler: Scheduler
    let startedAt: Date
    let startInstant: ContinuousClock.Instant

    init(settings: DaemonSettings, service: WorkflowService, scheduler: Scheduler) {
        self.settings = settings
        self.service = service
        self.scheduler = scheduler
        self.startedAt = Date()
        self.startInstant = ContinuousClock.now
    }

    var methods: [RPCMethod] {
        [RPCMethod(.daemonStatus) { _ in try await status() }]
    }

    func status() async throws -> DaemonStatus {
        let uptime = ContinuousClock.now - startInstant
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        return DaemonStatus(
            version: KaderVersion.current,
            pid: ProcessInfo.processInfo.processIdentifier,
            startedAt: startedAt,
            uptimeSeconds: (seconds * 1000).rounded() / 1000,
            socket: settings.socket,
            stateDir: settings.stateDir,
            configFile: settings.configFile,
            schedule: try await schedule())
    }

    private func schedule() async throws -> ScheduleStatus {
        let (counts, active, next) = try await service.store.read { reader in
            (try reader.taskCounts(), try reader.workflowCount(state: .active), try reader.nextScheduledTask())
        }
        let wire = WireMapping(directory: service.directory)
        return ScheduleStatus(
            activeWorkflows: active,
            tasks: Dictionary(uniqueKeysWithValues: TaskState.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
            nextDue: next.map(wire.task),
            lastCatchUp: scheduler.report.lastCatchUp.map { report in
                CatchUpInfo(
                    at: report.at, downSince: report.downSince,
                    counts: Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, $0.value) }))
            })
    }
}
