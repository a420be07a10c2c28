import Foundation
import KaderStore
import Logging
import PostgresNIO
import Synchronization

/// Copies a whole store, table by table, into an empty PostgreSQL database in one
/// transaction (`COPY … FROM STDIN`: five times faster than inserts of many rows here), all
/// or nothing. The source gives each table's rows in order; the values keep their numbers
/// (the register's No. Urut, the history's sequence), so events resume at the same `since`
/// after the move.
public enum PostgresImport {
    /// The tables in an order their references allow, with the columns copied.
    public static let tables: [(name: String, columns: [String])] = [
        ("cadre", ["id", "seq", "name", "sex", "birth_year", "education", "courses", "field", "village", "address",
                   "status", "notes", "registered_at", "withdrawn_at", "withdrawal_reason", "name_key"]),
        ("facilitator", ["id", "seq", "name", "role", "phone", "email", "capacity", "working_days", "registered_at"]),
        ("workflow", ["id", "seq", "program_id", "program_version", "village", "zone", "start_date", "state",
                      "created_at", "facilitator", "facilitator_id"]),
        ("workflow_cadre", ["workflow_id", "cadre_id", "position"]),
        ("task", ["id", "workflow_id", "step_id", "kind", "title", "occurrence", "occurrences", "village", "zone",
                  "window_start", "window_end", "state", "records", "updated_at", "facilitator_id", "conflict"]),
        ("cadre_move", ["seq", "cadre_id", "from_village", "to_village", "at"]),
        ("facilitator_assignment", ["seq", "facilitator_id", "region", "from_date", "until_date"]),
        ("history", ["seq", "at", "caller_uid", "caller_agent", "entity_kind", "entity_id", "action", "detail"]),
        ("meta", ["key", "value"]),
    ]

    /// Rows of one table, a batch at a time, in the order `rows` gives them.
    package typealias Source = @Sendable (_ table: String, _ columns: [String], _ batch: @Sendable ([[StoredValue]]) async throws -> Void)
        async throws -> Void

    /// Copies everything `source` gives into `database`, which must hold no kaderd data
    /// (its schema is made if missing). `progress` hears each table's rows as they go.
    package static func run(
        into client: PostgresClient, location: PostgresLocation, source: Source, logger: Logger,
        progress: @escaping @Sendable (_ table: String, _ rows: Int) -> Void
    ) async throws {
        try await PostgresSchema.migrate(client, location: location, logger: logger)
        for table in ["cadre", "workflow", "task", "facilitator", "history"] {
            let rows = try await client.query(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(table))"), logger: logger)
                .collect()
            if try rows.first?.decode(Bool.self) == true { throw NotEmpty(database: location.description, table: table) }
        }
        try await client.withConnection { connection in
            try await connection.withTransaction(logger: logger) { connection in
                for (table, columns) in tables {
                    let copied = Counter()
                    try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                        try await source(table, columns) { batch in
                            try await writer.write(copyText(batch))
                            progress(table, copied.add(batch.count))
                        }
                    }
                }
                for statement in [
                    "UPDATE history_counter SET seq = (SELECT COALESCE(MAX(seq), 0) FROM history)",
                    "SELECT setval(pg_get_serial_sequence('cadre_move', 'seq'), (SELECT COALESCE(MAX(seq), 0) + 1 FROM cadre_move), false)",
                    """
                    SELECT setval(pg_get_serial_sequence('facilitator_assignment', 'seq'),
                                  (SELECT COALESCE(MAX(seq), 0) + 1 FROM facilitator_assignment), false)
                    """,
                    // The workflow trigger counted the workflows; the tasks' counts are the writer's to keep.
                    "DELETE FROM state_count WHERE entity = 'task'",
                    "INSERT INTO state_count (entity, state, n) SELECT 'task', state, COUNT(*) FROM task GROUP BY state",
                // The triggers counted while the rows came in, but not the steps workflows
                // reached: the counts are made again from the tables.
                ] + ProgressCounters.rebuild(month: PostgresSchema.month) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
        }
    }

    /// The rows each table holds now, as the final comparison reads them.
    public static func counts(_ client: PostgresClient, logger: Logger) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (table, _) in tables {
            let rows = try await client.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)"), logger: logger).collect()
            counts[table] = try rows.first?.decode(Int.self) ?? 0
        }
        return counts
    }

    /// Rows in COPY's text format: columns split by tabs, rows by newlines, `\N` for NULL,
    /// and backslash escapes for what would split them.
    private static func copyText(_ rows: [[StoredValue]]) -> ByteBuffer {
        var text = ""
        text.reserveCapacity(rows.count * 128)
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { text.append("\t") }
                switch value {
                case .null: text.append("\\N")
                case .integer(let value): text.append(String(value))
                case .real(let value): text.append("\(value)")
                case .text(let value):
                    for character in value.unicodeScalars {
                        switch character {
                        case "\\": text.append("\\\\")
                        case "\t": text.append("\\t")
                        case "\n": text.append("\\n")
                        case "\r": text.append("\\r")
                        default: text.unicodeScalars.append(character)
                        }
                    }
                }
            }
            text.append("\n")
        }
        return ByteBuffer(string: text)
    }

    /// The target already holds a store: a move never mixes two.
    public struct NotEmpty: Error, CustomStringConvertible {
        public let database: String
        public let table: String

        public var description: String {
            "\(database) already holds kaderd data (its table \(table) has rows); a store moves only into an empty database"
        }
    }

    private final class Counter: Sendable {
        private let count = Mutex(0)
        func add(_ n: Int) -> Int { count.withLock { $0 += n; return $0 } }
    }
}
