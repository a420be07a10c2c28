import Foundation

/// This machine's clock moved to the database's, for a node of a cluster: what "today" is
/// when a workflow starts, and the time its changes are recorded at, are the same on every
/// node, as what is due already is (`Scheduler`). A node whose clock runs ten minutes fast
/// would otherwise refuse, just before a village's midnight, a start on the day the others
/// still call today.
public struct DatabaseWallClock: WallClock {
    let leadership: Leadership
    let local = SystemWallClock()

    public init(leadership: Leadership) {
        self.leadership = leadership
    }

    public func now() -> Date {
        local.now().addingTimeInterval(leadership.clockOffset)
    }

    public func sleep(until deadline: Date) async throws {
        try await local.sleep(until: deadline.addingTimeInterval(-leadership.clockOffset))
    }

    public func hold(until deadline: Date) {
        local.hold(until: deadline.addingTimeInterval(-leadership.clockOffset))
    }
}
