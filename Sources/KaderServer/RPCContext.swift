import Logging

/// What a method handler knows about the call besides its params.
public struct RPCContext: Sendable {
    /// The caller, when the transport can tell (always, on the Unix socket).
    public var peer: PeerCredentials?
    /// Carries the connection's metadata, so handler log lines say whose request they serve.
    public var logger: Logger
    /// Where a method may open a stream of notifications; nil where the transport has none.
    public var streams: RPCStreams?

    public init(peer: PeerCredentials?, logger: Logger, streams: RPCStreams? = nil) {
        self.peer = peer
        self.logger = logger
        self.streams = streams
    }
}
