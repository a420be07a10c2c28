import KaderClient
import KaderRPC
import KaderServer
import Logging
import ServiceLifecycle

/// The real `RPCServer`, run in this process on a temporary socket under a `ServiceGroup`,
/// exactly as the daemon runs it, for tests that need to reach inside (custom methods,
/// triggering shutdown) without a subprocess.
public struct InProcessServer: Sendable {
    public let socket: String
    private let group: ServiceGroup

    /// Runs `body` against a listening server, then shuts the server down gracefully.
    public static func with<T: Sendable>(
        methods: [RPCMethod],
        limits: ServerLimits = ServerLimits(),
        translatingErrors translate: @escaping @Sendable (any Error) -> RPCError? = { _ in nil },
        ledger: (any RPCCallLedger)? = nil,
        _ body: (InProcessServer) async throws -> T
    ) async throws -> T {
        let directory = TemporaryDirectory()
        let socket = directory.file("kaderd.sock")
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        let (listening, listeningContinuation) = AsyncStream<Void>.makeStream()
        let server = RPCServer(
            configuration: .init(endpoint: .path(socket), limits: limits),
            dispatcher: RPCDispatcher(methods: methods, translatingErrors: translate, ledger: ledger),
            logger: logger,
            onListening: { listeningContinuation.yield() })
        let group = ServiceGroup(services: [server], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = listening.makeAsyncIterator()
            await iterator.next()
            let handle = InProcessServer(socket: socket, group: group)
            do {
                let result = try await body(handle)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// Asks the server to stop, as SIGTERM does in the daemon; returns at once.
    public func triggerGracefulShutdown() async {
        await group.triggerGracefulShutdown()
    }

    public func connect(timeout: Double = waitLimit) throws -> RPCConnection {
        try RPCConnection(socketPath: socket, timeout: timeout)
    }
}
