#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOCore

/// Who is on the other end of a Unix-socket connection, as the kernel vouches (SO_PEERCRED).
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32
    /// Every group the user is a member of, `gid` included; see `SystemGroups` for where
    /// they come from. Only `gid` until `resolvingGroups()` looks the rest up.
    public var groups: Set<UInt32>

    public init(pid: Int32, uid: UInt32, gid: UInt32, groups: Set<UInt32> = []) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.groups = groups.union([gid])
    }

    public func isMember(of gid: UInt32) -> Bool { groups.contains(gid) }

    /// The same caller with its supplementary groups looked up (which may block on NSS, so
    /// never on an event loop).
    /// Root and the server's own user may do anything whatever their groups, so they are
    /// spared the lookup.
    public func resolvingGroups() -> PeerCredentials {
        guard uid != 0, uid != getuid() else { return self }
        var resolved = self
        resolved.groups = SystemGroups.memberships(uid: uid, gid: gid)
        return resolved
    }

    public var description: String { "pid=\(pid) uid=\(uid) gid=\(gid)" }

    /// Reads the credentials of the peer of a connected Unix-socket channel.
    static func of(_ channel: Channel) -> EventLoopFuture<PeerCredentials?> {
        guard let provider = channel as? SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        return provider.unsafeGetSocketOption(level: .socket, name: .init(rawValue: SO_PEERCRED))
            .map { (credentials: KernelPeerCredentials) in
                PeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid)
            }
            .recover { _ in nil }
    }
}

/// `struct ucred` from <sys/socket.h>, which Glibc's module map hides behind _GNU_SOURCE:
/// the same three 32-bit fields in the same order.
private struct KernelPeerCredentials {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
