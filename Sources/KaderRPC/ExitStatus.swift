/// The exit statuses both programs use, after sysexits(3), so scripts and systemd can tell
/// a usage mistake from bad data, an absent daemon or a broken configuration.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// The command line was wrong.
    case usage = 64
    /// The input data was wrong (a bad CSV row, an invalid param).
    case dataError = 65
    /// The daemon could not be reached, or a resource it needs is in use.
    case unavailable = 69
    /// A bug: something that should not happen did.
    case software = 70
    /// Another daemon holds the store; retry later (EX_TEMPFAIL).
    case tempFail = 75
    /// The caller may not do this.
    case noPermission = 77
    /// The configuration is wrong.
    case config = 78
}
