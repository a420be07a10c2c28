import Foundation
import GRDB
import KaderCore
import KaderStore

/// Changes within one transaction. Only valid inside `KaderStore.write`; every change the
/// engine makes is paired with a history entry by the caller of these methods.
public struct SQLiteWriter: StoreWriter {
    let db: Database

    public var reader: StoreReader { SQLiteReader(db: db) }

    public func insert(_ cadre: Cadre) throws {
        try CadreRecord.insert(cadre, into: db)
    }

    public func update(_ cadre: Cadre) throws {
        try CadreRecord(cadre: cadre).update(db, columns: CadreRecord.changeableColumns)
    }

    public func insert(_ move: CadreMove) throws {
        try db.execute(
            sql: "INSERT INTO cadre_move (cadre_id, from_village, to_village, at) VALUES (?, ?, ?, ?)",
            arguments: [move.cadre.rawValue, move.from.description, move.to.description, move.at.timeIntervalSince1970])
    }

    /// Takes a cadre out of a workflow's cohort; the caller records why on the workflow.
    public func remove(_ cadre: CadreID, from workflow: WorkflowID) throws {
        try db.execute(
            sql: "DELETE FROM workflow_cadre WHERE workflow_id = ? AND cadre_id = ?",
            arguments: [workflow.rawValue, cadre.rawValue])
    }

    public func insert(_ workflow: Workflow, tasks: [WorkflowTask]) throws {
        try WorkflowRecord.insert(workflow, into: db)
        let member = try db.cachedStatement(
            sql: "INSERT INTO workflow_cadre (workflow_id, cadre_id, position) VALUES (?, ?, ?)")
        for (position, cadre) in workflow.cadres.enumerated() {
            try member.execute(arguments: [workflow.id.rawValue, cadre.rawValue, position])
        }
        try insert(tasks)
    }

