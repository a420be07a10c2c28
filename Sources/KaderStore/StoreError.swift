/// Why the store refused or failed, in words for the person who must act on it.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file cannot be used; start-up must stop rather than risk the data.
    case unusable(path: String, reason: String)
    /// A write failed (disk full, I/O error); nothing of it was kept.
    case writeFailed(reason: String)
    /// A stored value no longer reads back: the file was changed behind kaderd's back.
    case corrupt(reason: String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason):
            "the database \(path) cannot be used: \(reason). Restore it from a backup or move it aside to start afresh"
        case .writeFailed(let reason):
            "the change was not saved: \(reason)"
        case .corrupt(let reason):
            "the database was changed outside kaderd: \(reason)"
        }
    }
}
