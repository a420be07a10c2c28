import Foundation
import KaderAPI
import KaderCore
import KaderEngine
import KaderMetrics
import KaderRPC
import KaderServer

/// The `daemon.*` methods: facts about the running process itself, and reloading it.
struct DaemonMethods {
    let settings: DaemonSettings
    let systemd: SystemdIntegration
    let service: WorkflowService
    let scheduler: Scheduler
    let leadership: Leadership?
    let startedAt: Date
    let startInstant: ContinuousClock.Instant
    private let statusCache = StatusReplyCache()
    private let metrics: MetricsExposition
    private let holidays = BlackoutCalendar.national.holidayCoverage
    /// Compared with the clock at each call: the warning must appear without a restart.
    private var holidayWarningInstant: Date { holidays?.warningInstant ?? .distantFuture }

    init(
        settings: DaemonSettings, systemd: SystemdIntegration, service: WorkflowService, scheduler: Scheduler,
        leadership: Leadership?, metrics: MetricsRegistry?
    ) {
        self.settings = settings
        self.leadership = leadership
        self.systemd = systemd
        self.service = service
        self.scheduler = scheduler
        self.startedAt = Date()
        self.startInstant = ContinuousClock.now
        self.metrics = MetricsExposition(registry: metrics, startedAt: startedAt)
    }

    var methods: [RPCMethod] {
        [
            RPCMethod.immediate(.daemonStatus, encoded: { _ in try statusReply() }),
            RPCMethod(.daemonReload) { call in
                let result = try await reload()
                try await recordReload(by: call.context.peer?.uid)
                return result
            },
            RPCMethod(.daemonMetrics) { _ in try metrics.scrape(service.summary) },
        ]
    }

    /// Answered from memory (the store's summary as of its latest commit), so the event loop
    /// that read the request answers it at once, from an encoding kept while nothing changed.
    func statusReply() throws -> EncodedJSON {
        let inputs = StatusReplyCache.Inputs(
            summary: service.summary, reload: systemd.reloader.outcome, lastCatchUp: scheduler.report.lastCatchUp,
            cluster: leadership?.cluster, role: leadership?.role,
            clockOffset: leadership?.clockOffset, socket: systemd.servedSocket, holidaysRunOut: Date() >= holidayWarningInstant)
        let template = try statusCache.template(for: inputs) {
            guard case .object(let object) = try JSONValue(encoding: status(inputs)) else {
                return StatusReplyCache.Template([:], holes: [])
            }
            return StatusReplyCache.Template(
                object, holes: [DaemonStatus.uptimeSecondsKey, DaemonStatus.connectionsServedKey])
        }
        let uptime = (ContinuousClock.now - startInstant).components
        // Whole milliseconds, rounded to nearest.
        let milliseconds = uptime.seconds * 1000 + (uptime.attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000
        let connections = systemd.connectionsServed
        return template.filled { key in
            key == DaemonStatus.uptimeSecondsKey
                ? .number(JSONNumber(thousandths: milliseconds))
                : .number(JSONNumber(Int(clamping: connections)))
        }
    }

    /// The status as of `inputs`, without the figures `statusReply` fills in per call.
    private func status(_ inputs: StatusReplyCache.Inputs) -> DaemonStatus {
        var status = DaemonStatus(
            version: KaderVersion.current,
            pid: ProcessInfo.processInfo.processIdentifier,
            startedAt: startedAt,
            uptimeSeconds: 0,
            socket: inputs.socket,
            stateDir: settings.stateDir,
            configFile: settings.configFile,
            connectionsServed: 0,
            lastReload: inputs.reload.lastReload,
            lastReloadError: inputs.reload.lastError,
            schedule: schedule(inputs),
            cluster: cluster(inputs),
            holidays: holidays.map { coverage in
                HolidayDataStatus(
                    firstYear: coverage.years.lowerBound, lastYear: coverage.years.upperBound,
                    warning: inputs.holidaysRunOut ? coverage.warning : nil)
            })
        status.config = systemd.reloader.current.configObject
        return status
    }

    func reload() async throws(RPCError) -> DaemonReloadResult {
        do {
            return try await systemd.reloader.reload(trigger: "daemon.reload")
        } catch {
            throw RPCError(
                .invalid, "The new configuration is refused; the running one is kept: \(error)",
                extra: ["file": .string(error.file), "line": error.line.map { .number(JSONNumber($0)) } ?? .null])
        }
    }

    /// A reload changes what the daemon does, so the history says who asked for it.
    private func recordReload(by uid: UInt32?) async throws {
        try await service.recordDaemonEvent("reloaded", caller: Caller(uid: uid))
    }

    private func cluster(_ inputs: StatusReplyCache.Inputs) -> ClusterStatus? {
        guard let leadership, let role = inputs.role else { return nil }
        let lease = inputs.cluster?.lease
        let asOf = lease?.readAt ?? Date()
        let (roleName, leader): (String, String?) = switch role {
        case .leader: ("leader", leadership.membership.node)
        case .follower(let leader): ("follower", leader)
        }
        return ClusterStatus(
            node: leadership.membership.node, role: roleName, leader: leader,
            term: lease?.term ?? 0, leaseAgeSeconds: lease?.renewedAt.map { asOf.timeIntervalSince($0) },
            leaseExpiresInSeconds: max(0, (lease?.expiresAt ?? asOf).timeIntervalSince(asOf)),
            clockOffsetSeconds: inputs.clockOffset ?? 0, asOf: asOf,
            nodes: (inputs.cluster?.nodes ?? []).map { node in
                ClusterStatus.Node(
                    name: node.name, version: node.version, pid: node.pid, startedAt: node.startedAt,
                    seenSecondsAgo: max(0, asOf.timeIntervalSince(node.seenAt)))
            })
    }

    private func schedule(_ inputs: StatusReplyCache.Inputs) -> ScheduleStatus {
        let summary = inputs.summary
        let wire = WireMapping(directory: service.directory)
        return ScheduleStatus(
            activeWorkflows: summary.activeWorkflows,
            tasks: Dictionary(uniqueKeysWithValues: TaskState.allCases.map { ($0.rawValue, summary.taskCounts[$0] ?? 0) }),
            nextDue: summary.nextScheduled.map(wire.task),
            lastCatchUp: inputs.lastCatchUp.map { report in
                CatchUpInfo(
                    at: report.at, downSince: report.downSince,
                    counts: Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, $0.value) }))
            })
    }
}
