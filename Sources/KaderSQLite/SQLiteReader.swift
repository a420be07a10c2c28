import Foundation
import GRDB
import KaderCore
import KaderStore

/// Reads within one snapshot of the store. Only valid inside `KaderStore.read`/`write`.
public struct SQLiteReader: StoreReader {
    let db: Database

    // MARK: Cadres

    public func cadre(_ id: CadreID) throws -> Cadre? {
        try CadreRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM cadre WHERE id = ?"), arguments: [id.rawValue])?.cadre
    }

    public func cadres(_ ids: [CadreID]) throws -> [Cadre] {
        try ids.compactMap { try cadre($0) }
    }

    /// Cadres in registration order, which is also the register's No. Urut.
    public func cadres(matching query: CadreQuery, page: PageRequest) throws -> Page<Cadre> {
        var conditions = query.region.conditions(column: "village")
        var arguments: [any DatabaseValueConvertible] = conditions.arguments
        if let status = query.status {
            conditions.sql.append("status = ?")
            arguments.append(status.rawValue)
        }
        conditions.sql.append(query.withdrawn ? "withdrawn_at IS NOT NULL" : "withdrawn_at IS NULL")
        return try pageInOrderOfEntry(
            table: "cadre", cursorPrefix: "c", conditions: conditions.sql, arguments: arguments, page: page,
            map: { try CadreRecord(row: $0).cadre })
    }

