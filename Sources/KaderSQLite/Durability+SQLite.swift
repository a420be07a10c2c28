import KaderStore

extension Durability {
    /// SQLite's setting for it: FULL flushes the log at each commit, NORMAL at checkpoints.
    var synchronousPragma: String {
        switch self {
        case .full: "FULL"
        case .normal: "NORMAL"
        }
    }
}
