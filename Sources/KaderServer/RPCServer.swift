#if canImport(Glibc)
import Glibc
#endif
import CoreMetrics
import KaderRPC
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves JSON-RPC 2.0 on a Unix stream socket, one message or batch per line.
///
/// Each connection is served by its own task, requests strictly in order, so pipelined
/// requests are answered in the order sent. On graceful shutdown the listener closes first,
/// then each connection stops reading: requests already read are answered, idle clients
/// are let go at once, and the socket file is removed.
public struct RPCServer: Service {
    public struct Configuration: Sendable {
        public enum Endpoint: Sendable, Hashable {
            /// Bind a new socket at this path, and remove it when done.
            case path(String)
            /// Serve an already listening socket handed over by the service manager. It is
            /// the manager's to remove, never ours.
            case inherited(descriptor: CInt, path: String?)
        }

        /// Who may open a socket file this server binds itself: its group and mode, as
        /// dockerd sets its own. nil leaves what bind(2) and the umask make.
        public struct FileAccess: Sendable, Hashable {
            public var group: gid_t?
            public var mode: mode_t

            public init(group: gid_t?, mode: mode_t) {
                self.group = group
                self.mode = mode
            }
        }

        public var endpoint: Endpoint
        public var limits: ServerLimits
        public var fileAccess: FileAccess?
        /// Where connections are counted: the process's bootstrapped factory unless a test
        /// gives each of its servers a registry of its own.
        public var metrics: any MetricsFactory

        public init(
            endpoint: Endpoint, limits: ServerLimits = ServerLimits(), fileAccess: FileAccess? = nil,
            metrics: any MetricsFactory = MetricsSystem.factory
        ) {
            self.endpoint = endpoint
            self.limits = limits
            self.fileAccess = fileAccess
            self.metrics = metrics
        }
    }

    private let configuration: Configuration
    private let dispatcher: RPCDispatcher
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let onListening: @Sendable () async -> Void
    private let registry = ConnectionRegistry()
    private let streamBudget: StreamBudget
    private let connectionMetrics: ConnectionMetrics

    /// - Parameter onListening: called once the socket accepts connections, before any is served.
    public init(
        configuration: Configuration,
        dispatcher: RPCDispatcher,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onListening: @escaping @Sendable () async -> Void = {}
    ) {
        self.configuration = configuration
        self.dispatcher = dispatcher
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.onListening = onListening
        self.streamBudget = StreamBudget(limit: configuration.limits.maxSubscribers)
        self.connectionMetrics = ConnectionMetrics(factory: configuration.metrics)
    }

    /// Connections accepted and served (or being served) since `run()` began; shared by copies.
    public var connectionsServed: UInt64 { registry.deliveredCount }

