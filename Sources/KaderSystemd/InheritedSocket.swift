#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CSystemd

/// A listening socket the service manager opened and passed on start-up (socket activation).
///
/// The socket file, when there is one, belongs to the manager: it made it, it removes it,
/// and it keeps it while the daemon restarts. The daemon serves the descriptor and never
/// unlinks the path.
public struct InheritedSocket: Sendable, Hashable {
    /// The file descriptor, already close-on-exec.
    public var descriptor: CInt
    /// `FileDescriptorName=` of the socket unit (the unit's name by default), or "unknown".
    public var name: String
    /// The file-system path the socket is bound to, nil for abstract or unnamed sockets.
    public var path: String?

    public init(descriptor: CInt, name: String, path: String?) {
        self.descriptor = descriptor
        self.name = name
        self.path = path
    }

    /// Takes the sockets passed by the service manager, removing `LISTEN_PID`, `LISTEN_FDS`
    /// and `LISTEN_FDNAMES` from the environment so no child takes them for its own.
    ///
    /// Returns an empty list when the daemon was started by hand. Every passed descriptor
    /// must be a listening Unix stream socket, since that is all kaderd can serve.
    public static func takeAll() throws(SocketActivationError) -> [InheritedSocket] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        guard count >= 0 else { throw .unreadable(errno: -count) }
        defer {
            if let names {
                for index in 0..<Int(count) { free(names[index]) }
                free(names)
            }
        }
        var sockets: [InheritedSocket] = []
        for index in 0..<Int(count) {
            let descriptor = SD_LISTEN_FDS_START + CInt(index)
            let name = names?[index].map { String(cString: $0) } ?? "unknown"
            guard sd_is_socket_unix(descriptor, CInt(SOCK_STREAM.rawValue), 1, nil, 0) > 0 else {
                throw .notAUnixStreamListener(descriptor: descriptor, name: name)
            }
            sockets.append(InheritedSocket(descriptor: descriptor, name: name, path: boundPath(of: descriptor)))
        }
        return sockets
    }

    private static func boundPath(of descriptor: CInt) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        let pathCapacity = Int(length) - MemoryLayout.offset(of: \sockaddr_un.sun_path)!
        return withUnsafeBytes(of: address.sun_path) { raw -> String? in
            let bytes = raw.prefix(max(0, pathCapacity))
            // An abstract socket starts with a NUL byte and has no file to protect.
            guard let first = bytes.first, first != 0 else { return nil }
            return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
