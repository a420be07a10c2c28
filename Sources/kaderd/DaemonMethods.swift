import Foundation
import KaderRPC
import KaderServer

/// The `daemon.*` methods: facts about the running process itself.
struct DaemonMethods {
    let settings: DaemonSettings
    let startedAt: Date
    let startInstant: ContinuousClock.Instant

    init(settings: DaemonSettings) {
        self.settings = settings
        self.startedAt = Date()
        self.startInstant = ContinuousClock.now
    }

    var methods: [RPCMethod] {
        [RPCMethod(.daemonStatus) { _ in status() }]
    }

    func status() -> DaemonStatus {
        let uptime = ContinuousClock.now - startInstant
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        return DaemonStatus(
            version: KaderVersion.current,
            pid: ProcessInfo.processInfo.processIdentifier,
            startedAt: startedAt,
            uptimeSeconds: (seconds * 1000).rounded() / 1000,
            socket: settings.socket,
            stateDir: settings.stateDir,
            configFile: settings.configFile)
    }
}
