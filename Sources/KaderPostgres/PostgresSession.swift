import Logging
import NIOCore
import PostgresNIO

/// One leased connection, driven from a thread that may block.
///
/// The store contract is synchronous (a reader's calls return values, as SQLite's do), and
/// postgres-nio is asynchronous: each query is started on the connection's event loop and
/// waited for here. Only threads of the store's own pool run sessions, never the event
/// loops or the cooperative pool, so the wait blocks nothing else.
struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// The rows `query` returns, all of them.
    func rows(_ query: PostgresQuery) throws -> [StoredRow] {
        try wait { [connection, logger] in
            try await connection.query(query, logger: logger).collect()
        }.map(StoredRow.init)
    }

    func execute(_ query: PostgresQuery) throws {
        _ = try rows(query)
    }

    /// The one value of a query that returns one row of one column; nil when it returns none.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        try rows(query).first.map { try $0[0] }
    }

    /// Runs `operation` on the connection's event loop (not the cooperative pool, which
    /// blocked callers elsewhere in the process may be holding) and waits for it here.
    private func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let promise = connection.eventLoop.makePromise(of: T.self)
        Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) {
            do {
                promise.succeed(try await operation())
            } catch {
                promise.fail(error)
            }
        }
        return try promise.futureResult.wait()
    }
}
