import Foundation
import KaderCore
import KaderStore

/// What a catch-up does to its passed tasks, gathered so that each kind of change is a few
/// statements for all its tasks (a week down is a hundred thousand tasks), not a few per task.
struct CatchUpMoves {
    /// Made due now, by policy; `reopened` also had their windows close meanwhile, and open
    /// again from now for as long as they were.
    private var due: [CatchUpPolicy: [TaskID]] = [:]
    private var reopened: [CatchUpPolicy: [TaskID]] = [:]
    private var missed: [CatchUpPolicy: [TaskID]] = [:]
    var rescheduled: [WorkflowTask] = []
    /// Workflows with a task missed: each may be complete once the pass is through.
    private(set) var incomplete: Set<WorkflowID> = []

    mutating func makeDue(_ task: WorkflowTask, policy: CatchUpPolicy, now: Date) {
        if task.windowEnd <= now {
            reopened[policy, default: []].append(task.id)
        } else {
            due[policy, default: []].append(task.id)
        }
    }

    mutating func miss(_ task: WorkflowTask, policy: CatchUpPolicy) {
        missed[policy, default: []].append(task.id)
        incomplete.insert(task.workflowID)
    }

    func write(to writer: StoreWriter, caller: Caller, now: Date, downSince: Date, signed: [String: String]) throws {
        func detail(_ policy: CatchUpPolicy, _ more: [String: String]) -> [String: String] {
            ["policy": policy.rawValue, "down_since": ISO8601.string(downSince, in: .gmt)]
                .merging(signed) { _, new in new }.merging(more) { _, new in new }
        }
        for policy in CatchUpPolicy.allCases {
            let (opened, reopened) = (due[policy] ?? [], reopened[policy] ?? [])
            try writer.move(opened, from: .scheduled, to: .due, at: now)
            try writer.reopen(reopened, from: .scheduled, to: .due, at: now)
            try writer.record(
                "moved", entityKind: "task", entityIDs: (opened + reopened).map(\.rawValue), caller: caller, at: now,
                detail: detail(policy, ["from": TaskState.scheduled.rawValue, "to": TaskState.due.rawValue]))
            let missed = missed[policy] ?? []
            try writer.move(missed, from: .scheduled, to: .missed, at: now)
            try writer.record(
                "moved", entityKind: "task", entityIDs: missed.map(\.rawValue), caller: caller, at: now,
                detail: detail(policy, [
                    "reason": "skipped while the daemon was down",
                    "from": TaskState.scheduled.rawValue, "to": TaskState.missed.rawValue,
                ]))
        }
        let shift = now.timeIntervalSince(downSince)
        for var task in rescheduled {
            task.windowStart.addTimeInterval(shift)
            task.windowEnd.addTimeInterval(shift)
            task.updatedAt = now
            try writer.update(task, from: task.state)
            try writer.record(
                "rescheduled", entityKind: "task", entityID: task.id.rawValue, caller: caller, at: now,
                detail: detail(.reschedule, ["shift_seconds": String(Int(shift))]))
        }
    }
}
