import Foundation
import KaderCore
import KaderStore
import PostgresNIO

/// Changes within the one transaction of a `PostgresStore.write`, which holds the history
/// counter's row from its start: writes are serialized across every kaderd on the database,
/// and each reads what the previous one committed.
public struct PostgresWriter: StoreWriter {
    let session: PostgresSession
    let history: HistoryCounter
    /// This process, as the lease names its holder.
    let incarnation: String

    /// The history's sequence numbers this transaction gives, from the counter row it holds,
    /// and the entries recorded but not yet written: they go in one statement at the end of
    /// the write (`flushHistory`), not a round trip each.
    final class HistoryCounter {
        let committed: Int64
        var last: Int64
        var pending: [(seq: Int64, entry: Entry)] = []
        /// Why writing the pending entries failed where no error could be thrown; the
        /// transaction fails with it at its end.
        var failure: (any Error)?

        struct Entry {
            var at: Date
            var caller: Caller
            var entityKind, entityID, action: String
            var detail: [String: String]
        }

        init(committed: Int64) {
            self.committed = committed
            last = committed
        }
    }

    /// Reads within the transaction see its history too: what is pending is written first.
    public var reader: StoreReader {
        do {
            try flushHistory()
        } catch {
            history.failure = error
        }
        return PostgresReader(session: session)
    }

    // MARK: Cadres

    public func insert(_ cadre: Cadre) throws {
        try session.execute(
            """
            INSERT INTO cadre (id, seq, name, sex, birth_year, education, courses, field, village, address, status, notes,
                               registered_at, withdrawn_at, withdrawal_reason, name_key)
            VALUES (\(cadre.id.rawValue), (SELECT COALESCE(MAX(seq), 0) + 1 FROM cadre), \(cadre.name), \(cadre.sex.rawValue),
                    \(cadre.birthYear), \(cadre.education), \(JSONText.encode(cadre.courses)), \(cadre.field),
                    \(cadre.village.description), \(cadre.address), \(cadre.status.rawValue), \(cadre.notes),
                    \(cadre.registeredAt.timeIntervalSince1970), \(cadre.withdrawal?.at.timeIntervalSince1970),
                    \(cadre.withdrawal?.reason), \(CadreIdentity.nameKey(of: cadre.name)))
            """)
    }

    /// In statements of many rows each (one round trip per thousand cadres, not per cadre),
    /// numbered after the register's last number, read once: writes are serialized, so no
    /// other writer numbers cadres meanwhile.
    public func insert(_ cadres: [Cadre]) throws {
        guard !cadres.isEmpty else { return }
        var seq: Int64 = try session.rows("SELECT COALESCE(MAX(seq), 0)::bigint FROM cadre").first.map { try $0[0] } ?? 0
        for chunk in stride(from: 0, to: cadres.count, by: 1000).map({ cadres[$0..<min($0 + 1000, cadres.count)] }) {
            var statement = PostgresStatement()
            let rows = chunk.map { cadre in
                seq += 1
                let values = [
                    statement.bind(cadre.id.rawValue), statement.bind(seq), statement.bind(cadre.name),
                    statement.bind(cadre.sex.rawValue), statement.bind(cadre.birthYear), statement.bind(cadre.education),
                    statement.bind(JSONText.encode(cadre.courses)), statement.bind(cadre.field),
                    statement.bind(cadre.village.description), statement.bind(cadre.address),
                    statement.bind(cadre.status.rawValue), statement.bind(cadre.notes),
                    statement.bind(cadre.registeredAt.timeIntervalSince1970),
                    statement.bind(cadre.withdrawal?.at.timeIntervalSince1970), statement.bind(cadre.withdrawal?.reason),
                    statement.bind(CadreIdentity.nameKey(of: cadre.name)),
                ]
                return "(" + values.joined(separator: ",") + ")"
            }
            try session.execute(
                statement.query(
                    """
                    INSERT INTO cadre (id, seq, name, sex, birth_year, education, courses, field, village, address, status,
                                       notes, registered_at, withdrawn_at, withdrawal_reason, name_key)
                    VALUES \(rows.joined(separator: ","))
                    """))
        }
    }

