import Foundation

/// The time, as the engine sees it. Injected so tests decide what "now" is and when it moves.
public protocol WallClock: Sendable {
    func now() -> Date
    /// Returns at `deadline` (at once if it has passed); throws `CancellationError` when cancelled.
    func sleep(until deadline: Date) async throws
    /// Blocks the calling thread until `deadline` (at once if it has passed): how a write
    /// that must not commit before its instant holds its transaction open. For waits of a
    /// fraction of a second only.
    func hold(until deadline: Date)
}

public struct SystemWallClock: WallClock {
    /// The longest single sleep: the wall clock may be set while we sleep, and a minute is
    /// soon enough to notice.
    static let longestNap: TimeInterval = 60
    /// The longest hold: a caller asking for more has miscounted, and the writers wait.
    static let longestHold: TimeInterval = 1

    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return }
            try await Task.sleep(for: .seconds(min(remaining, Self.longestNap)))
        }
    }

    public func hold(until deadline: Date) {
        let remaining = deadline.timeIntervalSinceNow
        if remaining > 0 { Thread.sleep(forTimeInterval: min(remaining, Self.longestHold)) }
    }
}
