import Dispatch
import KaderStore
import Logging
import NIOCore
import PostgresNIO
import Synchronization

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
    /// blocked callers elsewhere in the process may be holding) and waits for it here, or
    /// until the connection is closed: a query sent as the server ended the session (the
    /// ROLLBACK after a `pg_terminate_backend`) was seen never to answer, holding its thread
    /// and its request for good. The wait looks at the connection once a second.
    private func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let answered = DispatchSemaphore(value: 0)
        let query = Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) {
            let result: Result<T, any Error>
            do {
                result = .success(try await operation())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            answered.signal()
        }
        while answered.wait(timeout: .now() + 1) == .timedOut {
            if connection.isClosed {
                query.cancel()
                throw StoreError.unreachable(reason: "the server closed the connection")
            }
        }
        return try outcome.withLock { $0! }.get()
    }
}
