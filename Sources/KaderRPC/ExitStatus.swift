/// The exit statuses both programs use, after sysexits(3) where one fits, so scripts and
/// systemd can tell a usage mistake from bad data, a missing record, an absent daemon or a
/// broken configuration. Each error kind of the API has its own (`init(kind:)`); the kinds
/// sysexits has no word for (conflict, duplicate, plugin_failed) take 80–82.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// The command line was wrong.
    case usage = 64
    /// The input data was wrong (a bad CSV row, an invalid param).
    case dataError = 65
    /// What was named does not exist: a record, a file to read (EX_NOINPUT).
    case notFound = 66
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
    /// The request was understood but the record's state refuses it (a task already done).
    case conflict = 80
    /// A registration of someone already registered.
    case duplicate = 81
    /// A province's plugin failed; nothing was changed.
    case pluginFailed = 82

    /// The status for an error kind the daemon answered with; nil for none (a reply that
    /// names no kind is a broken daemon: `software`).
    public init(kind: RPCErrorKind?) {
        switch kind {
        case .forbidden?: self = .noPermission
        case .invalidParams?, .invalid?, .tooLarge?: self = .dataError
        case .notFound?: self = .notFound
        case .conflict?: self = .conflict
        case .duplicate?: self = .duplicate
        case .pluginFailed?: self = .pluginFailed
        case .methodNotFound?, .invalidRequest?, .parseError?: self = .usage
        case .unavailable?: self = .unavailable
        case .internalError?, nil: self = .software
        }
    }
}
