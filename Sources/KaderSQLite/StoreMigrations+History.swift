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
                CREATE TRIGGER history_insert INSTEAD OF INSERT ON history BEGIN
                  SELECT RAISE(ABORT, 'NOT NULL constraint failed: history.detail') WHERE NEW.detail IS NULL;
                  \(HistoryInsert(of: "NEW").kind);
                  \(HistoryInsert(of: "NEW").entry);
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
}
