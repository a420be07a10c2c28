/// Why the socket file could not be made ready; the daemon maps it to its exit status.
public enum SocketFileError: Error, Sendable, CustomStringConvertible {
    case inUse(path: String)
    case notASocket(path: String)
    case cannotPrepare(path: String, reason: String)
    case cannotBind(path: String, reason: String, permissionDenied: Bool)

    /// The operating system refused for lack of permission, not because of a conflict.
    public var isPermissionProblem: Bool {
        if case .cannotBind(_, _, true) = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .inUse(let path): "another daemon is already serving \(path)"
        case .notASocket(let path): "\(path) exists and is not a socket; refusing to replace it"
        case .cannotPrepare(let path, let reason): "cannot prepare the socket \(path): \(reason)"
        case .cannotBind(let path, let reason, _): "cannot listen on \(path): \(reason)"
        }
    }
}
