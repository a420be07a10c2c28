import Foundation
import KaderCore
import KaderStore
import PostgresNIO

/// Reads within one transaction of a PostgreSQL store: a `REPEATABLE READ` snapshot inside
/// `read`, the writer's own transaction inside `write`. The same rows, order and cursors as
/// the SQLite store's, so that a client cannot tell the two apart.
public struct PostgresReader: StoreReader {
    let session: PostgresSession

    // MARK: Cadres

    public func cadre(_ id: CadreID) throws -> Cadre? {
        try session.rows("SELECT * FROM cadre WHERE id = \(id.rawValue)").first.map(Self.cadre)
    }

    public func cadres(_ ids: [CadreID]) throws -> [Cadre] {
        try ids.compactMap { try cadre($0) }
    }

    public func cadres(matching query: CadreQuery, page: PageRequest) throws -> Page<Cadre> {
        var statement = PostgresStatement()
        var conditions = query.region.conditions(column: "village") { statement.bind($0) }
        if let status = query.status { conditions.append("status = \(statement.bind(status.rawValue))") }
        conditions.append(query.withdrawn ? "withdrawn_at IS NOT NULL" : "withdrawn_at IS NULL")
        return try pageInOrderOfEntry(
            table: "cadre", cursorPrefix: "c", conditions: conditions, statement: statement, page: page, map: Self.cadre)
    }

    public func cadres(everIn village: RegionCode) throws -> (cadres: [Cadre], moves: [CadreMove]) {
        let code = village.description
        let cadres = try session.rows(
            """
            SELECT * FROM cadre
            WHERE withdrawn_at IS NULL AND (village = \(code) OR id IN (
              SELECT cadre_id FROM cadre_move WHERE from_village = \(code) OR to_village = \(code)))
            ORDER BY seq
            """
        ).map(Self.cadre)
        let moves = try session.rows(
            """
            SELECT * FROM cadre_move WHERE cadre_id IN (
              SELECT cadre_id FROM cadre_move WHERE from_village = \(code) OR to_village = \(code))
            ORDER BY seq
            """
        ).map { row in
            CadreMove(
                cadre: try decodeStored(row["cadre_id"], as: CadreID.self),
                from: try decodeStored(row["from_village"], as: RegionCode.self),
                to: try decodeStored(row["to_village"], as: RegionCode.self),
                at: Date(timeIntervalSince1970: try row["at"]))
        }
        return (cadres, moves)
    }

    public func cadres(sameAs identity: CadreIdentity) throws -> [Cadre] {
        try session.rows(
            """
            SELECT * FROM cadre
            WHERE village = \(identity.village.description) AND name_key = \(identity.nameKey)
              AND birth_year = \(identity.birthYear) AND sex = \(identity.sex.rawValue) AND withdrawn_at IS NULL
            ORDER BY seq
            """
        ).map(Self.cadre)
    }

    // MARK: Workflows

    public func workflow(_ id: WorkflowID) throws -> Workflow? {
        try session.rows("SELECT * FROM workflow WHERE id = \(id.rawValue)").first.map { try withCohort(Self.workflow($0)) }
    }

    /// Two round trips for the whole batch: the rows, then every cohort in order.
    public func workflows(_ ids: [WorkflowID]) throws -> [Workflow] {
        guard !ids.isEmpty else { return [] }
        let keys = Array(Set(ids.map(\.rawValue)))
        var cohorts: [WorkflowID: [CadreID]] = [:]
        for row in try session.rows(
            "SELECT workflow_id, cadre_id FROM workflow_cadre WHERE workflow_id = ANY(\(keys)) ORDER BY workflow_id, position")
        {
            cohorts[try decodeStored(row[0], as: WorkflowID.self), default: []].append(try decodeStored(row[1], as: CadreID.self))
        }
        return try session.rows("SELECT * FROM workflow WHERE id = ANY(\(keys))").map { row in
            var workflow = try Self.workflow(row)
            workflow.cadres = cohorts[workflow.id] ?? []
            return workflow
        }
    }

    public func workflows(matching query: WorkflowQuery, page: PageRequest) throws -> Page<Workflow> {
        var statement = PostgresStatement()
        var conditions = query.region.conditions(column: "village") { statement.bind($0) }
        if let state = query.state { conditions.append("state = \(statement.bind(state.rawValue))") }
        if let cadre = query.cadre {
            conditions.append("id IN (SELECT workflow_id FROM workflow_cadre WHERE cadre_id = \(statement.bind(cadre.rawValue)))")
        }
        return try pageInOrderOfEntry(
            table: "workflow", cursorPrefix: "w", conditions: conditions, statement: statement, page: page,
            map: { try withCohort(Self.workflow($0)) })
    }

