#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CSystemd

/// Tells the service manager about the daemon's state, through `sd_notify`.
///
/// When the daemon was not started by a service manager (`NOTIFY_SOCKET` unset), every send
/// is a no-op, so callers never need to ask first.
public struct SystemdNotifier: Sendable {
    public init() {}

    /// Whether a service manager listens; reads the environment as `sd_notify` will.
    public var isListening: Bool {
        guard let socket = getenv("NOTIFY_SOCKET") else { return false }
        return socket.pointee != 0
    }

    /// Sends one message; returns false when nobody listens, throws when sending failed.
    @discardableResult
    public func send(_ message: NotifyMessage) throws(NotifyError) -> Bool {
        // Keep NOTIFY_SOCKET in the environment (unset_environment 0): the daemon notifies
        // for its whole life, not just once at start-up.
        let result = sd_notify(0, message.text)
        if result < 0 { throw NotifyError(message: message, errno: -result) }
        return result > 0
    }
}
