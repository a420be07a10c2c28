#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Logging

/// Makes room for `max_connections` open sockets. The usual soft limit on open files is
/// 1024, the same as the default connection limit, which would leave a full daemon unable
/// to open its own database; the hard limit is normally far higher and is ours to use.
enum DescriptorLimit {
    /// Descriptors beyond the connections: the database and its WAL, the listener, the
    /// event loops, the journal, with room to spare.
    static let headroom = 256

    static func raise(toServe connections: Int, logger: Logger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let wanted = rlim_t(connections + headroom)
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 || limit.rlim_cur < wanted {
            logger.warning(
                "the open-file limit is too low for max_connections; raise LimitNOFILE or lower max_connections",
                metadata: ["max_connections": "\(connections)", "open_files": "\(limit.rlim_cur)"])
        }
    }
}
