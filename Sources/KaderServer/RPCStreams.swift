import KaderRPC
import Synchronization

/// Sends JSON-RPC notifications on one connection, after the reply that opened the stream.
public struct RPCNotifier: Sendable {
    let send: @Sendable ([UInt8]) async throws -> Void

    /// Writes one notification line; suspends while the client is not reading, so a slow
    /// subscriber slows its own stream and nothing else.
    public func notify(_ method: String, params: JSONValue) async throws {
        var line = JSONWriter.bytes(RPCRequest(method: method, params: params, id: nil).json)
        line.append(RPCFraming.newline)
        try await send(line)
    }
}

/// The streams methods asked to open while serving one line; the connection starts them
/// once the line's reply is written and cancels them when it closes.
public final class RPCStreams: Sendable {
    public typealias Body = @Sendable (RPCNotifier) async throws -> Void

    private let bodies = Mutex<[Body]>([])

    public init() {}

    func add(_ body: @escaping Body) {
        bodies.withLock { $0.append(body) }
    }

    func take() -> [Body] {
        bodies.withLock { bodies in
            defer { bodies = [] }
            return bodies
        }
    }
}

extension RPCContext {
    /// Asks for `body` to run on this connection after the reply, until the client goes away.
    public func openStream(_ body: @escaping RPCStreams.Body) throws(RPCError) {
        guard let streams else {
            throw RPCError(.unavailable, "This connection cannot carry a stream of notifications")
        }
        streams.add(body)
    }
}
