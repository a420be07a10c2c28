import Synchronization

extension Atomic<Int> {
    /// Adds one unless the value has reached `limit`; says whether it did. For counting
    /// places taken without ever passing the limit, however many threads race for the last.
    func incrementIfBelow(_ limit: Int) -> Bool {
        var current = load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }
}