    public func update(_ cadre: Cadre) throws {
        try session.execute(
            """
            UPDATE cadre SET name = \(cadre.name), sex = \(cadre.sex.rawValue), birth_year = \(cadre.birthYear),
              education = \(cadre.education), courses = \(JSONText.encode(cadre.courses)), field = \(cadre.field),
              village = \(cadre.village.description), address = \(cadre.address), status = \(cadre.status.rawValue),
              notes = \(cadre.notes), withdrawn_at = \(cadre.withdrawal?.at.timeIntervalSince1970),
              withdrawal_reason = \(cadre.withdrawal?.reason), name_key = \(CadreIdentity.nameKey(of: cadre.name))
            WHERE id = \(cadre.id.rawValue)
            """)
    }

    public func insert(_ move: CadreMove) throws {
        try session.execute(
            """
            INSERT INTO cadre_move (cadre_id, from_village, to_village, at)
            VALUES (\(move.cadre.rawValue), \(move.from.description), \(move.to.description), \(move.at.timeIntervalSince1970))
            """)
    }

    public func remove(_ cadre: CadreID, from workflow: WorkflowID) throws {
        try session.execute(
            "DELETE FROM workflow_cadre WHERE workflow_id = \(workflow.rawValue) AND cadre_id = \(cadre.rawValue)")
    }

    // MARK: Workflows and tasks

    public func insert(_ workflow: Workflow, tasks: [WorkflowTask]) throws {
        try session.execute(
            """
            INSERT INTO workflow (id, seq, program_id, program_version, village, zone, start_date, state, created_at,
                                  facilitator, facilitator_id)
            VALUES (\(workflow.id.rawValue), (SELECT COALESCE(MAX(seq), 0) + 1 FROM workflow), \(workflow.programID),
                    \(workflow.programVersion), \(workflow.village.description), \(workflow.zoneIdentifier),
                    \(workflow.startDate.description), \(workflow.state.rawValue), \(workflow.createdAt.timeIntervalSince1970),
                    \(workflow.facilitator), \(workflow.facilitatorID?.rawValue))
            """)
        if !workflow.cadres.isEmpty {
            var statement = PostgresStatement()
            let rows = workflow.cadres.enumerated().map { position, cadre in
                "(\(statement.bind(workflow.id.rawValue)), \(statement.bind(cadre.rawValue)), \(statement.bind(position)))"
            }
            try session.execute(
                statement.query("INSERT INTO workflow_cadre (workflow_id, cadre_id, position) VALUES \(rows.joined(separator: ","))"))
        }
        try insert(tasks)
    }

    /// Adds tasks in statements of many rows each (one round trip per thousand tasks, not per
    /// task), and counts them by state once per write, as the SQLite store does.
    public func insert(_ tasks: [WorkflowTask]) throws {
        for chunk in stride(from: 0, to: tasks.count, by: 1000).map({ tasks[$0..<min($0 + 1000, tasks.count)] }) {
            var statement = PostgresStatement()
            let rows = chunk.map { task in
                let values = [
                    statement.bind(task.id.rawValue), statement.bind(task.workflowID.rawValue), statement.bind(task.stepID),
                    statement.bind(task.kind.rawValue), statement.bind(task.title), statement.bind(task.occurrence),
                    statement.bind(task.occurrences), statement.bind(task.village.description),
                    statement.bind(task.zoneIdentifier), statement.bind(Int64(task.windowStart.timeIntervalSince1970)),
                    statement.bind(Int64(task.windowEnd.timeIntervalSince1970)), statement.bind(task.state.rawValue),
                    statement.bind(JSONText.encode(task.records)), statement.bind(task.updatedAt.timeIntervalSince1970),
                    statement.bind(task.facilitatorID?.rawValue), statement.bind(task.conflict),
                ]
                return "(" + values.joined(separator: ",") + ")"
            }
            try session.execute(
                statement.query(
                    """
                    INSERT INTO task (\(PostgresReader.taskColumns))
                    VALUES \(rows.joined(separator: ","))
                    """))
        }
        for (state, count) in Dictionary(grouping: tasks, by: \.state).mapValues(\.count) {
            try session.execute(
                """
                INSERT INTO state_count (entity, state, n) VALUES ('task', \(state.rawValue), \(count))
                ON CONFLICT (entity, state) DO UPDATE SET n = state_count.n + excluded.n
                """)
        }
    }

    public func updateState(of workflow: WorkflowID, to state: WorkflowState) throws {
        try session.execute("UPDATE workflow SET state = \(state.rawValue) WHERE id = \(workflow.rawValue)")
    }

