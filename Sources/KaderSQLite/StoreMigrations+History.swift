import GRDB

extension StoreMigrations {
    /// v13. Half of a task's bytes were its history, and most of an entry's text was the
    /// same in thousands of entries: who wrote it, what it was about, what was done, and for
    /// a move, from which state to which. That text is kept once, in `history_kind`; an entry
    /// keeps its time, caller's uid, entity id, kind, and its own detail when it has one.
    ///
    /// `history` stays what it was to every reader: a view with the same columns, whose
    /// inserts go through `history_insert`. kaderd writes its own entries with the same
    /// statements (`HistoryInsert`), without the trigger's detour.
    static func compactHistory(_ db: Database) throws {
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'history'")
        try db.execute(
            sql: """
                DROP TRIGGER history_is_append_only_update;
                DROP TRIGGER history_is_append_only_delete;
                DROP INDEX history_by_entity;
                ALTER TABLE history RENAME TO history_v12;
                CREATE TABLE history_kind (
                  n INTEGER PRIMARY KEY,
                  caller_agent TEXT NOT NULL,
                  entity_kind TEXT NOT NULL,
                  action TEXT NOT NULL,
                  -- The detail of every entry of this kind, or '' where each entry keeps its own.
                  detail TEXT NOT NULL,
                  UNIQUE (caller_agent, entity_kind, action, detail)
                );
                CREATE TABLE history_entry (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT,
                  at REAL NOT NULL,
                  caller_uid INTEGER,
                  kind INTEGER NOT NULL REFERENCES history_kind(n),
                  entity_id TEXT NOT NULL,
                  -- NULL where the kind keeps the detail.
                  detail TEXT
                );
                CREATE VIEW history (seq, at, caller_uid, caller_agent, entity_kind, entity_id, action, detail) AS
                  SELECT e.seq, e.at, e.caller_uid, k.caller_agent, k.entity_kind, e.entity_id, k.action,
                         COALESCE(e.detail, k.detail)
                  FROM history_entry e CROSS JOIN history_kind k ON k.n = e.kind;
                \(historyInsertTrigger(keys: .textIDs));
                INSERT INTO history SELECT * FROM history_v12 ORDER BY seq;
                DROP TABLE history_v12;
                CREATE INDEX history_by_entity ON history_entry(entity_id, seq);
                \(historyEntryIsAppendOnly)
                CREATE TRIGGER history_kind_is_append_only_update BEFORE UPDATE ON history_kind
                  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                CREATE TRIGGER history_kind_is_append_only_delete BEFORE DELETE ON history_kind
                  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                """)
        try keepNumbering(after: sequence, db)
    }

    /// Numbers are never given twice, even those of entries that were never kept: a new
    /// `history_entry` goes on from `sequence`, the last number its predecessor gave.
    static func keepNumbering(after sequence: Int64?, _ db: Database) throws {
        guard let sequence else { return }
        try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'history_entry'", arguments: [sequence])
        if db.changesCount == 0 {
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('history_entry', ?)", arguments: [sequence])
        }
    }

    /// The triggers that keep `history_entry`'s rows as written (v13, made again by v17).
    static let historyEntryIsAppendOnly = """
        CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history_entry
          BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
        CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history_entry
          BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
        """

    /// v15. Every task's plan was kept in its own words, its step and workflow, which its
    /// row holds too: 50 of the history's 116 bytes a task. A plan that says no more is
    /// kept by a kind whose detail is `HistoryInsert.ofItsTask`, and the view reads the
    /// detail from the task's row, which may no longer change workflow or step.
    static func plannedDetailFromTheTask(_ db: Database) throws {
        let ofItsTask = HistoryInsert.ofItsTask
        try db.execute(
            sql: """
                DROP VIEW history;
                CREATE VIEW history (seq, at, caller_uid, caller_agent, entity_kind, entity_id, action, detail) AS
                  SELECT e.seq, e.at, e.caller_uid, k.caller_agent, k.entity_kind, e.entity_id, k.action,
                         CASE k.detail WHEN '\(ofItsTask)' THEN \(HistoryInsert.plannedDetail(of: "e.entity_id", with: "e.detail", keys: .textIDs))
                                       ELSE COALESCE(e.detail, k.detail) END
                  FROM history_entry e CROSS JOIN history_kind k ON k.n = e.kind;
                \(historyInsertTrigger(keys: .textIDs));
                CREATE TRIGGER task_keeps_its_workflow_and_step BEFORE UPDATE OF workflow_id, step ON task
                  WHEN NEW.workflow_id IS NOT OLD.workflow_id
                    OR (NEW.step IS NOT OLD.step
                        AND (SELECT step_id FROM task_step WHERE n = NEW.step) IS NOT (SELECT step_id FROM task_step WHERE n = OLD.step))
                  BEGIN SELECT RAISE(ABORT, 'a task keeps the workflow and step it was planned for'); END;
                INSERT INTO history_kind (caller_agent, entity_kind, action, detail)
                  SELECT caller_agent, 'task', 'planned', '\(ofItsTask)' FROM history_kind
                  WHERE entity_kind = 'task' AND action = 'planned' AND detail = ''
                  ON CONFLICT DO NOTHING;
                DROP TRIGGER history_is_append_only_update;
                """)
        // A range of entries at a time: a statement keeps the pages it changes in memory until
        // it ends (its journal, with temp_store = MEMORY). At 5,000,000 tasks the migration's
        // peak resident memory was 617 MiB in one statement, 551 MiB in ranges.
        let update = try db.makeStatement(
            sql: """
                UPDATE history_entry SET
                  kind = (
                    SELECT n FROM history_kind
                    WHERE entity_kind = 'task' AND action = 'planned' AND detail = '\(ofItsTask)'
                      AND caller_agent = (SELECT caller_agent FROM history_kind WHERE n = history_entry.kind)),
                  detail = \(HistoryInsert.beyondTheTask("detail"))
                WHERE seq > ? AND seq <= ?
                  AND kind IN (SELECT n FROM history_kind WHERE entity_kind = 'task' AND action = 'planned' AND detail = '')
                  AND \(HistoryInsert.isMadeFromItsTask("detail", task: "history_entry.entity_id", keys: .textIDs))
                """)
        let last = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM history_entry") ?? 0
        for first in stride(from: Int64(0), to: last, by: 250_000) {
            try update.execute(arguments: [first, first + 250_000])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history_entry
                  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                """)
    }

    /// What `INSERT INTO history` does: the statements kaderd runs for its own entries. Made
    /// again with the view whenever they change (v15, v17), as dropping the view drops it.
    static func historyInsertTrigger(keys: HistoryInsert.Keys) -> String {
        """
        CREATE TRIGGER history_insert INSTEAD OF INSERT ON history BEGIN
          SELECT RAISE(ABORT, 'NOT NULL constraint failed: history.detail') WHERE NEW.detail IS NULL;
          \(HistoryInsert(of: "NEW", keys: keys).kind);
          \(HistoryInsert(of: "NEW", keys: keys).entry);
        END
        """
    }
}
