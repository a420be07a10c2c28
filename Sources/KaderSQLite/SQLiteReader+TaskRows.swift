import Foundation
import GRDB
import KaderCore
import KaderStore

/// Task rows, read by column position: a page of tasks reads sixteen columns of a hundred
/// rows, and reading by name made GRDB lowercase each name at every lookup.
extension SQLiteReader {
    /// What every task query selects, in the order `task(_:)` reads it: the task's key
    /// first, the text of its id last where it is kept (`TaskKey`).
    static let taskColumns = """
        task.key, workflow_id, step_id, kind, title, occurrence, occurrences, village, zone, \
        window_start, window_end, state, records, updated_at, facilitator_id, conflict, \(keptID)
        """

    /// The id text kept for a task row's key, where one is (`TaskKey`); NULL for the others.
    static let keptID = "CASE WHEN task.key < 0 THEN \(TaskKey.keptIDSQL("task.key")) END"

    /// Where task rows are read from: a task's step id, kind and title are kept once per
    /// step, in task_step (v12). `index` names the task index to read by, if any. The task
    /// comes first in the join, always: the step is looked up for each task found.
    static func taskRows(indexedBy index: String = "") -> String {
        "task \(index) CROSS JOIN task_step ON task_step.n = task.step"
    }

    /// The step id of task `t`, in a query that does not join task_step.
    package static let stepOfTask = "(SELECT step_id FROM task_step WHERE n = t.step)"

    /// A task from a row of `taskColumns`. Ids and the village code are not checked again:
    /// they were checked before the store wrote them, and only an altered file would fail.
    static func task(_ row: Row) -> WorkflowTask {
        WorkflowTask(
            id: TaskKey.id(of: row[0], kept: row[16]),
            workflowID: WorkflowID.trusted(row[1]),
            stepID: row[2],
            kind: StepKind(rawValue: row[3]),
            title: row[4],
            occurrence: row[5],
            occurrences: row[6],
            village: RegionCode.trusted(row[7]),
            zoneIdentifier: row[8],
            windowStart: Date(timeIntervalSince1970: TimeInterval(row[9] as Int64)),
            windowEnd: Date(timeIntervalSince1970: TimeInterval(row[10] as Int64)),
            state: TaskState(rawValue: row[11]) ?? .scheduled,
            records: JSONText.dictionary(row[12]),
            updatedAt: Date(timeIntervalSince1970: row[13]),
            facilitatorID: (row[14] as String?).map(FacilitatorID.trusted),
            conflict: row[15])
    }
}
