#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where the daemon's log lines go: the journal when systemd runs it, stderr otherwise.
///
/// Under systemd, lines written to stderr reach the journal too, but as flat text: the
/// priority, source location and our `KADERD_*` fields are lost. Run by hand, a person wants
/// to read the log in the terminal, not hunt for it in a journal.
public enum LogDestination: Sendable, Hashable {
    case journal
    case standardError

    /// The socket journald reads native entries from; libsystemd always sends there.
    public static let journalSocket = "/run/systemd/journal/socket"

    /// systemd sets `JOURNAL_STREAM` to `device:inode` of the stream it connected to the
    /// journal; if stderr is still that stream, the journal is where our output would end
    /// up anyway. `INVOCATION_ID` is set for every process a unit starts, whatever its
    /// stderr. Without journald's socket there is no journal: `sd_journal_sendv` would drop
    /// every entry without an error, so stderr it is.
    public static func detect(
        environment: [String: String], standardErrorIdentity: (device: UInt64, inode: UInt64)? = identity(of: 2),
        journalAvailable: Bool = access(journalSocket, F_OK) == 0
    ) -> LogDestination {
        guard journalAvailable else { return .standardError }
        if let stream = environment["JOURNAL_STREAM"], let identity = standardErrorIdentity,
            stream == "\(identity.device):\(identity.inode)"
        {
            return .journal
        }
        if let invocation = environment["INVOCATION_ID"], !invocation.isEmpty { return .journal }
        return .standardError
    }

    /// The device and inode of an open file, as `JOURNAL_STREAM` spells them.
    public static func identity(of descriptor: CInt) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }
}
