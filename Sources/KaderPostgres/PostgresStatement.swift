import PostgresNIO

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
