#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The system's user and group database (through NSS), as authorization needs it.
///
/// A caller's supplementary groups are looked up by user name here rather than read from
/// `/proc/PID/status`: the pid may have exited and been reused by the time we look, and a
/// sandboxed daemon (`ProtectProc=invisible`) cannot see other users' processes at all. The
/// cost is that membership follows the group database, not the caller's login session: a
/// person added to or removed from a group is admitted or refused from their next connection,
/// without logging in again.
public enum SystemGroups {
    public static func gid(named name: String) -> UInt32? {
        var group = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        let status = getgrnam_r(name, &group, &buffer, buffer.count, &result)
        guard status == 0, let result else { return nil }
        return result.pointee.gr_gid
    }

    /// Every group `uid` belongs to: `gid` (its primary group, as the kernel reported it) and
    /// the supplementary groups listing its user name. A uid without a name has only `gid`.
    public static func memberships(uid: UInt32, gid: UInt32) -> Set<UInt32> {
        var user = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getpwuid_r(uid, &user, &buffer, buffer.count, &result) == 0, let result, let name = result.pointee.pw_name
        else { return [gid] }
        var count: Int32 = 64
        while true {
            var groups = [gid_t](repeating: 0, count: Int(count))
            let wanted = count
            if getgrouplist(name, gid, &groups, &count) >= 0 {
                return Set(groups.prefix(Int(count))).union([gid])
            }
            // Too small: `count` now says how many there are.
            if count <= wanted { count = wanted * 2 }
        }
    }
}
