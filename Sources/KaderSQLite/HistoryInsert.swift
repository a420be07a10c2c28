/// How an entry goes into the history since v13: its kind, if it is new, and the entry with
/// its kind's number. The one place that decides what a kind keeps: the view's trigger runs
/// these statements on `NEW`, `SQLiteWriter` on its arguments. The trigger's copy lives in
/// each store's schema, made by v13 and again by v15 and v17: a change here needs a
/// migration that makes it again (`anUpgradedStoreHasTheFormatOfANewOne` fails until it has
/// one).
struct HistoryInsert {
    /// How an entry names its entity: by its id's text (v13 to v16), or a task by its key
    /// (v17, `TaskKey`). The migrations before v17 make their trigger with the first.
    enum Keys {
        case textIDs, taskKeys

        /// The column a task's row is found by.
        var taskColumn: String {
            switch self {
            case .textIDs: "id"
            case .taskKeys: "key"
            }
        }
    }

    /// The entry's columns, as SQL: `NEW.at`… in the trigger, `?5`… for the writer.
    /// `entityID` is what the entry keeps: a task's key, since v17, where the row has its id.
    private let seq: String, at: String, callerUID: String, callerAgent: String, entityKind: String
    private let entityID: String, action: String, detail: String
    private let keys: Keys

    /// The columns of `row` (`NEW` in a trigger).
    init(of row: String, keys: Keys) {
        seq = "\(row).seq"
        at = "\(row).at"
        callerUID = "\(row).caller_uid"
        callerAgent = "\(row).caller_agent"
        let (kind, id) = ("\(row).entity_kind", "\(row).entity_id")
        entityKind = kind
        switch keys {
        case .textIDs: entityID = id
        case .taskKeys:
            // A task id that spells no key and names no task keeps its text, as others do.
            entityID = """
                CASE WHEN \(kind) = 'task' THEN COALESCE(\(TaskKey.keySQL(id)), \(TaskKey.keptKeySQL(id)), \(id)) \
                ELSE \(id) END
                """
        }
        action = "\(row).action"
        detail = "\(row).detail"
        self.keys = keys
    }

    /// Numbered parameters, seven for both statements: caller's agent, entity kind, action,
    /// detail, time, caller's uid, entity id (a task's key: `SQLiteWriter` finds it).
    static let numbered = HistoryInsert(
        seq: "NULL", at: "?5", callerUID: "?6", callerAgent: "?1", entityKind: "?2", entityID: "?7", action: "?3",
        detail: "?4", keys: .taskKeys)

    private init(
        seq: String, at: String, callerUID: String, callerAgent: String, entityKind: String, entityID: String,
        action: String, detail: String, keys: Keys
    ) {
        (self.seq, self.at, self.callerUID, self.callerAgent) = (seq, at, callerUID, callerAgent)
        (self.entityKind, self.entityID, self.action, self.detail) = (entityKind, entityID, action, detail)
        self.keys = keys
    }

    /// Adds the entry's kind unless it is there.
    var kind: String {
        """
        INSERT INTO history_kind (caller_agent, entity_kind, action, detail)
          VALUES (\(callerAgent), \(entityKind), \(action), \(keptDetail)) ON CONFLICT DO NOTHING
        """
    }

    /// Adds the entry, with its kind's number; adds nothing when its kind is not there.
    var entry: String {
        """
        INSERT INTO history_entry (seq, at, caller_uid, kind, entity_id, detail)
          SELECT \(seq), \(at), \(callerUID), k.n, \(entityID),
                 CASE k.detail WHEN '' THEN \(detail) WHEN '\(Self.ofItsTask)' THEN \(Self.beyondTheTask(detail)) END
          FROM history_kind k
          WHERE k.caller_agent = \(callerAgent) AND k.entity_kind = \(entityKind) AND k.action = \(action)
            AND k.detail = \(keptDetail)
        """
    }

    /// The detail the entry's kind keeps: a move's that names only the state left and the
    /// state reached (the scheduler's and most of a facilitator's), the empty one, and
    /// `ofItsTask` for a task's plan that its row and what the entry keeps make again, text
    /// for text (v15); '' for any other, which the entry keeps whole.
    private var keptDetail: String {
        """
        CASE WHEN \(detail) = '{}' THEN '{}'
             WHEN \(action) = 'planned' AND \(entityKind) = 'task' THEN (
               CASE WHEN \(Self.isMadeFromItsTask(detail, task: entityID, keys: keys)) THEN '\(Self.ofItsTask)' ELSE '' END)
             WHEN json_valid(\(detail)) THEN (
               CASE WHEN \(detail) = json_object('from', json_extract(\(detail), '$.from'),
                                                 'to', json_extract(\(detail), '$.to'))
                    THEN \(detail) ELSE '' END)
             ELSE '' END
        """
    }

    /// The detail of a kind whose entries' detail is made from their task's row: a task's
    /// plan names its step and workflow, 50 of the history's 116 bytes a task, which the
    /// task's row holds too. Not JSON, so no entry's own detail can be taken for it.
    static let ofItsTask = "@task"

    /// What a plan says beyond its task's step and workflow (a facilitator, a day it moved
    /// from), which its entry keeps; NULL when nothing.
    static func beyondTheTask(_ detail: String) -> String {
        "NULLIF(json_remove(\(detail), '$.step', '$.workflow'), '{}')"
    }

    /// Whether `detail`, a task's plan, is made again text for text from its task's row and
    /// what its entry would keep beyond it: the one test of what `ofItsTask` may keep, for
    /// the insert statements and for v15's conversion of the entries before it. False for
    /// text that is not a JSON object, which the entry keeps whole.
    static func isMadeFromItsTask(_ detail: String, task: String, keys: Keys) -> String {
        """
        CASE WHEN NOT json_valid(\(detail)) OR json_type(\(detail)) != 'object' THEN 0
             ELSE \(detail) = \(plannedDetail(of: task, with: beyondTheTask(detail), keys: keys)) END
        """
    }

    /// A task's plan made again: its row's step and workflow, with what the entry kept
    /// (`beyond`), keys in order as kaderd writes them. A task's step and workflow never
    /// change (`task_keeps_its_workflow_and_step`). `task` is its id or, since v17, its key.
    static func plannedDetail(of task: String, with beyond: String, keys: Keys) -> String {
        let ofTheRow = """
            (SELECT json_object('step', s.step_id, 'workflow', t.workflow_id) FROM task t JOIN task_step s ON s.n = t.step \
            WHERE t.\(keys.taskColumn) = \(task))
            """
        return """
            CASE WHEN \(beyond) IS NULL THEN \(ofTheRow)
                 ELSE (SELECT json_group_object(key, value) FROM (
                         SELECT key, value FROM json_each(json_patch(\(ofTheRow), \(beyond))) ORDER BY key))
            END
            """
    }
}
