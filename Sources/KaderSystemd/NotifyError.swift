#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Sending to the notify socket failed: systemd will not see the state change.
public struct NotifyError: Error, Sendable, CustomStringConvertible {
    public let message: NotifyMessage
    public let errno: Int32

    public var description: String {
        "cannot notify the service manager (\(message.text.prefix { $0 != "\n" })): \(String(cString: strerror(errno)))"
    }
}
