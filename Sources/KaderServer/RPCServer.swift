#if canImport(Glibc)
import Glibc
#endif
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

        public var endpoint: Endpoint
        public var maxLineBytes: Int

        public init(endpoint: Endpoint, maxLineBytes: Int = RPCFraming.maxLineBytes) {
            self.endpoint = endpoint
            self.maxLineBytes = maxLineBytes
        }
    }

    private let configuration: Configuration
    private let dispatcher: RPCDispatcher
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let onListening: @Sendable () async -> Void
    private let registry = ConnectionRegistry()

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
    }

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
        let maxLineBytes = configuration.maxLineBytes
        let registry = self.registry
        let initializer: @Sendable (any Channel) -> EventLoopFuture<AcceptedConnection> = { channel in
            PeerCredentials.of(channel).flatMapThrowing { peer in
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(maxLineBytes: maxLineBytes)))
                let wrapped = try NIOAsyncChannel<LineFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                let connection = AcceptedConnection(channel: wrapped, peer: peer)
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
                return try await bootstrap.bind(unixDomainSocketPath: path, childChannelInitializer: initializer)
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
        if let peer = connection.peer { logger[metadataKey: "peer_uid"] = "\(peer.uid)" }
        let context = RPCContext(peer: connection.peer, logger: logger)
        logger.debug("connection opened", metadata: ["peer_pid": "\(connection.peer?.pid ?? 0)"])
        let channel = connection.channel
        do {
            try await channel.executeThenClose { frames, outbound in
                let notifier = RPCNotifier { line in try await outbound.write(ByteBuffer(bytes: line)) }
                try await withThrowingDiscardingTaskGroup { streams in
                    try await withGracefulShutdownHandler {
                        try await serveLines(frames, outbound: outbound, context: context) { opened in
                            for body in opened {
                                streams.addTask { try? await body(notifier) }
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
}

extension RPCServer {
    /// Answers each line in order; streams a method opened start after its reply is written.
    private func serveLines(
        _ frames: NIOAsyncChannelInboundStream<LineFrame>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        context: RPCContext, startStreams: ([RPCStreams.Body]) -> Void
    ) async throws {
        for try await frame in frames {
            switch frame {
            case .line(let line):
                var lineContext = context
                let streams = RPCStreams()
                lineContext.streams = streams
                if var reply = await dispatcher.handle(line: line.readableBytesView, context: lineContext) {
                    reply.append(RPCFraming.newline)
                    try await outbound.write(ByteBuffer(bytes: reply))
                }
                startStreams(streams.take())
            case .tooLong:
                context.logger.notice("request line too long; closing the connection")
                let error = RPCError(
                    .tooLarge, "Request line longer than \(configuration.maxLineBytes) bytes; closing the connection",
                    extra: ["limit": .number(JSONNumber(configuration.maxLineBytes))])
                var reply = JSONWriter.bytes(RPCResponse(id: .null, error: error).json)
                reply.append(RPCFraming.newline)
                try await outbound.write(ByteBuffer(bytes: reply))
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