    public func run() async throws {
        let listener = try await bind()
        defer {
            if case .path(let path) = configuration.endpoint { UnixSocketFile.remove(path: path) }
        }
        logger.info("serving JSON-RPC", metadata: ["socket": "\(configuration.endpoint.displayPath)"])
        await onListening()

        try await withGracefulShutdownHandler {
            try await listener.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        let number = registry.deliver(connection)
                        group.addTask { await serve(connection, number: number) }
                    }
                    for stranded in registry.close() {
                        group.addTask { await stranded.discard() }
                    }
                }
            }
        } onGracefulShutdown: {
            listener.channel.close(promise: nil)
        }
        logger.info("stopped serving", metadata: ["socket": "\(configuration.endpoint.displayPath)"])
    }

    private func bind() async throws -> NIOAsyncChannel<AcceptedConnection, Never> {
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let limits = configuration.limits
        let registry = self.registry
        let dispatcher = self.dispatcher
        let initializer: @Sendable (any Channel) -> EventLoopFuture<AcceptedConnection> = { channel in
            PeerCredentials.of(channel).flatMapThrowing { peer in
                let activity = ConnectionActivity()
                let immediateAnswers = ImmediateAnswerHandler(
                    dispatcher: dispatcher, maxNestingDepth: limits.maxNestingDepth)
                try channel.pipeline.syncOperations.addHandlers([
                    IdleTimeoutHandler(timeout: TimeAmount(limits.idleTimeout), activity: activity),
                    ByteToMessageHandler(LineFrameDecoder(maxLineBytes: limits.maxLineBytes)),
                    immediateAnswers,
                    RequestArrivalHandler(activity: activity),
                ])
                // Reading pauses while this many lines wait for their answers.
                let pipelining = NIOAsyncChannel<LineFrame, OutboundFrame>.Configuration(
                    backPressureStrategy: .init(
                        lowWatermark: max(1, limits.maxPipelinedRequests / 2), highWatermark: limits.maxPipelinedRequests))
                let wrapped = try NIOAsyncChannel<LineFrame, OutboundFrame>(
                    wrappingChannelSynchronously: channel, configuration: pipelining)
                let connection = AcceptedConnection(
                    channel: wrapped, peer: peer, activity: activity,
                    immediateAnswers: NIOLoopBound(immediateAnswers, eventLoop: channel.eventLoop))
                guard registry.register(connection) else {
                    // Accepted after the server stopped: close it, finishing the async channel.
                    Task { await connection.discard() }
                    throw ChannelError.ioOnClosedChannel
                }
                return connection
            }
        }
        switch configuration.endpoint {
        case .path(let path):
            try UnixSocketFile.prepare(path: path)
            do {
                // Until its group and mode are set only its owner can connect: bind(2) gives
                // a socket 0777 less the umask, and connecting takes write permission.
                let listening = try await bootstrap.bind(unixDomainSocketPath: path, childChannelInitializer: initializer)
                if let access = configuration.fileAccess {
                    try UnixSocketFile.restrict(path: path, group: access.group, mode: access.mode)
                }
                return listening
            } catch let error as IOError {
                throw SocketFileError.cannotBind(
                    path: path, reason: error.description,
                    permissionDenied: error.errnoCode == EACCES || error.errnoCode == EPERM)
            }
        case .inherited(let descriptor, _):
            return try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        }
    }

    private func serve(_ connection: AcceptedConnection, number: UInt64) async {
        var logger = self.logger
        logger[metadataKey: "connection"] = "\(number)"
        connectionMetrics.accepted.increment()
        guard registry.admit(limit: configuration.limits.maxConnections) else {
            connectionMetrics.turnedAway.increment()
            await turnAway(connection, logger: logger)
            return
        }
        connectionMetrics.open.increment()
        defer {
            connectionMetrics.open.decrement()
            registry.release()
        }
        // Looked up once per connection, off the event loop: the group database may be remote.
        let peer = connection.peer?.resolvingGroups()
        if let peer { logger[metadataKey: "peer_uid"] = "\(peer.uid)" }
        let context = RPCContext(peer: peer, logger: logger)
        connection.answerImmediately(as: context)
        // Served from here on: reading starts, and idle time counts from now.
        connection.activity.end()
        logger.debug("connection opened", metadata: ["peer_pid": "\(connection.peer?.pid ?? 0)"])
        let channel = connection.channel
        do {
            try await channel.executeThenClose { frames, outbound in
                let notifier = RPCNotifier { line in try await outbound.write(.unsolicited(ByteBuffer(line: line))) }
                try await withThrowingDiscardingTaskGroup { streams in
                    try await withGracefulShutdownHandler {
                        try await serveLines(
                            frames, outbound: outbound, context: context, activity: connection.activity
                        ) { opened in
                            for body in opened {
                                connection.activity.begin()
                                streams.addTask { [logger] in
                                    defer { connection.activity.end() }
                                    do {
                                        try await body(notifier)
                                    } catch where !Task.isCancelled {
                                        // A stream that cannot go on closes its connection, so
                                        // its client sees the end and subscribes again from its
                                        // cursor, rather than waiting on a stream that is gone.
                                        logger.warning("a stream ended on an error; closing its connection",
                                                       metadata: ["error": "\(error)"])
                                        channel.channel.close(promise: nil)
                                    }
                                }
                            }
                        }
                    } onGracefulShutdown: {
                        // Stop reading: what was read is still answered, an idle client is let go.
                        channel.channel.close(mode: .input, promise: nil)
                    }
                    // No more requests: the connection's streams end with it.
                    streams.cancelAll()
                }
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)"])
        }
        logger.debug("connection closed")
    }

    /// Answers a connection beyond the limit with one `unavailable` line and closes it, so
    /// the client learns why instead of waiting.
    private func turnAway(_ connection: AcceptedConnection, logger: Logger) async {
        let limit = configuration.limits.maxConnections
        logger.warning("too many connections; turning one away", metadata: ["limit": "\(limit)"])
        let error = RPCError(
            .unavailable, "The daemon serves \(limit) connections at once, its limit; try again later",
            extra: ["limit": .number(JSONNumber(limit))])
        try? await connection.channel.executeThenClose { _, outbound in
            try await outbound.write(.unsolicited(ByteBuffer(errorLine: error)))
        }
    }
}

extension RPCServer {
    /// Answers each line in order; streams a method opened start after its reply is written.
    private func serveLines(
        _ frames: NIOAsyncChannelInboundStream<LineFrame>, outbound: NIOAsyncChannelOutboundWriter<OutboundFrame>,
        context: RPCContext, activity: ConnectionActivity, startStreams: ([RPCStreams.Body]) -> Void
    ) async throws {
        let limits = configuration.limits
        func answer(_ inbound: RPCInbound) async throws {
            var lineContext = context
            let streams = RPCStreams(budget: streamBudget)
            lineContext.streams = streams
            // Counted busy since it was framed (RequestArrivalHandler); done once answered.
            defer { activity.end() }
            // Written even when empty: the event loop counts replies to keep their order.
            let reply = await dispatcher.handle(inbound, context: lineContext)
            try await outbound.write(.reply(reply.map { ByteBuffer(line: $0) } ?? ByteBuffer()))
            startStreams(streams.take())
        }
        for try await frame in frames {
            switch frame {
            case .parsed(let inbound):
                try await answer(inbound)
            case .line(let line):
                try await answer(RPCInbound(line: line.readableBytesView, maxDepth: limits.maxNestingDepth))
            case .tooLong:
                context.logger.notice("request line too long; closing the connection")
                let error = RPCError(
                    .tooLarge, "Request line longer than \(limits.maxLineBytes) bytes; closing the connection",
                    extra: ["limit": .number(JSONNumber(limits.maxLineBytes))])
                try await outbound.write(.reply(ByteBuffer(errorLine: error)))
                return
            }
        }
    }
}

extension RPCServer: CustomStringConvertible {
    /// Short, for ServiceLifecycle's log lines, which name each service.
    public var description: String { "RPCServer(\(configuration.endpoint.displayPath))" }
}

extension RPCServer.Configuration.Endpoint {
    var displayPath: String {
        switch self {
        case .path(let path): path
        case .inherited(let descriptor, let path): path ?? "fd \(descriptor)"
        }
    }
}
