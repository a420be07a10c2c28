import KaderEngine
import KaderRPC
import KaderStore
import Synchronization

/// Keeps the encoding of `daemon.status` between calls while what it reports is unchanged.
///
/// Encoding the status (a task among it) is most of the cost of answering it; what it says
/// changes with commits, reloads and catch-ups, not from one call to the next. Only the
/// uptime and the connection count are filled in per call.
final class StatusReplyCache: Sendable {
    /// Everything the cached encoding was made from; a change in any makes a new one.
    struct Inputs: Sendable, Equatable {
        var summary: StoreSummary
        var reload: ReloadOutcome
        var lastCatchUp: CatchUpReport?
        var socket: String
    }

    private let cached = Mutex<(inputs: Inputs, object: JSONObject)?>(nil)

    func object(for inputs: Inputs, encode: () throws -> JSONObject) rethrows -> JSONObject {
        if let hit = cached.withLock({ $0?.inputs == inputs ? $0?.object : nil }) { return hit }
        let object = try encode()
        cached.withLock { $0 = (inputs, object) }
        return object
    }
}
