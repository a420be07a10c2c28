import PostgresNIO

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
