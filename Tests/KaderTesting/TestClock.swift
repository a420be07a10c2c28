import Foundation
import KaderEngine
import Synchronization

/// A clock that stands still until the test moves it; sleepers wake when it passes their
/// deadline, so no test waits for real time.
public final class TestClock: WallClock {
    private struct State {
        var now: Date
        var sleepers: [(id: UInt64, deadline: Date, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(_ start: Date) {
        state = Mutex(State(now: start))
    }

    /// `2026-01-05T09:00:00+08:00`-style text, for readable tests.
    public convenience init(_ iso: String) {
        self.init(try! Date(iso, strategy: .iso8601))
    }

    public func now() -> Date { state.withLock { $0.now } }

    /// How many tasks are asleep on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Bool in
                    if state.now >= deadline || Task.isCancelled { return true }
                    state.sleepers.append((id, deadline, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                state.sleepers.firstIndex { $0.id == id }.map { state.sleepers.remove(at: $0).continuation }
            }
            sleeper?.resume(throwing: CancellationError())
        }
    }

    /// Time passes while a writer holds, as real time would: the clock moves on to
    /// `deadline`, waking whoever sleeps until then.
    public func hold(until deadline: Date) {
        if now() < deadline { set(deadline) }
    }

    public func advance(by interval: TimeInterval) {
        set(now().addingTimeInterval(interval))
    }

    public func set(_ date: Date) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.now = date
            let woken = state.sleepers.filter { $0.deadline <= date }.map(\.continuation)
            state.sleepers.removeAll { $0.deadline <= date }
            return woken
        }
        for continuation in woken { continuation.resume() }
    }
}
