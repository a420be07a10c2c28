import Synchronization

/// Tells waiters when the history has grown: the event stream and the scheduler sleep on it
/// instead of polling the store.
public final class HistoryNotifier: Sendable {
    private struct State {
        var latest: Int64
        var waiters: [(id: UInt64, after: Int64, continuation: CheckedContinuation<Int64, Never>)] = []
        var nextWaiter: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(latest: Int64) {
        state = Mutex(State(latest: latest))
    }

    /// The sequence number of the newest committed history entry (0 when there is none).
    public var latest: Int64 { state.withLock { $0.latest } }

    public func advance(to seq: Int64) {
        let ready = state.withLock { state -> [CheckedContinuation<Int64, Never>] in
            guard seq > state.latest else { return [] }
            state.latest = seq
            let (ready, waiting) = (state.waiters.filter { $0.after < seq }, state.waiters.filter { $0.after >= seq })
            state.waiters = waiting
            return ready.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: seq) }
    }

    /// Returns the latest sequence number once it is past `seq`; at once if it already is.
    /// Returns early, with whatever is latest, when the waiting task is cancelled.
    public func wait(after seq: Int64) async -> Int64 {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let latest = state.withLock { state -> Int64? in
                    if state.latest > seq || Task.isCancelled { return state.latest }
                    state.waiters.append((id, seq, continuation))
                    return nil
                }
                if let latest { continuation.resume(returning: latest) }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> (CheckedContinuation<Int64, Never>, Int64)? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return (state.waiters.remove(at: index).continuation, state.latest)
            }
            if let (continuation, latest) = cancelled { continuation.resume(returning: latest) }
        }
    }
}
