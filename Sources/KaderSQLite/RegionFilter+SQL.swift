import KaderStore

extension RegionFilter {
    /// The conditions with SQLite's `?` placeholders, and their values in order.
    func conditions(column: String) -> (sql: [String], arguments: [String]) {
        var arguments: [String] = []
        let sql = conditions(column: column) { value in
            arguments.append(value)
            return "?"
        }
        return (sql, arguments)
    }
}