    /// Adds tasks to a workflow that exists (its own, or a plugin's follow-ups), and counts
    /// them by state: once per state and write, where a trigger would count each row.
    public func insert(_ tasks: [WorkflowTask]) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO task (key, workflow_id, step, occurrence, occurrences, village, zone,
                                  window_start, window_end, state, records, updated_at, facilitator_id, conflict)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var steps: [TaskStep: Int64] = [:]
        var added: [TaskState: Int] = [:]
        for task in tasks {
            let shape = TaskStep(task)
            let step = try steps[shape] ?? self.step(shape)
            steps[shape] = step
            try statement.execute(arguments: [
                try TaskKey.make(for: task.id, in: db), task.workflowID.rawValue, step,
                task.occurrence, task.occurrences, task.village.description, task.zoneIdentifier,
                Int64(task.windowStart.timeIntervalSince1970), Int64(task.windowEnd.timeIntervalSince1970),
                task.state.rawValue, JSONText.encode(task.records), task.updatedAt.timeIntervalSince1970,
                task.facilitatorID?.rawValue, task.conflict,
            ])
            added[task.state, default: 0] += 1
        }
        let count = try db.cachedStatement(
            sql: """
                INSERT INTO state_count (entity, state, n) VALUES ('task', ?, ?)
                ON CONFLICT (entity, state) DO UPDATE SET n = n + excluded.n
                """)
        for (state, n) in added { try count.execute(arguments: [state.rawValue, n]) }
    }

    public func updateState(of workflow: WorkflowID, to state: WorkflowState) throws {
        try db.execute(sql: "UPDATE workflow SET state = ? WHERE id = ?", arguments: [state.rawValue, workflow.rawValue])
    }

    public func update(_ task: WorkflowTask, from expected: TaskState) throws {
        try db.cachedStatement(
            sql: """
                UPDATE task SET step = ?, window_start = ?, window_end = ?, state = ?, records = ?, updated_at = ?,
                                facilitator_id = ?, conflict = ?
                WHERE key = ? AND state = ?
                """
        ).execute(
            arguments: [
                try step(TaskStep(task)), Int64(task.windowStart.timeIntervalSince1970), Int64(task.windowEnd.timeIntervalSince1970),
                task.state.rawValue, JSONText.encode(task.records), task.updatedAt.timeIntervalSince1970,
                task.facilitatorID?.rawValue, task.conflict, try key(of: task.id), expected.rawValue,
            ])
        guard db.changesCount == 1 else { throw StoreError.changedMeanwhile(what: "task \(task.id)") }
    }

    /// A task's step id, kind and title, kept once in task_step for every task that shares them.
    struct TaskStep: Hashable {
        var id: String
        var kind: String
        var title: String

        init(_ task: WorkflowTask) {
            (id, kind, title) = (task.stepID, task.kind.rawValue, task.title)
        }
    }

    /// The task_step row of `step`, added if it is the first task with it.
    private func step(_ step: TaskStep) throws -> Int64 {
        let arguments: StatementArguments = [step.id, step.kind, step.title]
        if let n = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT n FROM task_step WHERE step_id = ? AND kind = ? AND title = ?"), arguments: arguments)
        {
            return n
        }
        try db.cachedStatement(sql: "INSERT INTO task_step (step_id, kind, title) VALUES (?, ?, ?)").execute(arguments: arguments)
        return db.lastInsertedRowID
    }

    /// Only the state and its time: an update naming the other columns rewrites every index
    /// that holds them, and the scheduler moves thousands of tasks a pass.
    public func move(_ tasks: [TaskID], from expected: TaskState, to state: TaskState, at: Date) throws {
        let statement = try db.cachedStatement(sql: "UPDATE task SET state = ?, updated_at = ? WHERE key = ? AND state = ?")
        for id in tasks {
            try statement.execute(arguments: [state.rawValue, at.timeIntervalSince1970, try key(of: id), expected.rawValue])
            guard db.changesCount == 1 else { throw StoreError.changedMeanwhile(what: "task \(id)") }
        }
    }

    /// Sets only what changes (every SET expression reads the old window), so the indexes of
    /// the other columns are left be.
    public func reopen(_ tasks: [TaskID], from expected: TaskState, to state: TaskState, at: Date) throws {
        let statement = try db.cachedStatement(
            sql: """
                UPDATE task SET state = ?, window_end = ? + (window_end - window_start), window_start = ?, updated_at = ?
                WHERE key = ? AND state = ?
                """)
        let start = Int64(at.timeIntervalSince1970)
        for id in tasks {
            try statement.execute(arguments: [state.rawValue, start, start, at.timeIntervalSince1970, try key(of: id), expected.rawValue])
            guard db.changesCount == 1 else { throw StoreError.changedMeanwhile(what: "task \(id)") }
        }
    }

    /// Appends to the history; returns the entry's sequence number.
    @discardableResult
    public func record(
        _ action: String, entityKind: String, entityID: String, caller: Caller, at: Date,
        detail: [String: String] = [:]
    ) throws -> Int64 {
        try record(action, entityKind: entityKind, entityIDs: [entityID], caller: caller, at: at, detail: detail)[0]
    }

    /// The detail is encoded once for every entry: a catch-up records a hundred thousand alike.
    @discardableResult
    public func record(
        _ action: String, entityKind: String, entityIDs: [String], caller: Caller, at: Date, detail: [String: String]
    ) throws -> [Int64] {
        var arguments: [(any DatabaseValueConvertible)?] = [
            caller.agent, entityKind, action, JSONText.encode(detail), at.timeIntervalSince1970,
            caller.uid.map { Int64($0) }, nil,
        ]
        return try entityIDs.map { entityID in
            arguments[6] = try TaskKey.historyEntity(entityID, in: db)
            return try record(arguments, entityID: entityID)
        }
    }

    /// The key of task `id`; one no task has when it spells none and no task has its text,
    /// so that the statement changes nothing and says so.
    private func key(of id: TaskID) throws -> Int64 {
        try TaskKey.find(id, in: db) ?? Int64.min
    }

    /// One entry made of `arguments`, whose last is the entity's id.
    private func record(_ arguments: [(any DatabaseValueConvertible)?], entityID: String) throws -> Int64 {
        let (kind, entry) = (Self.historyKind, Self.historyEntry)
        // The entry's kind nearly always exists already: only when the entry found none is
        // the kind added first.
        try db.cachedStatement(sql: entry).execute(arguments: StatementArguments(arguments))
        if db.changesCount == 0 {
            try db.cachedStatement(sql: kind).execute(arguments: StatementArguments(arguments))
            try db.cachedStatement(sql: entry).execute(arguments: StatementArguments(arguments))
            guard db.changesCount == 1 else {
                throw StoreError.corrupt(reason: "the history entry of \(entityID) found no kind")
            }
        }
        return db.lastInsertedRowID
    }

    /// Made once: a statement is found in GRDB's cache by its text.
    private static let (historyKind, historyEntry) = (HistoryInsert.numbered.kind, HistoryInsert.numbered.entry)
}
