/// How hard a commit tries to survive a crash, chosen by `durability` in kaderd.toml.
///
/// Both survive the daemon being killed (`kill -9`): the database's write-ahead log holds
/// every acknowledged commit. They differ on power loss or a kernel crash.
public enum Durability: String, Sendable, Hashable, CaseIterable {
    /// Every commit is flushed to the disk (fsync of the WAL) before it is acknowledged:
    /// an acknowledged change survives power loss. The default.
    case full
    /// Commits reach the operating system before they are acknowledged and the disk at the
    /// next checkpoint: faster, but the last moments of changes may be lost on power loss
    /// (the database itself stays consistent).
    case normal

}
