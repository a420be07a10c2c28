import KaderStore
import Logging
import PostgresNIO

/// The schema of a PostgreSQL store, as versions that only ever grow: each is applied once,
/// in its own transaction, by whichever kaderd gets the migration lock first; the others
/// wait for it and find nothing left to do. A database whose schema is newer than this
/// kaderd knows is refused, unchanged: an older kaderd must not write into it.
///
/// Version 1 is the SQLite store's schema as of its ninth migration, in PostgreSQL's words:
/// the same tables, columns and indexes, the counts by state kept by triggers, the history
/// append-only, and its sequence numbers taken from a counter row rather than a sequence
/// (a sequence leaves holes when a transaction rolls back; `events.subscribe` must not).
/// Every text column compares byte by byte (`COLLATE "C"`), as SQLite's do: ids, region
/// codes and days sort, and region ranges match, as they do there, whatever the
/// database's locale.
///
/// Version 2 adds what several kaderd on one database need: a row per node, kept alive by
/// it, and the leader's lease.
public enum PostgresSchema {
    /// Each version's statements, in order.
    static let versions: [[String]] = [version1, version2, version3, version4, version5]

    public static var latest: Int { versions.count }

    /// The advisory lock the migration holds: "kaderd" in ASCII.
    static let lockKey: Int64 = 0x6b_6164_6572_64