    /// Every cadre who was ever registered in a village or moved in or out of it, in order
    /// of registration, with every move of theirs in the order made: what the Buku Kader
    /// is made of. Withdrawn registrations are left out.
    public func cadres(everIn village: RegionCode) throws -> (cadres: [Cadre], moves: [CadreMove]) {
        let cadres = try CadreRecord.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT * FROM cadre
                    WHERE withdrawn_at IS NULL AND (village = ?1 OR id IN (
                      SELECT cadre_id FROM cadre_move WHERE from_village = ?1 UNION
                      SELECT cadre_id FROM cadre_move WHERE to_village = ?1))
                    ORDER BY seq
                    """),
            arguments: [village.description]
        ).map(\.cadre)
        let moves = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT * FROM cadre_move WHERE cadre_id IN (
                      SELECT cadre_id FROM cadre_move WHERE from_village = ?1 UNION
                      SELECT cadre_id FROM cadre_move WHERE to_village = ?1)
                    ORDER BY seq
                    """),
            arguments: [village.description]
        ).map { row in
            CadreMove(
                cadre: try decodeStored(row["cadre_id"], as: CadreID.self),
                from: try decodeStored(row["from_village"], as: RegionCode.self),
                to: try decodeStored(row["to_village"], as: RegionCode.self),
                at: Date(timeIntervalSince1970: row["at"]))
        }
        return (cadres, moves)
    }

    /// Registered cadres (not withdrawn) who are the same person as `identity`.
    public func cadres(sameAs identity: CadreIdentity) throws -> [Cadre] {
        try CadreRecord.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT * FROM cadre INDEXED BY cadre_by_name_key
                    WHERE village = ? AND name_key = ? AND birth_year = ? AND sex = ? AND withdrawn_at IS NULL
                    ORDER BY seq
                    """),
            arguments: [identity.village.description, identity.nameKey, identity.birthYear, identity.sex.rawValue]
        ).map(\.cadre)
    }

    // MARK: Workflows

    /// How far each workflow has come: its tasks done, and all of them.
    public func taskProgress(of workflows: [WorkflowID]) throws -> [WorkflowID: (done: Int, total: Int)] {
        guard !workflows.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: workflows.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT workflow_id, SUM(state = 'done') AS done, COUNT(*) AS total FROM task
                WHERE workflow_id IN (\(marks)) GROUP BY workflow_id
                """,
            arguments: StatementArguments(workflows.map(\.rawValue)))
        var progress: [WorkflowID: (done: Int, total: Int)] = [:]
        for row in rows {
            progress[WorkflowID.trusted(row["workflow_id"])] = (row["done"], row["total"])
        }
        return progress
    }

    public func workflow(_ id: WorkflowID) throws -> Workflow? {
        guard
            let record = try WorkflowRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM workflow WHERE id = ?"), arguments: [id.rawValue])
        else { return nil }
        return try withCohort(record.workflow)
    }

    public func workflows(matching query: WorkflowQuery, page: PageRequest) throws -> Page<Workflow> {
        var conditions = query.region.conditions(column: "village")
        var arguments: [any DatabaseValueConvertible] = conditions.arguments
        if let state = query.state {
            conditions.sql.append("state = ?")
            arguments.append(state.rawValue)
        }
        if let cadre = query.cadre {
            conditions.sql.append("id IN (SELECT workflow_id FROM workflow_cadre WHERE cadre_id = ?)")
            arguments.append(cadre.rawValue)
        }
        return try pageInOrderOfEntry(
            table: "workflow", cursorPrefix: "w", conditions: conditions.sql, arguments: arguments, page: page,
            map: { try withCohort(WorkflowRecord(row: $0).workflow) })
    }

    /// One page of a table listed in the order rows were added (`seq`); the cursor is the
    /// last seq shown, behind a letter that says which list it belongs to.
    private func pageInOrderOfEntry<Element>(
        table: String, cursorPrefix: String, conditions: [String], arguments: [any DatabaseValueConvertible],
        page: PageRequest, map: (Row) throws -> Element
    ) throws -> Page<Element> {
        var conditions = conditions
        var arguments = arguments
        if let seq = try page.seqAfter(prefix: cursorPrefix) {
            conditions.append("seq > ?")
            arguments.append(seq)
        }
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT * FROM \(table) \(Self.whereClause(conditions)) ORDER BY seq LIMIT ?",
            arguments: StatementArguments(arguments + [page.limit + 1]))
        let items = try rows.prefix(page.limit).map(map)
        let next = rows.count > page.limit ? PageRequest.cursor(prefix: cursorPrefix, seq: rows[page.limit - 1]["seq"]) : nil
        return Page(items: items, nextCursor: next)
    }

    /// Active workflows a cadre takes part in; of one program, when given.
    public func activeWorkflows(of cadre: CadreID, program: String?) throws -> [WorkflowID] {
        try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT w.id FROM workflow w JOIN workflow_cadre c ON c.workflow_id = w.id
                    WHERE c.cadre_id = ?1 AND (?2 IS NULL OR w.program_id = ?2) AND w.state = 'active'
                    ORDER BY w.seq
                    """),
            arguments: [cadre.rawValue, program]
        ).compactMap { try? WorkflowID($0) }
    }

    /// A workflow read from its row, with its cohort in order.
    private func withCohort(_ workflow: Workflow) throws -> Workflow {
        var workflow = workflow
        workflow.cadres = try String.fetchAll(
            db.cachedStatement(sql: "SELECT cadre_id FROM workflow_cadre WHERE workflow_id = ? ORDER BY position"),
            arguments: [workflow.id.rawValue]
        ).map { try decodeStored($0, as: CadreID.self) }
        return workflow
    }

    // MARK: Tasks

    public func task(_ id: TaskID) throws -> WorkflowTask? {
        guard let key = try TaskKey.find(id, in: db) else { return nil }
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.taskColumns) FROM \(Self.taskRows()) WHERE task.key = ?"), arguments: [key])
            .map(Self.task)
    }

    /// Tasks in the order their windows open.
    public func tasks(matching query: TaskQuery, page: PageRequest) throws -> Page<WorkflowTask> {
        var conditions = query.region.conditions(column: "village")
        var arguments: [any DatabaseValueConvertible] = conditions.arguments
        if !query.states.isEmpty {
            conditions.sql.append(Self.stateIndex.condition(query.states))
        }
        if let workflow = query.workflow {
            conditions.sql.append("workflow_id = ?")
            arguments.append(workflow.rawValue)
        }
        if let facilitator = query.facilitator {
            conditions.sql.append("facilitator_id = ?")
            arguments.append(facilitator.rawValue)
        }
        if query.conflictsOnly { conditions.sql.append("conflict IS NOT NULL") }
        if let from = query.from {
            conditions.sql.append("window_start >= ?")
            arguments.append(Int64(from.timeIntervalSince1970.rounded(.up)))
        }
        if let until = query.until {
            conditions.sql.append("window_start < ?")
            arguments.append(Int64(until.timeIntervalSince1970.rounded(.up)))
        }
        if let (start, id) = try page.taskAfter() {
            // A cursor's task is in the store: it was read from it, and tasks stay.
            conditions.sql.append("(window_start > ? OR (window_start = ? AND key > ?))")
            arguments += [start, start, try TaskKey.find(TaskID.trusted(id), in: db) ?? Int64.max]
        }
        // Prepared once per shape of query: the filters give a few dozen shapes at most.
        // Rows are read where SQLite holds them, without copying each into a `Row` first.
        // The page's ids are found first, from the index alone where the filters allow, and
        // only their rows are read: SQLite looks up a row for every index entry it looks at
        // once it needs a column outside the index. A province's week looks at every task of
        // the province in its village index, and only a few hundred are in the week.
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT \(Self.taskColumns) FROM (
                      SELECT key AS hit_key, window_start AS hit_start FROM task \(Self.taskIndex(for: query)) \
                      \(Self.whereClause(conditions.sql)) ORDER BY window_start, key LIMIT ?
                    ) CROSS JOIN \(Self.taskRows()) WHERE task.key = hit_key
                    ORDER BY hit_start, hit_key
                    """),
            arguments: StatementArguments(arguments + [page.limit + 1]))
        var items: [WorkflowTask] = []
        items.reserveCapacity(page.limit)
        var next: String?
        while let row = try rows.next() {
            guard items.count < page.limit else {
                // The one row past the page only says that there is a next page.
                next = PageRequest.cursor(after: items[items.count - 1])
                break
            }
            items.append(Self.task(row))
        }
        return Page(items: items, nextCursor: next)
    }

    /// A region and a time range. SQLite, without statistics, would walk the time index and
    /// read every task in the range to keep one region's. Both indexes hold the other column,
    /// so only matching tasks are read; which one looks at fewer entries depends on the range
    /// and the region. The village index holds each of the region's tasks, of every year
    /// kept: a district's or a regency's are fewer than the whole country's week, a large
    /// province's are not. The time index holds the whole country's tasks of the range: for
    /// a province and a range of up to a month, fewer, and as many in a five-year store as in
    /// a new one (Benchmarks/README.md). A workflow's own index beats both.
    static func taskIndex(for query: TaskQuery) -> String {
        let timeBound = query.from != nil || query.until != nil
        if query.facilitator != nil, query.workflow == nil { return "INDEXED BY task_by_facilitator" }
        guard !query.region.within.isEmpty, timeBound, query.workflow == nil else { return "" }
        if let from = query.from, let until = query.until, until.timeIntervalSince(from) <= shortRange,
            query.region.within.allSatisfy({ $0.level == .province })
        {
            return "INDEXED BY task_by_window"
        }
        return "INDEXED BY task_by_village"
    }

    /// `task_by_state` as v16 made it: done and missed tasks, most of them, are left out.
    /// The index's definition in the store must say what this one does
    /// (`theStateIndexIsTheOneQueriesName`): a change here needs a migration.
    static let stateIndex = TaskStateIndex(leftOut: [.done, .missed])

    /// The longest range read along the time index for a province: a month.
    static let shortRange: TimeInterval = 31 * 86_400

    public func tasks(of workflow: WorkflowID) throws -> [WorkflowTask] {
        try Row.fetchAll(
            db, sql: "SELECT \(Self.taskColumns) FROM \(Self.taskRows()) WHERE workflow_id = ? ORDER BY window_start, task.key",
            arguments: [workflow.rawValue]
        ).map(Self.task)
    }

    // MARK: History

    /// The sequence number of the newest history entry, 0 before the first. (The history
    /// is a view since v13: its entries are numbered by the table under it.)
    static func latestHistorySeq(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'history_entry'")) ?? 0
    }

    /// A task's entries are kept under its key (v17): they are found by it in the history's
    /// index, then read through the view, which gives them as every reader knows them.
    public func history(of entityID: String) throws -> [HistoryEntry] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM history WHERE seq IN (SELECT seq FROM history_entry WHERE entity_id = ?) ORDER BY seq"),
            arguments: [try TaskKey.historyEntity(entityID, in: db)]
        ).map(Self.historyEntry)
    }

    public func history(after seq: Int64, limit: Int) throws -> [HistoryEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM history WHERE seq > ? ORDER BY seq LIMIT ?"), arguments: [seq, limit])
            .map(Self.historyEntry)
    }

    // MARK: Row mapping

    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    static func historyEntry(_ row: Row) throws -> HistoryEntry {
        let uid: Int64? = row["caller_uid"]
        return HistoryEntry(
            seq: row["seq"],
            at: Date(timeIntervalSince1970: row["at"]),
            caller: Caller(uid: uid.map { UInt32(truncatingIfNeeded: $0) }, agent: row["caller_agent"]),
            entityKind: row["entity_kind"],
            entityID: row["entity_id"],
            action: row["action"],
            detail: JSONText.dictionary(row["detail"]))
    }
}
