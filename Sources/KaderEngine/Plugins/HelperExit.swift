#if canImport(Glibc)
import Glibc
#endif
import CSpawn

/// How a plugin helper ended, from its wait status, in the words `kaderctl plugins` shows.
struct HelperExit: Sendable, Hashable, CustomStringConvertible {
    let status: Int32

    var signal: Int32? { status & 0x7f == 0 ? nil : status & 0x7f }
    var exitCode: Int32? { status & 0x7f == 0 ? (status >> 8) & 0xff : nil }

    var description: String {
        if let signal {
            let name = cspawn_signal_abbreviation(signal).map { "SIG" + String(cString: $0) } ?? "signal \(signal)"
            return "crashed (\(name))"
        }
        return "exited with status \(exitCode ?? 0)"
    }

    /// Waits for `pid` to end: it is given `grace` to end by itself (it closed its channel,
    /// so it is on its way out), then killed.
    static func reap(_ pid: pid_t, grace: Duration) -> HelperExit {
        let milliseconds = Int32(grace.components.seconds * 1000 + grace.components.attoseconds / 1_000_000_000_000_000)
        guard cspawn_wait_for_exit(pid, milliseconds) == 1 else { return kill(pid) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return HelperExit(status: status)
    }

    /// Kills `pid` and waits for it.
    static func kill(_ pid: pid_t) -> HelperExit {
        var status: Int32 = 0
        _ = Glibc.kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return HelperExit(status: status)
    }
}