    public func taskProgress(of workflows: [WorkflowID]) throws -> [WorkflowID: (done: Int, total: Int)] {
        guard !workflows.isEmpty else { return [:] }
        var statement = PostgresStatement()
        let ids = workflows.map { statement.bind($0.rawValue) }.joined(separator: ",")
        var progress: [WorkflowID: (done: Int, total: Int)] = [:]
        for row in try session.rows(
            statement.query(
                """
                SELECT workflow_id, COUNT(*) FILTER (WHERE state = 'done'), COUNT(*) FROM task
                WHERE workflow_id IN (\(ids)) GROUP BY workflow_id
                """))
        {
            progress[try decodeStored(row[0], as: WorkflowID.self)] = (try row[1], try row[2])
        }
        return progress
    }

    public func activeWorkflows(of cadre: CadreID, program: String?) throws -> [WorkflowID] {
        var statement = PostgresStatement()
        var sql = """
            SELECT w.id FROM workflow w JOIN workflow_cadre c ON c.workflow_id = w.id
            WHERE c.cadre_id = \(statement.bind(cadre.rawValue)) AND w.state = 'active'
            """
        if let program { sql += " AND w.program_id = \(statement.bind(program))" }
        return try session.rows(statement.query(sql + " ORDER BY w.seq")).map { try decodeStored($0[0], as: WorkflowID.self) }
    }

    public func activeWorkflows(within region: RegionCode) throws -> [WorkflowID] {
        var statement = PostgresStatement()
        let conditions = RegionFilter(within: [region]).conditions(column: "village") { statement.bind($0) }
        return try session.rows(
            statement.query("SELECT id FROM workflow \(Self.whereClause(conditions + ["state = 'active'"])) ORDER BY seq")
        ).map { try decodeStored($0[0], as: WorkflowID.self) }
    }

    public func workflowCount(state: WorkflowState) throws -> Int {
        try session.value("SELECT n FROM state_count WHERE entity = 'workflow' AND state = \(state.rawValue)", as: Int.self)
            ?? 0
    }

    /// A workflow read from its row, with its cohort in order.
    private func withCohort(_ workflow: Workflow) throws -> Workflow {
        var workflow = workflow
        workflow.cadres = try session.rows(
            "SELECT cadre_id FROM workflow_cadre WHERE workflow_id = \(workflow.id.rawValue) ORDER BY position"
        ).map { try decodeStored($0[0], as: CadreID.self) }
        return workflow
    }

    /// One page of a table listed in the order rows were added (`seq`).
    private func pageInOrderOfEntry<Element>(
        table: String, cursorPrefix: String, conditions: [String], statement: PostgresStatement, page: PageRequest,
        map: (StoredRow) throws -> Element
    ) throws -> Page<Element> {
        var conditions = conditions
        var statement = statement
        if let seq = try page.seqAfter(prefix: cursorPrefix) { conditions.append("seq > \(statement.bind(seq))") }
        let limit = statement.bind(page.limit + 1)
        let rows = try session.rows(
            statement.query("SELECT * FROM \(table) \(Self.whereClause(conditions)) ORDER BY seq LIMIT \(limit)"))
        let items = try rows.prefix(page.limit).map(map)
        let next = rows.count > page.limit ? PageRequest.cursor(prefix: cursorPrefix, seq: try rows[page.limit - 1]["seq"]) : nil
        return Page(items: items, nextCursor: next)
    }

    // MARK: Tasks

    public func task(_ id: TaskID) throws -> WorkflowTask? {
        try session.rows("SELECT \(unescaped: Self.taskColumns) FROM task WHERE id = \(id.rawValue)").first.map(Self.task)
    }

    public func tasks(_ ids: [TaskID]) throws -> [WorkflowTask] {
        guard !ids.isEmpty else { return [] }
        return try session.rows("SELECT \(unescaped: Self.taskColumns) FROM task WHERE id = ANY(\(ids.map(\.rawValue)))")
            .map(Self.task)
    }

