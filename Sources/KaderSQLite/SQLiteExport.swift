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

    /// The rows of `table`'s `columns`, `batchSize` at a time, each value as SQLite holds it.
    package func rows(
        of table: String, columns: [String], batchSize: Int = 10_000,
        _ body: ([[StoredValue]]) async throws -> Void
    ) async throws {
        var after: Int64 = .min
        while true {
            let (batch, last) = try await queue.read { [after] db -> ([[StoredValue]], Int64?) in
                let rows = try Row.fetchAll(
                    db, sql: "SELECT rowid, \(columns.joined(separator: ", ")) FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    arguments: [after, batchSize])
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
