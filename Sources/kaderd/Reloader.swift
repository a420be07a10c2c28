import Foundation
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
/// configuration (the programs, later the plugins) is re-read by the appliers registered
/// with `whenAccepted`, once the new file has passed.
final class Reloader: Sendable {
    private struct State {
        var settings: DaemonSettings
        var outcome: ReloadOutcome
    }

    private let commandLine: DaemonSettings.CommandLine
    private let environment: [String: String]
    private let logLevel: LiveLogLevel
    private let notifier: SystemdNotifier
    private let readiness: ReadinessGate
    private let logger: Logger
    /// Held for the whole reload, so a SIGHUP and a `daemon.reload` arriving together run one
    /// after the other and their RELOADING=1/READY=1 pairs never interleave.
    private let state: Mutex<State>
    /// Called after each reload, so the STATUS= line shows its outcome at once.
    private let onReload: @Sendable (ReloadOutcome) -> Void
    private let appliers = Mutex<[@Sendable (DaemonSettings) -> Void]>([])

    init(
        settings: DaemonSettings, commandLine: DaemonSettings.CommandLine, environment: [String: String],
        logLevel: LiveLogLevel, notifier: SystemdNotifier, readiness: ReadinessGate, logger: Logger,
        onReload: @escaping @Sendable (ReloadOutcome) -> Void
    ) {
        self.state = Mutex(State(settings: settings, outcome: .none))
        self.commandLine = commandLine
        self.environment = environment
        self.logLevel = logLevel
        self.notifier = notifier
        self.readiness = readiness
        self.logger = logger
        self.onReload = onReload
    }

    var outcome: ReloadOutcome { state.withLock { $0.outcome } }

    /// Registers work to redo with each accepted configuration (re-reading the programs).
    func whenAccepted(_ apply: @escaping @Sendable (DaemonSettings) -> Void) {
        appliers.withLock { $0.append(apply) }
    }

    /// Reloads; throws the problem when the new configuration is refused.
    @discardableResult
    func reload(trigger: String) throws(ConfigFile.Problem) -> DaemonReloadResult {
        defer { onReload(outcome) }
        return try state.withLock { state throws(ConfigFile.Problem) -> DaemonReloadResult in
            // Before READY=1 systemd is not waiting for a reload, only for start-up to end.
            let announce = readiness.isReady
            if announce { notify(.reloading(monotonicMicroseconds: MonotonicTime.nowMicroseconds())) }
            defer { if announce { notify(.ready) } }

            let now = Date()
            let fresh: DaemonSettings
            do throws(ConfigFile.Problem) {
                fresh = try DaemonSettings.load(commandLine: commandLine, environment: environment)
            } catch {
                state.outcome = .refused(at: now, problem: error.description, lastGood: state.outcome.lastReload)
                logger.error(
                    "reload refused; the running configuration is kept",
                    metadata: ["trigger": "\(trigger)", "problem": "\(error)"])
                throw error
            }
            var needsRestart: [String] = []
            if fresh.socket != state.settings.socket { needsRestart.append("socket") }
            if fresh.stateDir != state.settings.stateDir { needsRestart.append("state_dir") }
            if fresh.durability != state.settings.durability { needsRestart.append("durability") }
            if fresh.limits != state.settings.limits { needsRestart.append("limits") }
            logLevel.level = fresh.logLevel
            state.settings.logLevel = fresh.logLevel
            state.settings.programDirs = fresh.programDirs
            state.settings.pluginDirs = fresh.pluginDirs
            state.settings.adminGroup = fresh.adminGroup
            state.settings.readGroup = fresh.readGroup
            for apply in appliers.withLock({ $0 }) { apply(fresh) }
            state.outcome = .reloaded(at: now)
            var metadata: Logger.Metadata = [
                "trigger": "\(trigger)", "log_level": "\(fresh.logLevel)",
                "config_file": "\(fresh.configFile ?? "none")",
            ]
            if !needsRestart.isEmpty {
                metadata["needs_restart"] = "\(needsRestart.joined(separator: ","))"
                logger.warning("reloaded; changed settings wait for a restart", metadata: metadata)
            } else {
                logger.notice("reloaded", metadata: metadata)
            }
            return DaemonReloadResult(
                reloadedAt: now, configFile: fresh.configFile, logLevel: fresh.logLevel.rawValue,
                needsRestart: needsRestart)
        }
    }

    private func notify(_ message: NotifyMessage) {
        do {
            try notifier.send(message)
        } catch {
            logger.error("\(error)")
        }
    }
}