    public func update(_ task: WorkflowTask, from expected: TaskState) throws {
        let changed = try session.rows(
            """
            UPDATE task SET title = \(task.title), window_start = \(Int64(task.windowStart.timeIntervalSince1970)),
              window_end = \(Int64(task.windowEnd.timeIntervalSince1970)), state = \(task.state.rawValue),
              records = \(JSONText.encode(task.records)), updated_at = \(task.updatedAt.timeIntervalSince1970),
              facilitator_id = \(task.facilitatorID?.rawValue), conflict = \(task.conflict)
            WHERE id = \(task.id.rawValue) AND state = \(expected.rawValue)
            RETURNING id
            """)
        guard changed.count == 1 else { throw StoreError.changedMeanwhile(what: "task \(task.id)") }
    }

    public func move(_ tasks: [TaskID], from expected: TaskState, to state: TaskState, at: Date) throws {
        let ids = Set(tasks.map(\.rawValue))
        guard !ids.isEmpty else { return }
        let changed = try session.rows(
            """
            UPDATE task SET state = \(state.rawValue), updated_at = \(at.timeIntervalSince1970)
            WHERE id = ANY(\(Array(ids))) AND state = \(expected.rawValue)
            RETURNING id
            """)
        guard changed.count == ids.count else {
            throw StoreError.changedMeanwhile(what: "\(ids.count - changed.count) of \(ids.count) tasks")
        }
    }

    public func reopen(_ tasks: [TaskID], from expected: TaskState, to state: TaskState, at: Date) throws {
        let ids = Set(tasks.map(\.rawValue))
        guard !ids.isEmpty else { return }
        let start = Int64(at.timeIntervalSince1970)
        let changed = try session.rows(
            """
            UPDATE task SET state = \(state.rawValue), window_end = \(start) + (window_end - window_start),
              window_start = \(start), updated_at = \(at.timeIntervalSince1970)
            WHERE id = ANY(\(Array(ids))) AND state = \(expected.rawValue)
            RETURNING id
            """)
        guard changed.count == ids.count else {
            throw StoreError.changedMeanwhile(what: "\(ids.count - changed.count) of \(ids.count) tasks")
        }
    }

    // MARK: History and the daemon's own facts

    @discardableResult
    public func record(
        _ action: String, entityKind: String, entityID: String, caller: Caller, at: Date, detail: [String: String]
    ) throws -> Int64 {
        let seq = history.last + 1
        history.pending.append(
            (seq, HistoryCounter.Entry(at: at, caller: caller, entityKind: entityKind, entityID: entityID, action: action, detail: detail)))
        history.last = seq
        return seq
    }

    /// Writes the pending history entries, a thousand rows a statement.
    func flushHistory() throws {
        if let failure = history.failure { throw failure }
        let pending = history.pending
        history.pending = []
        for first in stride(from: 0, to: pending.count, by: 1000) {
            var statement = PostgresStatement()
            let rows = pending[first..<min(first + 1000, pending.count)].map { seq, entry in
                let values = [
                    statement.bind(seq), statement.bind(entry.at.timeIntervalSince1970),
                    statement.bind(entry.caller.uid.map { Int64($0) }), statement.bind(entry.caller.agent),
                    statement.bind(entry.entityKind), statement.bind(entry.entityID), statement.bind(entry.action),
                    statement.bind(JSONText.encode(entry.detail)),
                ]
                return "(" + values.joined(separator: ",") + ")"
            }
            try session.execute(
                statement.query(
                    """
                    INSERT INTO history (seq, at, caller_uid, caller_agent, entity_kind, entity_id, action, detail)
                    VALUES \(rows.joined(separator: ","))
                    """))
        }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try session.execute(
            "INSERT INTO meta (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    }

    // MARK: Leader's work

    /// `FOR SHARE`: a node taking the lease (`FOR UPDATE`) waits until this write ends.
    public func fence(term: Int64) throws {
        let held = try session.value(
            """
            SELECT term FROM kaderd_lease
            WHERE incarnation = \(incarnation) AND term = \(term) AND expires_at > \(unescaped: PostgresMembership.databaseNow)
            FOR SHARE
            """, as: Int64.self)
        guard held != nil else { throw StoreError.notLeader(term: term) }
    }

    public func catchUpDone() throws {
        try session.execute("UPDATE kaderd_lease SET catch_up_since = NULL")
    }
}
