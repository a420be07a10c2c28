/// One state change told to the service manager through `sd_notify`.
///
/// Only the messages kaderd means to send exist here, so a misspelt `READDY=1` cannot be
/// written, and each says in its name what systemd does with it.
public enum NotifyMessage: Sendable, Hashable {
    /// Start-up is complete: systemd marks the unit active and starts what waits for it.
    case ready
    /// A line for `systemctl status`: what the daemon is doing now.
    case status(String)
    /// A reload has begun. systemd needs the monotonic time of the request so it can tell
    /// this reload's READY=1 from an earlier one.
    case reloading(monotonicMicroseconds: UInt64)
    /// Shutdown has begun; systemd stops expecting watchdog pings and readiness.
    case stopping
    /// The daemon's work loop is alive; resets the watchdog timer.
    case watchdog
    /// Start-up (or a reload, or stopping) needs this much longer from now than the unit's
    /// timeout allows: a long schema migration.
    case extendTimeout(microseconds: UInt64)

    /// The text sent on the notify socket: newline-separated `KEY=value` assignments.
    public var text: String {
        switch self {
        case .ready: "READY=1"
        case .status(let line): "STATUS=" + Self.singleLine(line)
        case .reloading(let microseconds): "RELOADING=1\nMONOTONIC_USEC=\(microseconds)"
        case .stopping: "STOPPING=1"
        case .watchdog: "WATCHDOG=1"
        case .extendTimeout(let microseconds): "EXTEND_TIMEOUT_USEC=\(microseconds)"
        }
    }

    /// A newline would start a new assignment, so a status stays on one line.
    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
