import GRDB
import KaderStore

/// Reads a SQLite store's tables a batch at a time, in the order rows were written, for
/// moving the store elsewhere. The file is opened read-only; the kaderd that uses it must
/// be stopped, since batches are read in transactions of their own.
public struct SQLiteExport: Sendable {
    private let queue: DatabaseQueue

    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history") }
        } catch let error as DatabaseError {
            throw .unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .unusable(path: path, reason: "\(error)")
        }
    }

    /// How many rows `table` holds.
    public func count(_ table: String) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// The rows of `table`'s `columns`, `batchSize` at a time, each value as SQLite holds it,
    /// in the order of the table's key: its rowid, or the entry's number (`history`, a view).
    /// A task's row comes with its id's text (`TaskKey`) and its step's id, kind and title.
    package func rows(
        of table: String, columns: [String], batchSize: Int = 10_000,
        _ body: ([[StoredValue]]) async throws -> Void
    ) async throws {
        // Tasks come with their id and their step's columns, as every other store keeps them;
        // history entries with their kind's.
        let (key, source) =
            switch table {
            case "task": ("task.key", SQLiteReader.taskRows())
            case "history": ("seq", table)  // a view since v13
            default: ("rowid", table)
            }
        let columns = columns.map { table == "task" && $0 == "id" ? TaskKey.idSQL("task.key") : $0 }
        var after: DatabaseValue?
        while true {
            let (batch, last) = try await queue.read { [after] db -> ([[StoredValue]], DatabaseValue?) in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(key), \(columns.joined(separator: ", ")) FROM \(source) \
                        \(after == nil ? "" : "WHERE \(key) > ?") ORDER BY \(key) LIMIT ?
                        """,
                    arguments: StatementArguments((after.map { [$0] } ?? []) + [batchSize.databaseValue]))
                return (rows.map { row in (1...columns.count).map { Self.value(row[$0] as DatabaseValue) } }, rows.last?[0])
            }
            guard let last else { return }
            try await body(batch)
            after = last
        }
    }

    private static func value(_ value: DatabaseValue) -> StoredValue {
        switch value.storage {
        case .null: .null
        case .int64(let value): .integer(value)
        case .double(let value): .real(value)
        case .string(let value): .text(value)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}
