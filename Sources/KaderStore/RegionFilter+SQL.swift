import KaderCore

extension RegionFilter {
    /// SQL conditions on a column of village codes that an index on it can answer: a
    /// village is an equality, a region a range (every code below `51.08` starts with
    /// `51.08.`, and '/' sorts right after '.'). `bind` takes each value and returns the
    /// placeholder that stands for it in the backend's SQL.
    package func conditions(column: String, bind: (String) -> String) -> [String] {
        within.map { code in
            if code.level == .village {
                return "\(column) = \(bind(code.description))"
            }
            return "(\(column) >= \(bind(code.description + ".")) AND \(column) < \(bind(code.description + "/")))"
        }
    }
}
