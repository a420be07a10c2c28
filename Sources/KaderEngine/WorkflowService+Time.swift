import Foundation
import KaderCore
import KaderStore

/// The changes time makes by itself: windows opening and closing, and catching up after
/// the daemon was down. The scheduler decides when; these decide what, in one transaction.
extension WorkflowService {
    /// Applies the deadlines that have passed at `now`; a task changed meanwhile by someone
    /// else is left as it is. Returns the tasks that changed, as they are now. `beforeCommit`
    /// runs last in the transaction: the scheduler holds the commit there until `now` comes.
    public func applyDeadlines(
        _ deadlines: [TaskDeadline], now: Date, grace: TimeInterval, as leader: Leadership.Term? = nil,
        beforeCommit: @escaping @Sendable () -> Void = {}
    ) async throws -> [WorkflowTask] {
        try await store.write { writer in
            if let leader { try writer.fence(term: leader.term) }
            let signed = leader?.detail ?? [:]
            // Read in one go, and the tasks falling due moved and recorded in one go: a pass
            // of thousands is a few statements, not a few per task.
            let order = Dictionary(deadlines.enumerated().map { ($1.task, $0) }) { first, _ in first }
            let tasks = try writer.reader.tasks(Array(order.keys)).sorted { order[$0.id]! < order[$1.id]! }
            var changed: [WorkflowTask] = []
            var due: [WorkflowTask] = []
            for var task in tasks {
                if task.windowEnd.addingTimeInterval(grace) <= now, task.state == .scheduled || task.state == .due {
                    try Self.transition(&task, to: .missed, writer: writer, caller: .scheduler, at: now,
                        detail: signed.merging(["reason": "window closed"]) { _, new in new }, asRead: true)
                    changed.append(task)
                } else if task.windowStart <= now, task.state == .scheduled {
                    task.state = .due
                    task.updatedAt = now
                    due.append(task)
                }
            }
            try writer.move(due.map(\.id), from: .scheduled, to: .due, at: now)
            try writer.record(
                "moved", entityKind: "task", entityIDs: due.map(\.id.rawValue), caller: .scheduler, at: now,
                detail: signed.merging(["from": TaskState.scheduled.rawValue, "to": TaskState.due.rawValue]) { _, new in new })
            beforeCommit()
            return changed + due
        }
    }

    /// Handles the scheduled tasks whose windows opened between `downSince` and `now` by
    /// each step's catch-up policy, and records what was done (a restart with nothing to
    /// catch up adds nothing to the history).
    ///
    /// With several nodes, the leader makes it (`leader`), once per time the whole cluster
    /// was down: its transaction clears the lease's mark, or leaves it to the next leader.
    public func catchUp(downSince: Date, now: Date, as leader: Leadership.Term? = nil) async throws -> CatchUpReport {
        let catalog = self.catalog
        let caller = Caller(uid: nil, agent: "catch-up")
        return try await store.write { writer in
            if let leader {
                try writer.fence(term: leader.term)
                try writer.catchUpDone()
            }
            let passed = try writer.reader.scheduledTasks(openingIn: downSince..<now)
            let workflows = Dictionary(
                uniqueKeysWithValues: try writer.reader.workflows(Array(Set(passed.map(\.workflowID)))).map { ($0.id, $0) })
            var counts: [CatchUpPolicy: Int] = [:]
            var moves = CatchUpMoves()
            let groups = Dictionary(grouping: passed) { "\($0.workflowID.rawValue)/\($0.stepID)" }
            for key in groups.keys.sorted() {
                let tasks = groups[key]!.sorted { $0.windowStart < $1.windowStart }
                let first = tasks[0]
                let step = workflows[first.workflowID].flatMap { catalog.entry(id: $0.programID, version: $0.programVersion) }?
                    .program.step(first.stepID)
                let policy = step?.catchUp ?? .default(for: first.kind)
                for (index, task) in tasks.enumerated() {
                    switch policy {
                    case .all:
                        moves.makeDue(task, policy: policy, now: now)
                    case .once where index == tasks.count - 1:
                        moves.makeDue(task, policy: policy, now: now)
                    case .once, .skip:
                        moves.miss(task, policy: policy)
                    case .reschedule:
                        moves.rescheduled.append(task)
                    }
                }
                counts[policy, default: 0] += tasks.count
            }
            try moves.write(to: writer, caller: caller, now: now, downSince: downSince, signed: leader?.detail ?? [:])
            for workflow in moves.incomplete.sorted(by: { $0.rawValue < $1.rawValue }) {
                try Self.completeIfFinished(workflow, writer: writer, caller: caller, at: now)
            }
            let report = CatchUpReport(at: now, downSince: downSince, counts: counts)
            if !counts.isEmpty {
                try writer.record(
                    "caught_up", entityKind: "daemon", entityID: "catch-up", caller: caller, at: now,
                    detail: report.detail.merging(leader?.detail ?? [:]) { _, new in new })
            }
            return report
        }
    }
}

/// What the last catch-up did, for `daemon.status` and the history.
public struct CatchUpReport: Sendable, Hashable {
    public var at: Date
    public var downSince: Date
    /// Tasks handled, by the policy that handled them.
    public var counts: [CatchUpPolicy: Int]

    public var detail: [String: String] {
        var detail = ["down_since": ISO8601.string(downSince, in: .gmt), "at": ISO8601.string(at, in: .gmt)]
        for (policy, count) in counts { detail[policy.rawValue] = String(count) }
        return detail
    }
}
