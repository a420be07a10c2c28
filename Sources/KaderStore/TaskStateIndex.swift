import KaderCore

/// A store's index of tasks by state, and how a query names states so that it is used.
/// SQLite uses a partial index (v16 leaves out done and missed tasks, most of a five-year
/// store) only for a query that states the index's own condition, word for word. A query
/// that forgot it read along another index, unnoticed until a large store (the overdue
/// count: 8 s against 0.2 s at 5,000,000 tasks): every query that picks tasks by state
/// says its states through `condition(_:)`.
package struct TaskStateIndex: Sendable {
    /// The states the index leaves out; none where it holds every task.
    package let leftOut: Set<TaskState>

    /// An index of every task (PostgreSQL's).
    package static let whole = TaskStateIndex(leftOut: [])

    package init(leftOut: Set<TaskState>) {
        self.leftOut = leftOut
    }

    /// The index's WHERE clause as its definition says it; nil for an index of every task.
    package var definition: String? {
        leftOut.isEmpty ? nil : "state NOT IN (\(Self.literals(leftOut.sorted { $0.rawValue < $1.rawValue })))"
    }

    /// `state` is one of `states` (not empty), with the index's condition where the index
    /// holds every one of them. The states are written in one order whatever order they come
    /// in, so that a statement is prepared once per set of states, not once per order.
    package func condition(_ states: some Collection<TaskState>) -> String {
        let states = Set(states).sorted { $0.rawValue < $1.rawValue }
        let picked = states.count == 1 ? "state = \(Self.literals(states))" : "state IN (\(Self.literals(states)))"
        guard let definition, leftOut.isDisjoint(with: states) else { return picked }
        return "\(picked) AND \(definition)"
    }

    /// The states as SQL literals: their raw values are fixed identifiers, never input.
    private static func literals(_ states: some Collection<TaskState>) -> String {
        states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}
