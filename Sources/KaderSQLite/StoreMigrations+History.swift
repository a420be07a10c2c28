import GRDB

extension StoreMigrations {
    /// v13. Half of a task's bytes were its history, and most of an entry's text was the
    /// same in thousands of entries: who wrote it, what it was about, what was done, and for
    /// a move, from which state to which. That text is kept once, in `history_kind`; an entry
    /// keeps its time, caller's uid, entity id, kind, and its own detail when it has one.
    ///
    /// `history` stays what it was to every reader: a view with the same columns, whose
    /// inserts go through `history_insert`, the one place that decides what is kept once.
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
                CREATE TRIGGER history_insert INSTEAD OF INSERT ON history BEGIN
                  SELECT RAISE(ABORT, 'NOT NULL constraint failed: history.detail') WHERE NEW.detail IS NULL;
                  INSERT INTO history_kind (caller_agent, entity_kind, action, detail)
                    VALUES (NEW.caller_agent, NEW.entity_kind, NEW.action, \(keptDetail)) ON CONFLICT DO NOTHING;
                  INSERT INTO history_entry (seq, at, caller_uid, kind, entity_id, detail)
                    SELECT NEW.seq, NEW.at, NEW.caller_uid, k.n, NEW.entity_id, CASE k.detail WHEN '' THEN NEW.detail END
                    FROM history_kind k
                    WHERE k.caller_agent = NEW.caller_agent AND k.entity_kind = NEW.entity_kind AND k.action = NEW.action
                      AND k.detail = \(keptDetail);
                END;
                INSERT INTO history SELECT * FROM history_v12 ORDER BY seq;
                DROP TABLE history_v12;
                CREATE INDEX history_by_entity ON history_entry(entity_id, seq);
                CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history_entry
                  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history_entry
                  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                CREATE TRIGGER history_kind_is_append_only_update BEFORE UPDATE ON history_kind
                  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                CREATE TRIGGER history_kind_is_append_only_delete BEFORE DELETE ON history_kind
                  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                """)
        // Numbers are never given twice, even those of entries that were never kept.
        if let sequence {
            try db.execute(
                sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'history_entry'", arguments: [sequence])
            if db.changesCount == 0 {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('history_entry', ?)", arguments: [sequence])
            }
        }
    }

    /// The SQL of the detail a new entry's kind keeps: a move's, which names only the state
    /// left and the state reached (the scheduler's and most of a facilitator's), and the
    /// empty one; '' for any other, which the entry keeps itself.
    private static let keptDetail = """
        CASE WHEN NEW.detail = '{}' THEN '{}'
             WHEN json_valid(NEW.detail) THEN (
               CASE WHEN NEW.detail = json_object('from', json_extract(NEW.detail, '$.from'),
                                                  'to', json_extract(NEW.detail, '$.to'))
                    THEN NEW.detail ELSE '' END)
             ELSE '' END
        """
}
