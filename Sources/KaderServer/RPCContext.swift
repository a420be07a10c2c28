import Logging

/// What a method handler knows about the call besides its params.
public struct RPCContext: Sendable {
    /// The caller, when the transport can tell (always, on the Unix socket).
    public var peer: PeerCredentials?
    /// Carries the connection's metadata, so handler log lines say whose request they serve.
    public var logger: Logger

    public init(peer: PeerCredentials?, logger: Logger) {
        self.peer = peer
        self.logger = logger
    }
}
