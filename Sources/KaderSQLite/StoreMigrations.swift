import GRDB
import KaderCore
import KaderStore

/// The schema, as a list of migrations that only ever grows: a database made by any
/// release opens with any later one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        // GRDB checks every foreign key of the whole file after each migration. No migration
        // here can break one (they add, or copy rows as they were), and over 25,000,000 tasks
        // the check ran for more than 15 minutes after v12's copy (10 minutes) was done.
        var migrator = DatabaseMigrator().disablingDeferredForeignKeyChecks()
        migrator.registerMigration("v1: cadres, workflows, tasks, history") { db in
            try db.execute(
                sql: """
                    CREATE TABLE cadre (
                      id TEXT PRIMARY KEY NOT NULL,
                      seq INTEGER NOT NULL UNIQUE,
                      name TEXT NOT NULL,
                      sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
                      birth_year INTEGER NOT NULL,
                      education TEXT NOT NULL,
                      courses TEXT NOT NULL,
                      field TEXT NOT NULL,
                      village TEXT NOT NULL,
                      address TEXT NOT NULL,
                      status TEXT NOT NULL,
                      notes TEXT NOT NULL,
                      registered_at REAL NOT NULL
                    );
                    CREATE INDEX cadre_by_village ON cadre(village, seq);

                    CREATE TABLE workflow (
                      id TEXT PRIMARY KEY NOT NULL,
                      seq INTEGER NOT NULL UNIQUE,
                      program_id TEXT NOT NULL,
                      program_version INTEGER NOT NULL,
                      village TEXT NOT NULL,
                      zone TEXT NOT NULL,
                      start_date TEXT NOT NULL,
                      state TEXT NOT NULL,
                      created_at REAL NOT NULL
                    );
                    CREATE INDEX workflow_by_village ON workflow(village, seq);

                    CREATE TABLE workflow_cadre (
                      workflow_id TEXT NOT NULL REFERENCES workflow(id),
                      cadre_id TEXT NOT NULL REFERENCES cadre(id),
                      position INTEGER NOT NULL,
                      PRIMARY KEY (workflow_id, cadre_id)
                    );
                    CREATE INDEX workflow_cadre_by_cadre ON workflow_cadre(cadre_id);

                    CREATE TABLE task (
                      id TEXT PRIMARY KEY NOT NULL,
                      workflow_id TEXT NOT NULL REFERENCES workflow(id),
                      step_id TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      title TEXT NOT NULL,
                      occurrence INTEGER NOT NULL,
                      occurrences INTEGER NOT NULL,
                      village TEXT NOT NULL,
                      zone TEXT NOT NULL,
                      window_start INTEGER NOT NULL,
                      window_end INTEGER NOT NULL,
                      state TEXT NOT NULL,
                      records TEXT NOT NULL,
                      updated_at REAL NOT NULL
                    );
                    CREATE INDEX task_by_window ON task(window_start, id);
                    CREATE INDEX task_by_village ON task(village, window_start, id);
                    CREATE INDEX task_by_workflow ON task(workflow_id, window_start, id);
                    CREATE INDEX task_by_state ON task(state, window_start, id);

                    CREATE TABLE history (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      at REAL NOT NULL,
                      caller_uid INTEGER,
                      caller_agent TEXT NOT NULL,
                      entity_kind TEXT NOT NULL,
                      entity_id TEXT NOT NULL,
                      action TEXT NOT NULL,
                      detail TEXT NOT NULL
                    );
                    CREATE INDEX history_by_entity ON history(entity_id, seq);
                    CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
                      BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                    CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
                      BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                    """)
        }
        migrator.registerMigration("v2: scheduler deadlines and daemon facts") { db in
            try db.execute(
                sql: """
                    CREATE INDEX task_by_state_end ON task(state, window_end, id);
                    CREATE TABLE meta (
                      key TEXT PRIMARY KEY NOT NULL,
                      value TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3: the facilitator of a workflow") { db in
            try db.execute(sql: "ALTER TABLE workflow ADD COLUMN facilitator TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v4: counts by state, kept by triggers") { db in
            // `daemon.status` shows these counts; counting every task at each call grew with
            // the store. Triggers keep them in the same transaction as
            // the change, so they are always exact.
            try db.execute(
                sql: """
                    CREATE TABLE state_count (
                      entity TEXT NOT NULL,
                      state TEXT NOT NULL,
                      n INTEGER NOT NULL,
                      PRIMARY KEY (entity, state)
                    ) WITHOUT ROWID;
                    INSERT INTO state_count SELECT 'task', state, COUNT(*) FROM task GROUP BY state;
                    INSERT INTO state_count SELECT 'workflow', state, COUNT(*) FROM workflow GROUP BY state;
                    \(countTriggers(table: "task"))
                    \(countTriggers(table: "workflow"))
                    """)
        }
        migrator.registerMigration("v5: fewer index entries for each new task") { db in
            // Each index a task enters cost about a tenth of workflow.start's time (12 tasks a
            // start). The closing deadlines of scheduled tasks come from the scheduled index,
            // which now holds the window's end (a window never closes before it opens), so the
            // closing index keeps due tasks only, which no new task is. A new task's count is
            // added once per write by `SQLiteWriter.insert`, not by a trigger per row.
            try db.execute(
                sql: """
                    DROP TRIGGER task_count_insert;
                    DROP INDEX task_by_state_end;
                    DROP INDEX task_by_state;
                    CREATE INDEX task_by_state ON task(state, window_start, id, window_end);
                    CREATE INDEX task_due_by_end ON task(window_end, id) WHERE state = 'due';
                    """)
        }
        migrator.registerMigration("v6: withdrawn registrations and moves between villages") { db in
            // A registration entered in error is withdrawn, not deleted: the register drops it,
            // the history keeps it. A move is kept so the Buku Kader of the village left
            // still lists the cadre, with where they went.
            try db.execute(
                sql: """
                    ALTER TABLE cadre ADD COLUMN withdrawn_at REAL;
                    ALTER TABLE cadre ADD COLUMN withdrawal_reason TEXT;
                    CREATE TABLE cadre_move (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      cadre_id TEXT NOT NULL REFERENCES cadre(id),
                      from_village TEXT NOT NULL,
                      to_village TEXT NOT NULL,
                      at REAL NOT NULL
                    );
                    CREATE INDEX cadre_move_by_from ON cadre_move(from_village);
                    CREATE INDEX cadre_move_by_to ON cadre_move(to_village);
                    """)
        }
        migrator.registerMigration("v7: the status graduated is completed") { db in
            // No regulation has a KPMD graduation, and "Kader Desa" is what a KPMD is from the
            // start: the status only says the program ended. The history keeps what it said.
            try db.execute(sql: "UPDATE cadre SET status = 'completed' WHERE status = 'graduated'")
        }
        migrator.registerMigration("v8: the facilitator register") { db in
            // A workflow's free-text facilitator stays as written; new ones name a
            // registered facilitator by id.
            try db.execute(
                sql: """
                    CREATE TABLE facilitator (
                      id TEXT PRIMARY KEY NOT NULL,
                      seq INTEGER NOT NULL UNIQUE,
                      name TEXT NOT NULL,
                      role TEXT NOT NULL,
                      phone TEXT NOT NULL,
                      email TEXT NOT NULL,
                      capacity INTEGER NOT NULL,
                      working_days TEXT NOT NULL,
                      registered_at REAL NOT NULL
                    );
                    CREATE TABLE facilitator_assignment (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      facilitator_id TEXT NOT NULL REFERENCES facilitator(id),
                      region TEXT NOT NULL,
                      from_date TEXT NOT NULL,
                      until_date TEXT
                    );
                    CREATE INDEX facilitator_assignment_by_region ON facilitator_assignment(region);
                    CREATE INDEX facilitator_assignment_by_facilitator ON facilitator_assignment(facilitator_id);
                    ALTER TABLE workflow ADD COLUMN facilitator_id TEXT REFERENCES facilitator(id);
                    CREATE INDEX workflow_by_facilitator ON workflow(facilitator_id) WHERE facilitator_id IS NOT NULL;
                    ALTER TABLE task ADD COLUMN facilitator_id TEXT;
                    ALTER TABLE task ADD COLUMN conflict TEXT;
                    CREATE INDEX task_by_facilitator ON task(facilitator_id, window_start, id)
                      WHERE facilitator_id IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v9: cadres found by name as compared") { db in
            // Finding a registered namesake read every cadre of the village born the same
            // year: a thousand-row import into a village of ten thousand took a minute. The
            // folded name is kept and indexed; folding is Swift's, so existing rows are
            // filled here.
            try db.execute(sql: "ALTER TABLE cadre ADD COLUMN name_key TEXT NOT NULL DEFAULT ''")
            let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM cadre")
            let update = try db.makeStatement(sql: "UPDATE cadre SET name_key = ? WHERE id = ?")
            for row in rows {
                let name: String = row["name"]
                let id: String = row["id"]
                try update.execute(arguments: [CadreIdentity.nameKey(of: name), id])
            }
            try db.execute(sql: "CREATE INDEX cadre_by_name_key ON cadre(village, name_key)")
        }
        migrator.registerMigration("v10: counts for the progress report") { db in
            // A report on the whole country read every task: 50 s over 5,000,000. These
            // counts (ProgressCounters) are kept by triggers in each change's transaction.
            try db.execute(
                sql: """
                    ALTER TABLE workflow ADD COLUMN reached_step TEXT;
                    ALTER TABLE workflow ADD COLUMN reached_start INTEGER;
                    CREATE TABLE progress_cadre (
                      village TEXT NOT NULL,
                      status TEXT NOT NULL,
                      n INTEGER NOT NULL,
                      PRIMARY KEY (village, status)
                    ) WITHOUT ROWID;
                    CREATE TABLE progress_count (
                      district TEXT NOT NULL,
                      key TEXT NOT NULL,
                      n INTEGER NOT NULL,
                      PRIMARY KEY (district, key)
                    ) WITHOUT ROWID;
                    CREATE TABLE progress_month (
                      regency TEXT NOT NULL,
                      month TEXT NOT NULL,
                      key TEXT NOT NULL,
                      n INTEGER NOT NULL,
                      PRIMARY KEY (regency, month, key)
                    ) WITHOUT ROWID;
                    \(progressTriggers)
                    """)
            for statement in ProgressCounters.rebuild(month: { "strftime('%Y-%m', \($0), 'unixepoch')" }) {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v11: idempotency keys of calls") { db in
            // A call sent again after a restart cut its reply is answered from here (CallKey).
            try db.execute(
                sql: """
                    CREATE TABLE call_key (
                      key TEXT PRIMARY KEY,
                      method TEXT NOT NULL,
                      params_digest TEXT NOT NULL,
                      at REAL NOT NULL,
                      reply TEXT
                    ) WITHOUT ROWID;
                    CREATE INDEX call_key_by_at ON call_key(at);
                    """)
        }
        migrator.registerMigration("v12: compact task rows") { db in
            // A tenth of a task's bytes went to keys it never used: the row sat behind a rowid,
            // found by its text id through an index of its own, and each index held both.
            // Kept by its id (WITHOUT ROWID), the table is its own id index. A third of the row
            // went to its step's id, kind and title, the same for every task of that step:
            // they are kept once, in task_step. (An index of the scheduled tasks alone, in
            // place of task_by_state, saved more, but left the overdue count and a list by
            // state without an index: a scan of every task.)
            let kept = try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master WHERE tbl_name = 'task' AND type != 'table' AND sql IS NOT NULL
                      AND name != 'progress_task_update'
                    """)
            try db.execute(
                sql: """
                    CREATE TABLE task_step (
                      n INTEGER PRIMARY KEY,
                      step_id TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      title TEXT NOT NULL,
                      UNIQUE (step_id, kind, title)
                    );
                    INSERT INTO task_step (step_id, kind, title) SELECT DISTINCT step_id, kind, title FROM task;
                    CREATE TABLE task_by_id (
                      id TEXT PRIMARY KEY NOT NULL,
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
                    ) WITHOUT ROWID;
                    INSERT INTO task_by_id
                      SELECT t.id, t.workflow_id, s.n, t.occurrence, t.occurrences, t.village, t.zone, t.window_start,
                             t.window_end, t.state, t.records, t.updated_at, t.facilitator_id, t.conflict
                      FROM task t JOIN task_step s ON s.step_id = t.step_id AND s.kind = t.kind AND s.title = t.title
                      ORDER BY t.id;
                    DROP TABLE task;
                    ALTER TABLE task_by_id RENAME TO task;
                    \(progressTaskUpdateTrigger(step: "(SELECT step_id FROM task_step WHERE n = NEW.step)"))
                    """)
            // The other indexes and triggers, as the migrations before made them.
            for statement in kept { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v13: compact history") { db in
            try compactHistory(db)
        }
        migrator.registerMigration("v14: the time index holds the village") { db in
            // A province's week was read along the village index, which holds every task of
            // the province for as many years as the store keeps: five years, five times the
            // work. The time index holds the village beside the window, so a short range is
            // read from the whole country's entries in it, as many in any year, and only the
            // province's rows are read (the choice: SQLiteReader.taskIndex(for:)).
            try db.execute(
                sql: """
                    DROP INDEX task_by_window;
                    CREATE INDEX task_by_window ON task(window_start, village);
                    """)
        }
        migrator.registerMigration("v15: a planned task's detail is read from its row") { db in
            try plannedDetailFromTheTask(db)
        }
        migrator.registerMigration("v16: the state index leaves out done and missed tasks") { db in
            // Nine in ten tasks of a five-year store are done or missed, and stay so: the
            // index held them all for lists by state, which find them as well along the time
            // index, where they are as dense. It keeps the states a list looks for among few.
            try db.execute(
                sql: """
                    DROP INDEX task_by_state;
                    CREATE INDEX task_by_state ON task(state, window_start, id, window_end) WHERE state NOT IN ('done', 'missed');
                    """)
        }
        migrator.registerMigration("v17: tasks kept by the number their id spells") { db in
            try taskKeys(db)
        }
        return migrator
    }

    /// The triggers that keep ProgressCounters' counts. Tasks, workflows and cadres are
    /// never deleted, and a task's final state never changes.
    private static var progressTriggers: String {
        func add(_ village: String, _ key: String, _ delta: String = "1", when: String) -> String {
            progressCount(village, key, delta, when: when)
        }
        func cadre(_ row: String, _ delta: String) -> String {
            """
            INSERT INTO progress_cadre (village, status, n) SELECT \(row).village, \(row).status, \(delta)
              WHERE \(row).withdrawn_at IS NULL
              ON CONFLICT (village, status) DO UPDATE SET n = n + excluded.n;
            """
        }
        return """
            CREATE TRIGGER progress_cadre_insert AFTER INSERT ON cadre BEGIN \(cadre("NEW", "1")) END;
            CREATE TRIGGER progress_cadre_update AFTER UPDATE OF village, status, withdrawn_at ON cadre BEGIN
              \(cadre("OLD", "-1"))
              \(cadre("NEW", "1"))
            END;
            CREATE TRIGGER progress_workflow_insert AFTER INSERT ON workflow BEGIN
              \(add("NEW.village", "'step:' || COALESCE(NEW.reached_step, '')", when: "NEW.state = 'active'"))
            END;
            CREATE TRIGGER progress_workflow_update AFTER UPDATE OF village, state, reached_step ON workflow BEGIN
              \(add("OLD.village", "'step:' || COALESCE(OLD.reached_step, '')", "-1", when: "OLD.state = 'active'"))
              \(add("NEW.village", "'step:' || COALESCE(NEW.reached_step, '')", when: "NEW.state = 'active'"))
            END;
            CREATE TRIGGER progress_task_insert AFTER INSERT ON task WHEN NEW.state IN ('done', 'missed') BEGIN
              \(progressTaskCounts)
            END;
            \(progressTaskUpdateTrigger(step: "NEW.step_id"))
            """
    }

    private static func progressCount(_ village: String, _ key: String, _ delta: String = "1", when: String) -> String {
        """
        INSERT INTO progress_count (district, key, n) SELECT substr(\(village), 1, 8), \(key), \(delta) WHERE \(when)
          ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
        """
    }

    /// A task that reached a final state (NEW), counted in its district and month.
    private static var progressTaskCounts: String {
        let month = "strftime('%Y-%m', NEW.window_start + \(ProgressCounters.zoneOffset("NEW.zone")), 'unixepoch')"
        return """
            \(progressCount("NEW.village", "NEW.state", when: "NEW.state IN ('done', 'missed')"))
            \(progressCount("NEW.village", "'done_on_time'", when: "NEW.state = 'done' AND NEW.updated_at <= NEW.window_end"))
            INSERT INTO progress_month (regency, month, key, n)
              SELECT substr(NEW.village, 1, 5), \(month), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
              ON CONFLICT (regency, month, key) DO UPDATE SET n = n + 1;
            """
    }

    /// Counts a task's move to a final state, and moves its workflow to the task's step.
    /// `step` is the SQL of the task's step id: a column until v12, a lookup after.
    private static func progressTaskUpdateTrigger(step: String) -> String {
        """
        CREATE TRIGGER progress_task_update AFTER UPDATE OF state ON task WHEN OLD.state IS NOT NEW.state BEGIN
          \(progressTaskCounts)
          UPDATE workflow SET reached_step = \(step), reached_start = NEW.window_start
          WHERE id = NEW.workflow_id AND NEW.state IN \(ProgressCounters.reachingStates)
            AND (reached_start IS NULL OR reached_start < NEW.window_start
                 OR (reached_start = NEW.window_start AND reached_step IS NOT \(step)));
        END;
        """
    }

    private static func countTriggers(table: String) -> String {
        let add = """
            INSERT INTO state_count (entity, state, n) VALUES ('\(table)', NEW.state, 1)
                ON CONFLICT (entity, state) DO UPDATE SET n = n + 1;
            """
        let remove = "UPDATE state_count SET n = n - 1 WHERE entity = '\(table)' AND state = OLD.state;"
        return """
            CREATE TRIGGER \(table)_count_insert AFTER INSERT ON \(table) BEGIN \(add) END;
            CREATE TRIGGER \(table)_count_update AFTER UPDATE OF state ON \(table)
              WHEN OLD.state IS NOT NEW.state BEGIN \(remove) \(add) END;
            CREATE TRIGGER \(table)_count_delete AFTER DELETE ON \(table) BEGIN \(remove) END;
            """
    }
}
