import KaderRPC

/// What one client may hold of the daemon, so that no client, slow, silent or hostile,
/// can exhaust it or delay the others.
public struct ServerLimits: Sendable, Hashable {
    /// The longest request line; a longer one is answered with `too_large` and the
    /// connection is closed.
    public var maxLineBytes = RPCFraming.maxLineBytes
    /// The deepest nesting of arrays and objects in a request; deeper is a parse error.
    public var maxNestingDepth = JSONParser.defaultMaxDepth
    /// Connections served at once; one more is answered with `unavailable` and closed.
    public var maxConnections = 1024
    /// Request lines a connection may have read but not yet answered; beyond it the server
    /// stops reading from that connection until it catches up.
    public var maxPipelinedRequests = 16
    /// How long a connection may sit with nothing asked, nothing being answered and no open
    /// stream before it is closed.
    public var idleTimeout = Duration.seconds(300)
    /// `events.subscribe` streams open at once, over all connections.
    public var maxSubscribers = 256

    public init() {}
}
