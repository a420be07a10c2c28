import CoreMetrics
import Foundation
import KaderMetrics
import KaderRPC
import KaderSystemd
import Logging
import Synchronization

/// Re-reads the configuration on SIGHUP or `daemon.reload`, without dropping anything.
///
/// A reload is all or nothing: the new file is checked in full before anything changes, and
/// a file that does not pass is refused while the running configuration carries on. Settings
/// that live in open resources (the socket, the state folder) are not swapped under running
/// work; a change to them is reported as needing a restart. Whatever else depends on the
/// configuration (the programs, the plugins, the blackout files) is re-read by the appliers
/// registered with `whenAccepted`, once the new file has passed; what they find (a refused
/// blackout file, tasks under a new blackout) goes into the reply, not into the verdict.
final class Reloader: Sendable {
    private let commandLine: DaemonSettings.CommandLine
    private let environment: [String: String]
    private let logLevel: LiveLogLevel
    private let notifier: SystemdNotifier
    private let readiness: ReadinessGate
    private let logger: Logger
    /// Reloads run here, one at a time, so a SIGHUP and a `daemon.reload` arriving together
    /// run one after the other and their RELOADING=1/READY=1 pairs never interleave. A
    /// reload can take seconds (every plugin's blackouts for seven years), so it holds no
    /// lock an event loop takes and no thread of the cooperative pool.
    private let queue = DispatchQueue(label: "kaderd.reload")
    /// The settings as of the latest accepted reload; used on `queue` only.
    private let settings: Mutex<DaemonSettings>

    /// The settings in use now, as the latest accepted reload left them.
    var current: DaemonSettings { settings.withLock { $0 } }
    /// What `daemon.status` reads: replaced when a reload is done, held only to copy it.
    private let published = Mutex(ReloadOutcome.none)
    /// Called after each reload, so the STATUS= line shows its outcome at once.
    private let onReload: @Sendable (ReloadOutcome) -> Void
    private let appliers = Mutex<[@Sendable (DaemonSettings) -> ReloadFindings]>([])
    /// Reloads by outcome (`kaderd_reloads_total`): accepted, and refused.
    private let reloadsAccepted: Counter
    private let reloadsRefused: Counter

    init(
        settings: DaemonSettings, commandLine: DaemonSettings.CommandLine, environment: [String: String],
        logLevel: LiveLogLevel, notifier: SystemdNotifier, readiness: ReadinessGate, logger: Logger,
        metrics: any MetricsFactory = MetricsSystem.factory, onReload: @escaping @Sendable (ReloadOutcome) -> Void
    ) {
        reloadsAccepted = Counter(label: KaderMetric.reloads.name, dimensions: [("outcome", "ok")], factory: metrics)
        reloadsRefused = Counter(label: KaderMetric.reloads.name, dimensions: [("outcome", "refused")], factory: metrics)
        self.settings = Mutex(settings)
        self.commandLine = commandLine
        self.environment = environment
        self.logLevel = logLevel
        self.notifier = notifier
        self.readiness = readiness
        self.logger = logger
        self.onReload = onReload
    }

    var outcome: ReloadOutcome { published.withLock { $0 } }

    /// Registers work to redo with each accepted configuration (re-reading the programs
    /// and plugins). Appliers run on the reload queue and publish what they make when done.
    func whenAccepted(_ apply: @escaping @Sendable (DaemonSettings) -> Void) {
        appliers.withLock {
            $0.append { settings in
                apply(settings)
                return ReloadFindings()
            }
        }
    }

    /// Registers work to redo with each accepted configuration whose findings (refused
    /// files, tasks on new blackouts) go into the reload's reply.
    func whenAccepted(reporting apply: @escaping @Sendable (DaemonSettings) -> ReloadFindings) {
        appliers.withLock { $0.append(apply) }
    }

    /// Reloads once the reloads before it are done; throws the problem when the new
    /// configuration is refused.
    @discardableResult
    func reload(trigger: String) async throws(ConfigFile.Problem) -> DaemonReloadResult {
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.reloadNow(trigger: trigger)) }
        }
        return try result.get()
    }

    private func reloadNow(trigger: String) -> Result<DaemonReloadResult, ConfigFile.Problem> {
        // Before READY=1 systemd is not waiting for a reload, only for start-up to end.
        let announce = readiness.isReady
        if announce { notify(.reloading(monotonicMicroseconds: MonotonicTime.nowMicroseconds())) }
        defer {
            if announce { notify(.ready) }
            onReload(outcome)
        }

        let now = Date()
        let fresh: DaemonSettings
        do throws(ConfigFile.Problem) {
            fresh = try DaemonSettings.load(commandLine: commandLine, environment: environment)
        } catch {
            reloadsRefused.increment()
            published.withLock { $0 = .refused(at: now, problem: error.description, lastGood: $0.lastReload) }
            logger.error(
                "reload refused; the running configuration is kept",
                metadata: ["trigger": "\(trigger)", "problem": "\(error)"])
            return .failure(error)
        }
        let running = settings.withLock { $0 }
        // Keys a reload does not apply, by what runs now against what the file says.
        let (freshValues, runningValues) = (fresh.configObject, running.configObject)
        let needsRestart = ConfigKey.allCases.filter { !$0.appliedOnReload && freshValues[$0.name] != runningValues[$0.name] }
            .map(\.name)
        logLevel.level = fresh.logLevel
        settings.withLock { settings in
            settings.logLevel = fresh.logLevel
            settings.programDirs = fresh.programDirs
            settings.pluginDirs = fresh.pluginDirs
            settings.pluginIsolation = fresh.pluginIsolation
            settings.blackoutDirs = fresh.blackoutDirs
            settings.adminGroup = fresh.adminGroup
            settings.readGroup = fresh.readGroup
        }
        let findings = appliers.withLock { $0 }.reduce(ReloadFindings()) { $0 + $1(fresh) }
        published.withLock { $0 = .reloaded(at: now) }
        reloadsAccepted.increment()
        var metadata: Logger.Metadata = [
            "trigger": "\(trigger)", "log_level": "\(fresh.logLevel)",
            "config_file": "\(fresh.configFile ?? "none")",
        ]
        if findings.tasksOnNewBlackouts > 0 {
            metadata["tasks_on_new_blackouts"] = "\(findings.tasksOnNewBlackouts)"
        }
        if !findings.blackoutFilesRefused.isEmpty {
            metadata["blackout_files_refused"] = "\(findings.blackoutFilesRefused.count)"
        }
        if !needsRestart.isEmpty {
            metadata["needs_restart"] = "\(needsRestart.joined(separator: ","))"
            logger.warning("reloaded; changed settings wait for a restart", metadata: metadata)
        } else {
            logger.notice("reloaded", metadata: metadata)
        }
        return .success(
            DaemonReloadResult(
                reloadedAt: now, configFile: fresh.configFile, logLevel: fresh.logLevel.rawValue,
                needsRestart: needsRestart, tasksOnNewBlackouts: findings.tasksOnNewBlackouts,
                blackoutFilesRefused: findings.blackoutFilesRefused))
    }

    private func notify(_ message: NotifyMessage) {
        do {
            try notifier.send(message)
        } catch {
            logger.error("\(error)")
        }
    }
}
