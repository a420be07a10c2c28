import KaderRPC
import Synchronization

/// How many notification streams may be open at once over all connections: each one holds
/// a task and a connection, and wakes with every change.
final class StreamBudget: Sendable {
    let limit: Int
    private let open = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a place, or says why there is none.
    func reserve() throws(RPCError) {
        guard open.incrementIfBelow(limit) else {
            throw RPCError(
                .unavailable, "Too many streams are open (the limit is \(limit)); try again later",
                extra: ["limit": .number(JSONNumber(limit))])
        }
    }

    func release() {
        open.subtract(1, ordering: .relaxed)
    }
}
