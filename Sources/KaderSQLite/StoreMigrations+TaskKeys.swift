import GRDB
import KaderCore

extension StoreMigrations {
    /// v17. A task's 18-character id was its row's key and was held again by each of the
    /// task's six index entries and by each of its history entries and their index. Its key
    /// is now the number its id spells (`TaskKey`), eight bytes, and the row keeps no text
    /// of the id: 445 bytes a task of 5,000,000 before, 352 after (Benchmarks/README.md).
    /// The few ids that spell none keep their text in `task_id_text`.
    ///
    /// `task` and `history_entry` are copied in key order into tables of the new form; the
    /// `history` view, with the id's text made again from the key, reads as it did, and
    /// `task_with_id` shows `sqlite3` users each task with its id and step.
    static func taskKeys(_ db: Database) throws {
        // Each id's key made in Swift: with the SQL the views use (`TaskKey.keySQL`), the
        // migration of 25,000,000 tasks and 68,000,000 entries was on course for half an hour.
        let key = DatabaseFunction("kaderd_task_key", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).flatMap { try? TaskID($0) }.flatMap(TaskKey.key(of:))
        }
        db.add(function: key)
        defer { db.remove(function: key) }
        // The triggers on tasks are made again as they were; the indexes, without the id.
        let triggers = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = 'task' AND type = 'trigger' AND sql IS NOT NULL")
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'history_entry'")
        try db.execute(
            sql: """
                DROP VIEW history;
                CREATE TABLE task_id_text (
                  key INTEGER PRIMARY KEY,
                  id TEXT NOT NULL UNIQUE
                );
                INSERT INTO task_id_text (key, id)
                  SELECT \(TaskKey.firstTextKey) + row_number() OVER (ORDER BY id), id FROM task WHERE kaderd_task_key(id) IS NULL;
                CREATE TABLE task_by_key (
                  key INTEGER PRIMARY KEY,
                  workflow_id TEXT NOT NULL REFERENCES workflow(id),
                  step INTEGER NOT NULL REFERENCES task_step(n),
                  occurrence INTEGER NOT NULL,
                  occurrences INTEGER NOT NULL,
                  village TEXT NOT NULL,
                  zone TEXT NOT NULL,
                  window_start INTEGER NOT NULL,
                  window_end INTEGER NOT NULL,
                  state TEXT NOT NULL,
                  records TEXT NOT NULL,
                  updated_at REAL NOT NULL,
                  facilitator_id TEXT,
                  conflict TEXT
                );
                INSERT INTO task_by_key
                  SELECT COALESCE(kaderd_task_key(t.id), \(TaskKey.keptKeySQL("t.id"))),
                         t.workflow_id, t.step, t.occurrence, t.occurrences, t.village, t.zone, t.window_start,
                         t.window_end, t.state, t.records, t.updated_at, t.facilitator_id, t.conflict
                  FROM task t ORDER BY t.id;
                DROP TABLE task;
                ALTER TABLE task_by_key RENAME TO task;
                CREATE INDEX task_by_village ON task(village, window_start);
                CREATE INDEX task_by_workflow ON task(workflow_id, window_start);
                CREATE INDEX task_due_by_end ON task(window_end) WHERE state = 'due';
                CREATE INDEX task_by_facilitator ON task(facilitator_id, window_start) WHERE facilitator_id IS NOT NULL;
                CREATE INDEX task_by_window ON task(window_start, village);
                CREATE INDEX task_by_state ON task(state, window_start, key, window_end) WHERE state NOT IN ('done', 'missed');
                CREATE VIEW task_with_id AS
                  SELECT \(TaskKey.idSQL("t.key")) AS id, t.*, s.step_id, s.kind, s.title
                  FROM task t JOIN task_step s ON s.n = t.step;

                DROP TRIGGER history_is_append_only_update;
                DROP TRIGGER history_is_append_only_delete;
                DROP INDEX history_by_entity;
                ALTER TABLE history_entry RENAME TO history_entry_v16;
                CREATE TABLE history_entry (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT,
                  at REAL NOT NULL,
                  caller_uid INTEGER,
                  kind INTEGER NOT NULL REFERENCES history_kind(n),
                  -- A task's key; the id of anything else (and of a task id that spells no key
                  -- and names no task). No type, so that a key stays a number.
                  entity_id NOT NULL,
                  -- NULL where the kind keeps the detail.
                  detail TEXT
                );
                INSERT INTO history_entry
                  SELECT e.seq, e.at, e.caller_uid, e.kind,
                         CASE WHEN k.entity_kind = 'task'
                              THEN COALESCE(kaderd_task_key(e.entity_id), \(TaskKey.keptKeySQL("e.entity_id")), e.entity_id)
                              ELSE e.entity_id END,
                         e.detail
                  FROM history_entry_v16 e CROSS JOIN history_kind k ON k.n = e.kind ORDER BY e.seq;
                DROP TABLE history_entry_v16;
                CREATE INDEX history_by_entity ON history_entry(entity_id, seq);
                \(historyEntryIsAppendOnly)
                \(historyView);
                \(historyInsertTrigger(keys: .taskKeys));
                """)
        for trigger in triggers { try db.execute(sql: trigger) }
        try keepNumbering(after: sequence, db)
    }

    /// The history as every reader knows it, a task's id made again from its key.
    private static var historyView: String {
        let entity = "CASE WHEN typeof(e.entity_id) = 'integer' THEN \(TaskKey.idSQL("e.entity_id")) ELSE e.entity_id END"
        let detail = HistoryInsert.plannedDetail(of: "e.entity_id", with: "e.detail", keys: .taskKeys)
        return """
            CREATE VIEW history (seq, at, caller_uid, caller_agent, entity_kind, entity_id, action, detail) AS
              SELECT e.seq, e.at, e.caller_uid, k.caller_agent, k.entity_kind, \(entity), k.action,
                     CASE k.detail WHEN '\(HistoryInsert.ofItsTask)' THEN \(detail) ELSE COALESCE(e.detail, k.detail) END
              FROM history_entry e CROSS JOIN history_kind k ON k.n = e.kind
            """
    }
}