    public func tasks(matching query: TaskQuery, page: PageRequest) throws -> Page<WorkflowTask> {
        var statement = PostgresStatement()
        var conditions = query.region.conditions(column: "village") { statement.bind($0) }
        if !query.states.isEmpty {
            conditions.append("state IN (\(query.states.map { statement.bind($0.rawValue) }.joined(separator: ",")))")
        }
        if let workflow = query.workflow { conditions.append("workflow_id = \(statement.bind(workflow.rawValue))") }
        if let facilitator = query.facilitator {
            conditions.append("facilitator_id = \(statement.bind(facilitator.rawValue))")
        }
        if query.conflictsOnly { conditions.append("conflict IS NOT NULL") }
        if let from = query.from {
            conditions.append("window_start >= \(statement.bind(Int64(from.timeIntervalSince1970.rounded(.up))))")
        }
        if let until = query.until {
            conditions.append("window_start < \(statement.bind(Int64(until.timeIntervalSince1970.rounded(.up))))")
        }
        if let (start, id) = try page.taskAfter() {
            conditions.append("(window_start, id) > (\(statement.bind(start)), \(statement.bind(id)))")
        }
        let limit = statement.bind(page.limit + 1)
        let rows = try session.rows(
            statement.query(
                """
                SELECT \(Self.taskColumns) FROM task \(Self.whereClause(conditions))
                ORDER BY window_start, id LIMIT \(limit)
                """))
        let items = try rows.prefix(page.limit).map(Self.task)
        let next = rows.count > page.limit ? items.last.map(PageRequest.cursor(after:)) : nil
        return Page(items: items, nextCursor: next)
    }

    public func tasks(of workflow: WorkflowID) throws -> [WorkflowTask] {
        try session.rows(
            "SELECT \(unescaped: Self.taskColumns) FROM task WHERE workflow_id = \(workflow.rawValue) ORDER BY window_start, id"
        ).map(Self.task)
    }

    public func deadlines(before until: Date, grace: TimeInterval) throws -> [TaskDeadline] {
        let limit = Int64(until.timeIntervalSince1970.rounded(.up))
        let graceSeconds = Int64(grace)
        var deadlines: [TaskDeadline] = []
        // A window never closes before it opens: the scheduled tasks whose window closes
        // before `until` are among those whose window opens before it.
        for row in try session.rows(
            "SELECT id, window_start, window_end FROM task WHERE state = 'scheduled' AND window_start < \(limit)")
        {
            let task = TaskID.trusted(try row[0])
            deadlines.append(TaskDeadline(at: Date(timeIntervalSince1970: TimeInterval(try row[1] as Int64)), task: task, kind: .opens))
            let end: Int64 = try row[2]
            if end < limit - graceSeconds {
                deadlines.append(TaskDeadline(at: Date(timeIntervalSince1970: TimeInterval(end + graceSeconds)), task: task, kind: .closes))
            }
        }
        for row in try session.rows(
            "SELECT id, window_end FROM task WHERE state = 'due' AND window_end < \(limit - graceSeconds)")
        {
            let end: Int64 = try row[1]
            deadlines.append(
                TaskDeadline(
                    at: Date(timeIntervalSince1970: TimeInterval(end + graceSeconds)), task: TaskID.trusted(try row[0]),
                    kind: .closes))
        }
        return deadlines.sorted { ($0.at, $0.task) < ($1.at, $1.task) }
    }

    public func scheduledTasks(openingIn range: Range<Date>) throws -> [WorkflowTask] {
        let from = Int64(range.lowerBound.timeIntervalSince1970)
        let until = Int64(range.upperBound.timeIntervalSince1970.rounded(.up))
        return try session.rows(
            """
            SELECT \(unescaped: Self.taskColumns) FROM task
            WHERE state = 'scheduled' AND window_start >= \(from) AND window_start < \(until)
            ORDER BY window_start, id
            """
        ).map(Self.task)
    }

    public func nextScheduledTask() throws -> WorkflowTask? {
        try session.rows(
            "SELECT \(unescaped: Self.taskColumns) FROM task WHERE state = 'scheduled' ORDER BY window_start, id LIMIT 1"
        ).first.map(Self.task)
    }

    public func taskCounts() throws -> [TaskState: Int] {
        var counts: [TaskState: Int] = [:]
        for row in try session.rows("SELECT state, n FROM state_count WHERE entity = 'task'") {
            if let state = TaskState(rawValue: try row[0]) { counts[state] = try row[1] }
        }
        return counts
    }

    // MARK: History and the daemon's own facts

    public func history(of entityID: String) throws -> [HistoryEntry] {
        try session.rows("SELECT * FROM history WHERE entity_id = \(entityID) ORDER BY seq").map(Self.historyEntry)
    }

    public func history(after seq: Int64, limit: Int) throws -> [HistoryEntry] {
        try session.rows("SELECT * FROM history WHERE seq > \(seq) ORDER BY seq LIMIT \(limit)").map(Self.historyEntry)
    }

    public func meta(_ key: String) throws -> String? {
        try session.value("SELECT value FROM meta WHERE key = \(key)", as: String.self)
    }

    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }
}