    /// Brings the database to the latest version, or throws why it cannot be used.
    public static func migrate(_ client: PostgresClient, location: PostgresLocation, logger: Logger) async throws(StoreError) {
        do {
            try await client.withConnection { connection in
                _ = try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
                do {
                    try await migrate(connection, location: location, logger: logger)
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
                    throw error
                }
                _ = try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .unusable(path: location.description, reason: PostgresErrorText.of(error))
        }
    }

    private static func migrate(_ connection: PostgresConnection, location: PostgresLocation, logger: Logger) async throws {
        _ = try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS kaderd_schema (
              version INTEGER PRIMARY KEY,
              applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """, logger: logger)
        var current = 0
        for try await version in try await connection.query(
            "SELECT COALESCE(MAX(version), 0) FROM kaderd_schema", logger: logger
        ).decode(Int.self) {
            current = version
        }
        guard current <= latest else {
            throw StoreError.unusable(
                path: location.description,
                reason: "its schema is version \(current), newer than this kaderd knows (\(latest)): "
                    + "run the kaderd that made it, or a later one")
        }
        for version in (current + 1)..<(latest + 1) {
            logger.notice("migrating the store", metadata: ["store": "\(location)", "version": "\(version)"])
            try await connection.withTransaction(logger: logger) { connection in
                for statement in versions[version - 1] {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                _ = try await connection.query("INSERT INTO kaderd_schema (version) VALUES (\(version))", logger: logger)
            }
        }
    }

    /// The counts are kept per statement, not per row. Row triggers updated the same few
    /// count rows (`state_count`'s, a district's `progress_count`) once for every task a
    /// statement moved, and in one transaction each update of a row walks past the versions
    /// the updates before it left: a catch-up of 80,000 tasks took over four minutes, three
    /// times as long for twice the tasks. Each statement's changed rows (its transition
    /// tables, `old_rows` and `new_rows`) are now summed into one update per count row. A
    /// trigger with transition tables cannot name columns, so these fire on every update of
    /// their table; a statement that changed no counted column adds nothing.
    private static let version5: [String] = [
        "DROP TRIGGER task_count_update ON task",
        "DROP TRIGGER task_count_delete ON task",
        "DROP TRIGGER progress_task_insert ON task",
        "DROP TRIGGER progress_task_update ON task",
        "DROP TRIGGER workflow_count_insert ON workflow",
        "DROP TRIGGER workflow_count_update ON workflow",
        "DROP TRIGGER workflow_count_delete ON workflow",
        "DROP TRIGGER progress_workflow ON workflow",
        "DROP TRIGGER progress_cadre ON cadre",
        "DROP FUNCTION kaderd_count_states(), kaderd_progress_task(), kaderd_progress_workflow(), kaderd_progress_cadre()",
        "DROP FUNCTION kaderd_progress_add(TEXT, TEXT, BIGINT)",
        countingFunction(
            "task",
            // A new task's state is counted by the writer, once per write.
            added: countEnded("new_rows"),
            changed: """
                \(countStates(.changed, of: "task"))
                \(countEnded(movedTasks))
                UPDATE workflow w SET reached_step = r.step_id, reached_start = r.window_start
                FROM (
                  SELECT DISTINCT ON (t.workflow_id) t.workflow_id, t.step_id, t.window_start FROM \(movedTasks) AS t
                  WHERE t.state IN \(ProgressCounters.reachingStates)
                  ORDER BY t.workflow_id, t.window_start DESC, t.id DESC
                ) AS r
                WHERE w.id = r.workflow_id
                  AND (w.reached_start IS NULL OR w.reached_start < r.window_start
                       OR (w.reached_start = r.window_start AND w.reached_step IS DISTINCT FROM r.step_id));
                """,
            removed: countStates(.removed, of: "task")),
        countingFunction(
            "workflow",
            added: countStates(.added, of: "workflow") + "\n" + countSteps(.added),
            changed: countStates(.changed, of: "workflow") + "\n" + countSteps(.changed),
            removed: countStates(.removed, of: "workflow")),
        // No cadre is ever deleted (nor has a delete trigger).
        countingFunction("cadre", added: countCadres(.added), changed: countCadres(.changed), removed: "NULL;"),
    ] + ["task", "workflow", "cadre"].flatMap { table in
        [
            """
            CREATE TRIGGER \(table)_added AFTER INSERT ON \(table) REFERENCING NEW TABLE AS new_rows
              FOR EACH STATEMENT EXECUTE FUNCTION kaderd_\(table)_changed()
            """,
            """
            CREATE TRIGGER \(table)_changed AFTER UPDATE ON \(table) REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
              FOR EACH STATEMENT EXECUTE FUNCTION kaderd_\(table)_changed()
            """,
        ]
    } + ["task", "workflow"].map { table in
        """
        CREATE TRIGGER \(table)_removed AFTER DELETE ON \(table) REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION kaderd_\(table)_changed()
        """
    }

    /// The function `table`'s triggers run: the statements that count what an insert, an
    /// update and a delete changed.
    private static func countingFunction(_ table: String, added: String, changed: String, removed: String) -> String {
        """
        CREATE FUNCTION kaderd_\(table)_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            \(added)
          ELSIF TG_OP = 'UPDATE' THEN
            \(changed)
          ELSE
            \(removed)
          END IF;
          RETURN NULL;
        END $$
        """
    }

    /// Which rows of a statement a count reads: `o` as they were, `n` as they are.
    private enum Change {
        case added, changed, removed

        var rows: String {
            switch self {
            case .added: "new_rows n"
            case .changed: "old_rows o JOIN new_rows n ON n.id = o.id"
            case .removed: "old_rows o"
            }
        }

        /// Each row as it was is taken from its count, as it is added to its count.
        var sides: [(row: String, sign: Int)] {
            switch self {
            case .added: [("n", 1)]
            case .changed: [("o", -1), ("n", 1)]
            case .removed: [("o", -1)]
            }
        }
    }

    /// Adds to the counts in `table` what `change` took from and gave to each key: `values`
    /// is a row's key, by its alias, and `condition` whether the row counts at all. A row
    /// whose key stayed adds nothing, and neither does a key whose changes sum to none.
    private static func count(
        _ change: Change, into table: String, keys: [String], when condition: (String) -> String = { _ in "TRUE" },
        values: (String) -> String
    ) -> String {
        let sides = change.sides.map { "(\(values($0.row)), CASE WHEN \(condition($0.row)) THEN \($0.sign) ELSE 0 END)" }
        let columns = keys.joined(separator: ", ")
        let keyed = keys.map { "c.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO \(table) (\(columns), n)
                SELECT \(keyed), sum(c.delta) FROM \(change.rows)
                CROSS JOIN LATERAL (VALUES \(sides.joined(separator: ", "))) AS c(\(columns), delta)
                GROUP BY \(keyed) HAVING sum(c.delta) <> 0
                ON CONFLICT (\(columns)) DO UPDATE SET n = \(table).n + excluded.n;
            """
    }

    /// Tasks or workflows by state, for `daemon.status`.
    private static func countStates(_ change: Change, of entity: String) -> String {
        count(change, into: "state_count", keys: ["entity", "state"]) { "'\(entity)', \($0).state" }
    }

    /// Active workflows by the step they reached, by district.
    private static func countSteps(_ change: Change) -> String {
        count(change, into: "progress_count", keys: ["district", "key"], when: { "\($0).state = 'active'" }) {
            "substr(\($0).village, 1, 8), 'step:' || COALESCE(\($0).reached_step, '')"
        }
    }

    /// Cadres not withdrawn by village and status.
    private static func countCadres(_ change: Change) -> String {
        count(change, into: "progress_cadre", keys: ["village", "status"], when: { "\($0).withdrawn_at IS NULL" }) {
            "\($0).village, \($0).status"
        }
    }

    /// The tasks of an update whose state it changed.
    private static let movedTasks = "(SELECT n.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.state IS DISTINCT FROM o.state)"

    /// Adds the tasks of `rows` that are done or missed to their district's and month's counts.
    private static func countEnded(_ rows: String) -> String {
        """
        INSERT INTO progress_count (district, key, n)
            SELECT substr(t.village, 1, 8), k.key, count(*) FROM \(rows) AS t
            CROSS JOIN LATERAL (VALUES (t.state),
              (CASE WHEN t.state = 'done' AND t.updated_at <= t.window_end THEN 'done_on_time' END)) AS k(key)
            WHERE t.state IN ('done', 'missed') AND k.key IS NOT NULL
            GROUP BY 1, 2
            ON CONFLICT (district, key) DO UPDATE SET n = progress_count.n + excluded.n;
            INSERT INTO progress_month (regency, month, key, n)
            SELECT substr(t.village, 1, 5), \(month("t.window_start + \(ProgressCounters.zoneOffset("t.zone"))")), t.state, count(*)
            FROM \(rows) AS t WHERE t.state IN ('done', 'missed')
            GROUP BY 1, 2, 3
            ON CONFLICT (regency, month, key) DO UPDATE SET n = progress_month.n + excluded.n;
        """
    }

    /// The counts `report.progress` reads (ProgressCounters), kept by triggers in each
    /// change's transaction: a report on the whole country read every task.
    /// Idempotency keys of calls (CallKey), as SQLite's migration v11.
    private static let version4: [String] = [
        """
        CREATE TABLE call_key (
          key TEXT COLLATE "C" PRIMARY KEY,
          method TEXT NOT NULL,
          params_digest TEXT NOT NULL,
          at DOUBLE PRECISION NOT NULL,
          reply TEXT
        )
        """,
        "CREATE INDEX call_key_by_at ON call_key(at)",
    ]

    private static let version3: [String] = [
        """
        ALTER TABLE workflow ADD COLUMN reached_step TEXT COLLATE "C", ADD COLUMN reached_start BIGINT
        """,
        """
        CREATE TABLE progress_cadre (
          village TEXT COLLATE "C" NOT NULL,
          status TEXT COLLATE "C" NOT NULL,
          n BIGINT NOT NULL,
          PRIMARY KEY (village, status)
        )
        """,
        """
        CREATE TABLE progress_count (
          district TEXT COLLATE "C" NOT NULL,
          key TEXT COLLATE "C" NOT NULL,
          n BIGINT NOT NULL,
          PRIMARY KEY (district, key)
        )
        """,
        """
        CREATE TABLE progress_month (
          regency TEXT COLLATE "C" NOT NULL,
          month TEXT COLLATE "C" NOT NULL,
          key TEXT COLLATE "C" NOT NULL,
          n BIGINT NOT NULL,
          PRIMARY KEY (regency, month, key)
        )
        """,
        """
        CREATE FUNCTION kaderd_progress_add(village TEXT, what TEXT, delta BIGINT) RETURNS void LANGUAGE sql AS $$
          INSERT INTO progress_count (district, key, n) VALUES (substr(village, 1, 8), what, delta)
            ON CONFLICT (district, key) DO UPDATE SET n = progress_count.n + delta
        $$
        """,
        """
        CREATE FUNCTION kaderd_progress_cadre() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND OLD.withdrawn_at IS NULL THEN
            INSERT INTO progress_cadre (village, status, n) VALUES (OLD.village, OLD.status, -1)
              ON CONFLICT (village, status) DO UPDATE SET n = progress_cadre.n - 1;
          END IF;
          IF NEW.withdrawn_at IS NULL THEN
            INSERT INTO progress_cadre (village, status, n) VALUES (NEW.village, NEW.status, 1)
              ON CONFLICT (village, status) DO UPDATE SET n = progress_cadre.n + 1;
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER progress_cadre AFTER INSERT OR UPDATE OF village, status, withdrawn_at ON cadre
          FOR EACH ROW EXECUTE FUNCTION kaderd_progress_cadre()
        """,
        """
        CREATE FUNCTION kaderd_progress_workflow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND OLD.state = 'active' THEN
            PERFORM kaderd_progress_add(OLD.village, 'step:' || COALESCE(OLD.reached_step, ''), -1);
          END IF;
          IF NEW.state = 'active' THEN
            PERFORM kaderd_progress_add(NEW.village, 'step:' || COALESCE(NEW.reached_step, ''), 1);
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER progress_workflow AFTER INSERT OR UPDATE OF village, state, reached_step ON workflow
          FOR EACH ROW EXECUTE FUNCTION kaderd_progress_workflow()
        """,
        """
        CREATE FUNCTION kaderd_progress_task() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.state IN ('done', 'missed') THEN
            PERFORM kaderd_progress_add(NEW.village, NEW.state, 1);
            IF NEW.state = 'done' AND NEW.updated_at <= NEW.window_end THEN
              PERFORM kaderd_progress_add(NEW.village, 'done_on_time', 1);
            END IF;
            INSERT INTO progress_month (regency, month, key, n)
              VALUES (substr(NEW.village, 1, 5), \(month("NEW.window_start + \(ProgressCounters.zoneOffset("NEW.zone"))")), NEW.state, 1)
              ON CONFLICT (regency, month, key) DO UPDATE SET n = progress_month.n + 1;
          END IF;
          IF TG_OP = 'UPDATE' AND NEW.state IN \(ProgressCounters.reachingStates) THEN
            UPDATE workflow SET reached_step = NEW.step_id, reached_start = NEW.window_start
            WHERE id = NEW.workflow_id
              AND (reached_start IS NULL OR reached_start < NEW.window_start
                   OR (reached_start = NEW.window_start AND reached_step IS DISTINCT FROM NEW.step_id));
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER progress_task_insert AFTER INSERT ON task FOR EACH ROW
          WHEN (NEW.state IN ('done', 'missed')) EXECUTE FUNCTION kaderd_progress_task()
        """,
        """
        CREATE TRIGGER progress_task_update AFTER UPDATE OF state ON task FOR EACH ROW
          WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION kaderd_progress_task()
        """,
    ] + ProgressCounters.rebuild(month: month)

    /// The `YYYY-MM` of an instant in seconds since 1970, as SQL.
    package static func month(_ instant: String) -> String {
        "to_char(to_timestamp(\(instant)) AT TIME ZONE 'UTC', 'YYYY-MM')"
    }

    private static let version2: [String] = [
        // Times are the database server's clock, in seconds since 1970: one clock for every
        // node, whatever each machine's says.
        """
        CREATE TABLE kaderd_node (
          name TEXT COLLATE "C" PRIMARY KEY,
          incarnation TEXT COLLATE "C" NOT NULL,
          version TEXT COLLATE "C" NOT NULL,
          pid INTEGER NOT NULL,
          started_at DOUBLE PRECISION NOT NULL,
          seen_at DOUBLE PRECISION NOT NULL
        )
        """,
        // One row. `term` grows by one with each new holder; `renewed_at` is null until a
        // node first leads. `catch_up_since` is set when a node took the lease after the
        // whole cluster was down, and cleared by the catch-up's own transaction: a leader
        // killed halfway leaves it to the next.
        """
        CREATE TABLE kaderd_lease (
          only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
          holder TEXT COLLATE "C",
          incarnation TEXT COLLATE "C",
          term BIGINT NOT NULL,
          renewed_at DOUBLE PRECISION,
          expires_at DOUBLE PRECISION NOT NULL,
          catch_up_since DOUBLE PRECISION
        )
        """,
        "INSERT INTO kaderd_lease (term, expires_at) VALUES (0, 0)",
    ]

    private static let version1: [String] = [
        """
        CREATE TABLE cadre (
          id TEXT COLLATE "C" PRIMARY KEY,
          seq BIGINT NOT NULL UNIQUE,
          name TEXT COLLATE "C" NOT NULL,
          sex TEXT COLLATE "C" NOT NULL CHECK (sex IN ('male', 'female')),
          birth_year INTEGER NOT NULL,
          education TEXT COLLATE "C" NOT NULL,
          courses TEXT COLLATE "C" NOT NULL,
          field TEXT COLLATE "C" NOT NULL,
          village TEXT COLLATE "C" NOT NULL,
          address TEXT COLLATE "C" NOT NULL,
          status TEXT COLLATE "C" NOT NULL,
          notes TEXT COLLATE "C" NOT NULL,
          registered_at DOUBLE PRECISION NOT NULL,
          withdrawn_at DOUBLE PRECISION,
          withdrawal_reason TEXT COLLATE "C",
          name_key TEXT COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX cadre_by_village ON cadre (village, seq)",
        "CREATE INDEX cadre_by_name_key ON cadre (village, name_key)",
        """
        CREATE TABLE cadre_move (
          seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          cadre_id TEXT COLLATE "C" NOT NULL REFERENCES cadre (id),
          from_village TEXT COLLATE "C" NOT NULL,
          to_village TEXT COLLATE "C" NOT NULL,
          at DOUBLE PRECISION NOT NULL
        )
        """,
        "CREATE INDEX cadre_move_by_from ON cadre_move (from_village)",
        "CREATE INDEX cadre_move_by_to ON cadre_move (to_village)",
        """
        CREATE TABLE facilitator (
          id TEXT COLLATE "C" PRIMARY KEY,
          seq BIGINT NOT NULL UNIQUE,
          name TEXT COLLATE "C" NOT NULL,
          role TEXT COLLATE "C" NOT NULL,
          phone TEXT COLLATE "C" NOT NULL,
          email TEXT COLLATE "C" NOT NULL,
          capacity INTEGER NOT NULL,
          working_days TEXT COLLATE "C" NOT NULL,
          registered_at DOUBLE PRECISION NOT NULL
        )
        """,
        """
        CREATE TABLE facilitator_assignment (
          seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          facilitator_id TEXT COLLATE "C" NOT NULL REFERENCES facilitator (id),
          region TEXT COLLATE "C" NOT NULL,
          from_date TEXT COLLATE "C" NOT NULL,
          until_date TEXT COLLATE "C"
        )
        """,
        "CREATE INDEX facilitator_assignment_by_region ON facilitator_assignment (region)",
        "CREATE INDEX facilitator_assignment_by_facilitator ON facilitator_assignment (facilitator_id)",
        """
        CREATE TABLE workflow (
          id TEXT COLLATE "C" PRIMARY KEY,
          seq BIGINT NOT NULL UNIQUE,
          program_id TEXT COLLATE "C" NOT NULL,
          program_version INTEGER NOT NULL,
          village TEXT COLLATE "C" NOT NULL,
          zone TEXT COLLATE "C" NOT NULL,
          start_date TEXT COLLATE "C" NOT NULL,
          state TEXT COLLATE "C" NOT NULL,
          created_at DOUBLE PRECISION NOT NULL,
          facilitator TEXT COLLATE "C" NOT NULL DEFAULT '',
          facilitator_id TEXT COLLATE "C" REFERENCES facilitator (id)
        )
        """,
        "CREATE INDEX workflow_by_village ON workflow (village, seq)",
        "CREATE INDEX workflow_by_facilitator ON workflow (facilitator_id) WHERE facilitator_id IS NOT NULL",
        """
        CREATE TABLE workflow_cadre (
          workflow_id TEXT COLLATE "C" NOT NULL REFERENCES workflow (id),
          cadre_id TEXT COLLATE "C" NOT NULL REFERENCES cadre (id),
          position INTEGER NOT NULL,
          PRIMARY KEY (workflow_id, cadre_id)
        )
        """,
        "CREATE INDEX workflow_cadre_by_cadre ON workflow_cadre (cadre_id)",
        """
        CREATE TABLE task (
          id TEXT COLLATE "C" PRIMARY KEY,
          workflow_id TEXT COLLATE "C" NOT NULL REFERENCES workflow (id),
          step_id TEXT COLLATE "C" NOT NULL,
          kind TEXT COLLATE "C" NOT NULL,
          title TEXT COLLATE "C" NOT NULL,
          occurrence INTEGER NOT NULL,
          occurrences INTEGER NOT NULL,
          village TEXT COLLATE "C" NOT NULL,
          zone TEXT COLLATE "C" NOT NULL,
          window_start BIGINT NOT NULL,
          window_end BIGINT NOT NULL,
          state TEXT COLLATE "C" NOT NULL,
          records TEXT COLLATE "C" NOT NULL,
          updated_at DOUBLE PRECISION NOT NULL,
          facilitator_id TEXT COLLATE "C",
          conflict TEXT COLLATE "C"
        )
        """,
        "CREATE INDEX task_by_window ON task (window_start, id)",
        "CREATE INDEX task_by_village ON task (village, window_start, id)",
        "CREATE INDEX task_by_workflow ON task (workflow_id, window_start, id)",
        "CREATE INDEX task_by_state ON task (state, window_start, id, window_end)",
        "CREATE INDEX task_due_by_end ON task (window_end, id) WHERE state = 'due'",
        "CREATE INDEX task_by_facilitator ON task (facilitator_id, window_start, id) WHERE facilitator_id IS NOT NULL",
        """
        CREATE TABLE history (
          seq BIGINT PRIMARY KEY,
          at DOUBLE PRECISION NOT NULL,
          caller_uid BIGINT,
          caller_agent TEXT COLLATE "C" NOT NULL,
          entity_kind TEXT COLLATE "C" NOT NULL,
          entity_id TEXT COLLATE "C" NOT NULL,
          action TEXT COLLATE "C" NOT NULL,
          detail TEXT COLLATE "C" NOT NULL
        )
        """,
        "CREATE INDEX history_by_entity ON history (entity_id, seq)",
        // One row: the last sequence number given. Taking the next one locks the row until
        // the transaction ends, so numbers are given in commit order and a rollback gives
        // its number back.
        """
        CREATE TABLE history_counter (
          only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
          seq BIGINT NOT NULL
        )
        """,
        "INSERT INTO history_counter (seq) VALUES (0)",
        """
        CREATE FUNCTION kaderd_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the history is append-only';
        END $$
        """,
        """
        CREATE TRIGGER history_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON history
          FOR EACH STATEMENT EXECUTE FUNCTION kaderd_history_is_append_only()
        """,
        """
        CREATE TABLE meta (
          key TEXT COLLATE "C" PRIMARY KEY,
          value TEXT COLLATE "C" NOT NULL
        )
        """,
        // The counts `daemon.status` shows, kept in the same transactions as the changes. A
        // new task's count is added once per write by the writer, not by a trigger per row.
        """
        CREATE TABLE state_count (
          entity TEXT COLLATE "C" NOT NULL,
          state TEXT COLLATE "C" NOT NULL,
          n BIGINT NOT NULL,
          PRIMARY KEY (entity, state)
        )
        """,
        """
        CREATE FUNCTION kaderd_count_states() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE state_count SET n = n - 1 WHERE entity = TG_TABLE_NAME AND state = OLD.state;
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO state_count (entity, state, n) VALUES (TG_TABLE_NAME, NEW.state, 1)
              ON CONFLICT (entity, state) DO UPDATE SET n = state_count.n + 1;
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER task_count_update AFTER UPDATE OF state ON task FOR EACH ROW
          WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION kaderd_count_states()
        """,
        "CREATE TRIGGER task_count_delete AFTER DELETE ON task FOR EACH ROW EXECUTE FUNCTION kaderd_count_states()",
        "CREATE TRIGGER workflow_count_insert AFTER INSERT ON workflow FOR EACH ROW EXECUTE FUNCTION kaderd_count_states()",
        """
        CREATE TRIGGER workflow_count_update AFTER UPDATE OF state ON workflow FOR EACH ROW
          WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION kaderd_count_states()
        """,
        "CREATE TRIGGER workflow_count_delete AFTER DELETE ON workflow FOR EACH ROW EXECUTE FUNCTION kaderd_count_states()",
    ]
}
