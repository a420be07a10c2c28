import Foundation
import GRDB
import KaderCore
import KaderStore

extension SQLiteReader {
    /// Every deadline before `until`, past ones included, in time order: windows of
    /// scheduled tasks that open, and windows (plus `grace`) of scheduled or due tasks that close.
    public func deadlines(before until: Date, grace: TimeInterval) throws -> [TaskDeadline] {
        let limit = Int64(until.timeIntervalSince1970.rounded(.up))
        let graceSeconds = Int64(grace)
        var opening: [TaskDeadline] = []
        var closing: [TaskDeadline] = []
        func close(_ task: TaskID, windowEnd: Int64) {
            closing.append(
                TaskDeadline(at: Date(timeIntervalSince1970: TimeInterval(windowEnd + graceSeconds)), task: task, kind: .closes))
        }
        // A window never closes before it opens: the scheduled tasks whose window closes before
        // `until` are among those whose window opens before it, read from one index.
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT window_start, window_end, task.key, \(Self.keptID) FROM task
                    WHERE \(Self.stateIndex.condition([.scheduled])) AND window_start < ?
                    """),
            arguments: [limit])
        {
            // By position and unchecked, as task rows are (`task(_:)`): the scheduler reads
            // the horizon's thousands of deadlines again after changes, four times a second.
            let task = TaskKey.id(of: row[2], kept: row[3])
            opening.append(
                TaskDeadline(at: Date(timeIntervalSince1970: TimeInterval(row[0] as Int64)), task: task, kind: .opens))
            let end: Int64 = row[1]
            if end < limit - graceSeconds { close(task, windowEnd: end) }
        }
        // Named, or SQLite (without statistics) walks every due task in the scheduled index;
        // the literal state is what lets it use this partial one.
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT window_end, task.key, \(Self.keptID) FROM task INDEXED BY task_due_by_end WHERE state = 'due' AND window_end < ?"),
            arguments: [limit - graceSeconds])
        {
            close(TaskKey.id(of: row[1], kept: row[2]), windowEnd: row[0])
        }
        return (opening + closing).sorted { ($0.at, $0.task) < ($1.at, $1.task) }
    }

    /// Scheduled tasks whose window opened in `range`: what a stopped daemon did not see.
    public func scheduledTasks(openingIn range: Range<Date>) throws -> [WorkflowTask] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT \(Self.taskColumns) FROM \(Self.taskRows()) WHERE \(Self.stateIndex.condition([.scheduled]))
                  AND window_start >= ? AND window_start < ?
                ORDER BY window_start, task.key
                """,
            arguments: [Int64(range.lowerBound.timeIntervalSince1970), Int64(range.upperBound.timeIntervalSince1970.rounded(.up))]
        ).map(Self.task)
    }

    /// How many tasks are in each state. This and the next two are what `daemon.status`
    /// asks at every call: their statements are prepared once per connection, as parsing
    /// them again was a fifth of the call's time.
    public func taskCounts() throws -> [TaskState: Int] {
        var counts: [TaskState: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT state, n FROM state_count WHERE entity = 'task'")) {
            if let state = TaskState(rawValue: row["state"]) { counts[state] = row["n"] }
        }
        return counts
    }

    /// The scheduled task whose window opens next.
    public func nextScheduledTask() throws -> WorkflowTask? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(Self.taskColumns) FROM \(Self.taskRows()) WHERE \(Self.stateIndex.condition([.scheduled]))
                    ORDER BY window_start, task.key LIMIT 1
                    """)
        ).map(Self.task)
    }

    public func workflowCount(state: WorkflowState) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT n FROM state_count WHERE entity = 'workflow' AND state = ?"),
            arguments: [state.rawValue]) ?? 0
    }

    /// A fact the daemon keeps about itself (when it was last alive, the last catch-up).
    public func meta(_ key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }
}

extension SQLiteWriter {
    public func setMeta(_ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }
}
