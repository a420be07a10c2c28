import Foundation
import KaderRPC
import KaderServer

/// The `daemon.*` methods: facts about the running process itself, and reloading it.
struct DaemonMethods {
    let settings: DaemonSettings
    let systemd: SystemdIntegration
    let startedAt: Date
    let startInstant: ContinuousClock.Instant

    init(settings: DaemonSettings, systemd: SystemdIntegration) {
        self.settings = settings
        self.systemd = systemd
        self.startedAt = Date()
        self.startInstant = ContinuousClock.now
    }

    var methods: [RPCMethod] {
        [
            RPCMethod(.daemonStatus) { _ in status() },
            RPCMethod(.daemonReload) { _ in try reload() },
        ]
    }

    func status() -> DaemonStatus {
        let uptime = ContinuousClock.now - startInstant
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        let reload = systemd.reloader.outcome
        return DaemonStatus(
            version: KaderVersion.current,
            pid: ProcessInfo.processInfo.processIdentifier,
            startedAt: startedAt,
            uptimeSeconds: (seconds * 1000).rounded() / 1000,
            socket: systemd.servedSocket,
            stateDir: settings.stateDir,
            configFile: settings.configFile,
            connectionsServed: systemd.connectionsServed,
            lastReload: reload.lastReload,
            lastReloadError: reload.lastError)
    }

    func reload() throws(RPCError) -> DaemonReloadResult {
        do {
            return try systemd.reloader.reload(trigger: "daemon.reload")
        } catch {
            throw RPCError(
                .invalid, "The new configuration is refused; the running one is kept: \(error)",
                extra: ["file": .string(error.file), "line": error.line.map { .number(JSONNumber($0)) } ?? .null])
        }
    }
}
