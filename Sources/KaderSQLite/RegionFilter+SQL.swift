import KaderCore
import KaderStore

extension RegionFilter {
    /// SQL conditions on a column of village codes, using the index: a prefix becomes a range.
    func conditions(column: String) -> (sql: [String], arguments: [String]) {
        var sql: [String] = []
        var arguments: [String] = []
        for code in within {
            if code.level == .village {
                sql.append("\(column) = ?")
                arguments.append(code.description)
            } else {
                // Every code below `51.08` starts with `51.08.`; '/' sorts right after '.'.
                sql.append("(\(column) >= ? AND \(column) < ?)")
                arguments.append(code.description + ".")
                arguments.append(code.description + "/")
            }
        }
        return (sql, arguments)
    }
}
