#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderRPC

/// Why a call to the daemon did not produce a result, worded for the person at the terminal.
public enum ClientError: Error, Sendable, CustomStringConvertible {
    /// The socket could not be connected to.
    case unreachable(socket: String, reason: String, errno: Int32)
    /// The daemon did not answer within the time allowed.
    case timedOut(socket: String, seconds: Double)
    /// The daemon closed the connection before answering.
    case closed(socket: String)
    /// The daemon's reply broke the protocol.
    case malformedReply(socket: String, detail: String)
    /// The daemon answered with a JSON-RPC error.
    case remote(RPCError)

    public var description: String {
        switch self {
        case .unreachable(let socket, let reason, _):
            "cannot reach kaderd at \(socket): \(reason)"
        case .timedOut(let socket, let seconds):
            "kaderd at \(socket) did not answer within \(seconds.formatted) s"
        case .closed(let socket):
            "kaderd at \(socket) closed the connection without answering"
        case .malformedReply(let socket, let detail):
            "kaderd at \(socket) sent a reply that is not valid JSON-RPC: \(detail)"
        case .remote(let error):
            error.description
        }
    }

    /// The exit status a command-line client should end with for this error.
    public var exitStatus: ExitStatus { ExitStatus(kind: kind) }

    /// The error kind a script sees: the daemon's, or for a failure before any answer the
    /// kind that says the same (a socket kaderctl may not open is `forbidden`).
    public var kind: RPCErrorKind {
        switch self {
        case .unreachable(_, _, let code) where code == EACCES || code == EPERM: .forbidden
        case .unreachable, .timedOut, .closed: .unavailable
        case .malformedReply: .internalError
        case .remote(let error): error.kind ?? .internalError
        }
    }
}

extension Double {
    fileprivate var formatted: String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
