#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The sockets the service manager passed cannot be used; the daemon exits with status 78.
public enum SocketActivationError: Error, Sendable, CustomStringConvertible {
    case unreadable(errno: Int32)
    case notAUnixStreamListener(descriptor: CInt, name: String)

    public var description: String {
        switch self {
        case .unreadable(let errno):
            "cannot read the sockets passed by the service manager: \(String(cString: strerror(errno)))"
        case .notAUnixStreamListener(let descriptor, let name):
            "the socket passed as fd \(descriptor) (\(name)) is not a listening Unix stream socket; "
                + "use ListenStream= with a path in the socket unit"
        }
    }
}
