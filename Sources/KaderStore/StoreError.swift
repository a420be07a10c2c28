/// Why the store refused or failed, in words for the person who must act on it.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file cannot be used; start-up must stop rather than risk the data.
    case unusable(path: String, reason: String)
    /// A write failed (disk full, I/O error); nothing of it was kept.
    case writeFailed(reason: String)
    /// A stored value no longer reads back: the file was changed behind kaderd's back.
    case corrupt(reason: String)
    /// A row was no longer as the change read it: another writer (another kaderd on a
    /// shared database) changed it first. Nothing of the change was kept; reading again
    /// and deciding again is safe.
    case changedMeanwhile(what: String)
    /// The database server could not be reached (down, restarting, the network); nothing
    /// of the request was kept. Retrying later is safe.
    case unreachable(reason: String)
    /// A write only the leader may make, by a kaderd whose lease (of `term`) has passed to
    /// another node: it stopped being the leader, perhaps while paused. Nothing was kept.
    case notLeader(term: Int64)

    public var description: String {
        switch self {
        case .unusable(let path, let reason):
            "the database \(path) cannot be used: \(reason). Restore it from a backup or move it aside to start afresh"
        case .writeFailed(let reason):
            "the change was not saved: \(reason)"
        case .corrupt(let reason):
            "the database was changed outside kaderd: \(reason)"
        case .changedMeanwhile(let what):
            "\(what) was changed by another request meanwhile; nothing was saved, try again"
        case .unreachable(let reason):
            "the database server cannot be reached: \(reason). Nothing was changed; try again later"
        case .notLeader(let term):
            "this kaderd no longer holds the leader's lease of term \(term); nothing was saved, another node leads"
        }
    }
}
