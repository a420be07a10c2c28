#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Why a socket path could not be connected to, in words that say what to do: the errno
/// alone says "connection refused" for a regular file and a dead daemon alike, and
/// "permission denied" for a user outside the group and one whose session predates joining it.
enum SocketDiagnosis {
    static func explain(_ path: String, connectErrno code: Int32) -> String {
        if path.isEmpty { return "no socket path was given (--socket or KADERD_SOCKET is empty)" }
        var info = stat()
        let exists = stat(path, &info) == 0
        switch code {
        case ENOENT:
            return "no socket there (is kaderd running? set --socket or KADERD_SOCKET)"
        case EACCES, EPERM:
            return exists ? permission(path, info) : "permission denied on a folder of the path: \(blockedFolder(path) ?? path)"
        case ECONNREFUSED, ENOTSOCK:
            switch exists ? info.st_mode & S_IFMT : 0 {
            case S_IFDIR: return "that is a folder, not a socket: give the socket file in it (e.g. \(path)/kaderd.sock)"
            case S_IFSOCK: return "nothing is listening there (kaderd is not running; the socket file is left from before)"
            case 0: return "no socket there (is kaderd running? set --socket or KADERD_SOCKET)"
            default: return "that is a file, not a socket: give kaderd's socket (e.g. /run/kaderd/kaderd.sock)"
            }
        default:
            return String(cString: strerror(code))
        }
    }

    /// The socket's group and mode, and which of the two usual causes applies.
    private static func permission(_ path: String, _ info: stat) -> String {
        let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(info.st_gid)"
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "\(info.st_uid)"
        let facts = "\(path) is \(owner):\(group), mode \(String(info.st_mode & 0o777, radix: 8))"
        if sessionGroups().contains(info.st_gid) {
            return "permission denied: \(facts), and this session is in group \(group) (the folder or the mode keeps it out)"
        }
        if let user = getpwuid(geteuid()).map({ String(cString: $0.pointee.pw_name) }), databaseGroups(of: user).contains(info.st_gid) {
            return "permission denied: \(facts); you were added to group \(group) after this session began: "
                + "log in again (or run `newgrp \(group)`)"
        }
        return "permission denied: \(facts), and you are not in group \(group): "
            + "ask an administrator to add you (kaderd-read to read, kaderd-admin to change things)"
    }

    /// The groups this process has now.
    private static func sessionGroups() -> Set<gid_t> {
        var groups = [gid_t](repeating: 0, count: Int(getgroups(0, nil)))
        let count = getgroups(Int32(groups.count), &groups)
        return Set(groups.prefix(max(0, Int(count)))).union([getegid()])
    }

    /// The groups the group database gives `user` at their next login.
    private static func databaseGroups(of user: String) -> Set<gid_t> {
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(user, getegid(), &groups, &count) < 0 {
            groups = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(user, getegid(), &groups, &count)
        }
        return Set(groups.prefix(Int(count)))
    }

    /// The first folder of `path` this user may not pass through.
    private static func blockedFolder(_ path: String) -> String? {
        var partial = ""
        for component in path.split(separator: "/").dropLast() {
            partial += "/" + component
            if access(partial, X_OK) != 0 { return partial }
        }
        return nil
    }
}
