import Logging

/// Journal field names for our logger metadata: `workflow` becomes `KADERD_WORKFLOW`.
///
/// The prefix keeps our fields apart from systemd's own (`_PID`, `MESSAGE`, …) and lets a
/// sysadmin find them all with `journalctl -F` or filter with `KADERD_TASK=tsk_…`.
public enum JournalField {
    public static let prefix = "KADERD_"
    /// journald drops fields with longer names.
    static let maximumNameLength = 64

    /// Uppercased; anything but A–Z, 0–9 and `_` becomes `_`, since journald accepts no other.
    public static func name(forMetadataKey key: String) -> String {
        let body = key.uppercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "0"..."9", "_": Character(scalar)
            default: "_"
            }
        }
        return String((prefix + String(body)).prefix(maximumNameLength))
    }

    /// syslog priorities, which journald stores in PRIORITY and colours and filters by.
    public static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
