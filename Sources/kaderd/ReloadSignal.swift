import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads on SIGHUP, the signal `systemctl reload` sends (`ExecReload=`) and the one
/// sysadmins reach for by habit.
struct ReloadSignal: Service {
    let reloader: Reloader

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            // A refusal is logged by the reloader and shown in daemon.status; the daemon runs on.
            _ = try? await reloader.reload(trigger: "SIGHUP")
        }
    }
}

extension ReloadSignal: CustomStringConvertible {
    var description: String { "ReloadSignal" }
}
