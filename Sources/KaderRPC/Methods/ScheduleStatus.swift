// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The work part of `daemon.status`: what is planned, what is due next, what the last
/// catch-up after downtime did.
public struct ScheduleStatus: Codable, Sendable, Hashable {
    public var activeWorkflows: Int
    /// Task counts by state (scheduled, due, in_progress, done, missed, cancelled, failed).
    public var tasks: [String: Int]
    public var nextDue: TaskInfo?
    public var lastCatchUp: CatchUpInfo?

    public init(activeWorkflows: Int, tasks: [String: Int], nextDue: TaskInfo?, lastCatchUp: CatchUpInfo?) {
        self.activeWorkflows = activeWorkflows
        self.tasks = tasks
        self.nextDue = nextDue
        self.lastCatchUp = lastCatchUp
    }

    enum CodingKeys: String, CodingKey {
        case tasks
        case activeWorkflows = "active_workflows"
        case nextDue = "next_due"
        case lastCatchUp = "last_catch_up"
    }
}

/// What the catch-up after the last downtime did.
public struct CatchUpInfo: Codable, Sendable, Hashable {
    public var at: Date
    public var downSince: Date
    /// Tasks handled, by policy (once, all, skip, reschedule).
    public var counts: [String: Int]

    public init(at: Date, downSince: Date, counts: [String: Int]) {
        self.at = at
        self.downSince = downSince
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case at, counts
        case downSince = "down_since"
    }
}
