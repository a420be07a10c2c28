import KaderRPC
import ServiceLifecycle
import Synchronization

/// Sends JSON-RPC notifications on one connection, after the reply that opened the stream.
public struct RPCNotifier: Sendable {
    /// Sends one line, given without its newline.
    let send: @Sendable ([UInt8]) async throws -> Void

    /// Writes one notification line; suspends while the client is not reading, so a slow
    /// subscriber slows its own stream and nothing else.
    /// One line for each of `params`, all in one write: the last of a batch is not kept
    /// waiting behind a write and a wake-up for each one before it.
    public func notify(_ method: String, each params: [JSONValue]) async throws {
        guard !params.isEmpty else { return }
        try await send(Array(params.map { Self.line(method, $0) }.joined(separator: [UInt8(ascii: "\n")])))
    }

    private static func line(_ method: String, _ params: JSONValue) -> [UInt8] {
        JSONWriter.bytes(RPCRequest(method: method, params: params, id: nil).json)
    }

    /// Whether the stream is ending because the daemon is stopping, not because the client
    /// left: then it has a last word to say (where to resume).
    public var daemonIsStopping: Bool { Task.isShuttingDownGracefully }

    /// Sends a stream's last notification as the daemon stops. The stream's task is
    /// cancelled by then, and a cancelled task's writes are refused; the connection waits
    /// for its streams before it closes, so a task of its own still gets the line out.
    public func farewell(_ method: String, params: JSONValue) async {
        let send = self.send
        let line = Self.line(method, params)
        await Task { try? await send(line) }.value
    }
}

/// The streams methods asked to open while serving one line; the connection starts them
/// once the line's reply is written and cancels them when it closes.
public final class RPCStreams: Sendable {
    public typealias Body = @Sendable (RPCNotifier) async throws -> Void

    private let bodies = Mutex<[Body]>([])
    private let budget: StreamBudget

    init(budget: StreamBudget) {
        self.budget = budget
    }

    func add(_ body: @escaping Body) throws(RPCError) {
        try budget.reserve()
        bodies.withLock { $0.append(body) }
    }

    /// The streams to start; each gives its place in the budget back when it ends.
    func take() -> [Body] {
        let taken = bodies.withLock { bodies in
            defer { bodies = [] }
            return bodies
        }
        let budget = self.budget
        return taken.map { body in
            { notifier in
                defer { budget.release() }
                try await body(notifier)
            }
        }
    }

    /// Streams asked for but never started (the connection closed first) give back their places.
    deinit {
        for _ in bodies.withLock({ $0 }) { budget.release() }
    }
}

extension RPCContext {
    /// Asks for `body` to run on this connection after the reply, until the client goes away.
    public func openStream(_ body: @escaping RPCStreams.Body) throws(RPCError) {
        guard let streams else {
            throw RPCError(.unavailable, "This connection cannot carry a stream of notifications")
        }
        try streams.add(body)
    }
}
