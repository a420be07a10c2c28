#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderRPC
import Synchronization

/// The access policy in force, which a reload may replace while connections stay open, and
/// what to do with each refusal (the daemon records it in the history).
public final class AccessControl: Sendable {
    /// What was refused, to whom.
    public struct Refusal: Sendable {
        public var method: String
        public var peer: PeerCredentials?
        /// A notification: refused without a reply.
        public var silent: Bool
    }

    private let current: Mutex<AccessPolicy>
    private let onRefusal: @Sendable (Refusal) async -> Void

    public init(policy: AccessPolicy, onRefusal: @escaping @Sendable (Refusal) async -> Void = { _ in }) {
        self.current = Mutex(policy)
        self.onRefusal = onRefusal
    }

    /// Only root and the user running this process: what a server gets unless told otherwise.
    public static func ownerOnly() -> AccessControl {
        AccessControl(
            policy: AccessPolicy(
                admin: .init(name: "root", gid: nil), read: .init(name: "root", gid: nil), ownerUID: getuid()))
    }

    public var policy: AccessPolicy {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    /// The error refusing this call, or nil when the caller may make it. Decides without
    /// waiting, so the event loop can ask before answering a call itself.
    func refusal(method: String, access: RPCMethodDescriptor.Access?, context: RPCContext) -> RPCError? {
        policy.refusal(method: method, access: access, peer: context.peer)
    }

    /// Logs a refusal and hands it to the daemon, which records it in the history.
    func report(_ refusal: RPCError, method: String, context: RPCContext, silent: Bool) async {
        context.logger.notice(
            "call refused",
            metadata: [
                "method": "\(method)", "peer_uid": "\(context.peer.map { "\($0.uid)" } ?? "unknown")",
                "notification": "\(silent)",
            ])
        await onRefusal(Refusal(method: method, peer: context.peer, silent: silent))
    }
}
