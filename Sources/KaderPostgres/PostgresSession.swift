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

    private func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let promise = connection.eventLoop.makePromise(of: T.self)
        promise.completeWithTask(operation)
        return try promise.futureResult.wait()
    }
}

/// A row, read by column name or position.
struct StoredRow: Sendable {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    subscript<T: PostgresDecodable>(_ column: String) -> T {
        get throws { try row[column].decode(T.self) }
    }

    subscript<T: PostgresDecodable>(_ index: Int) -> T {
        get throws { try row[index].decode(T.self) }
    }
}

/// SQL built a piece at a time, for queries whose conditions depend on the request: `bind`
/// adds a value and returns the `$n` that stands for it.
struct PostgresStatement {
    private(set) var binds = PostgresBindings()
    private var count = 0

    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
