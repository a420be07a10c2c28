import KaderPostgres
import KaderStore
import KaderTesting
import Logging
import PostgresNIO
import Testing

/// The schema on a throw-away PostgreSQL cluster of the test's own. One cluster at a time:
/// `initdb` is a burst of work the rest of the suite, running beside it, feels.
@Suite(.serialized)
struct PostgresSchemaTests {
    static let logger = Logger(label: "kaderd-test")

    /// `body` with a client of `database` on `server`, run for as long as `body` runs.
    static func withClient<T: Sendable>(
        _ server: PostgresServer, database: String, _ body: @Sendable (PostgresClient, PostgresLocation) async throws -> T
    ) async throws -> T {
        let location = try PostgresLocation(
            url: "postgresql:///\(database)?host=\(server.socketFolder)&port=\(server.port)&user=\(server.user)",
            defaultUser: server.user)
        let client = PostgresClient(
            configuration: .init(unixSocketPath: server.socketPath, username: server.user, password: nil, database: database),
            backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client, location)
        }
    }

    @Test func kaderdsMigratingAtOnceMakeTheSchemaOnce() async throws {
        let server = try await onThread { try PostgresServer() }
        try await onThread { try server.createDatabase("kaderd") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    try await Self.withClient(server, database: "kaderd") { client, location in
                        try await PostgresSchema.migrate(client, location: location, logger: Self.logger)
                    }
                }
            }
            try await group.waitForAll()
        }
        let versions = try await onThread { try server.psql("kaderd", "SELECT version FROM kaderd_schema ORDER BY version") }
        #expect(versions == (1...PostgresSchema.latest).map { "\($0)\n" }.joined())
        let tables = try await onThread {
            try server.psql(
                "kaderd",
                "SELECT string_agg(table_name, ' ' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'")
        }
        #expect(
            tables
                == "cadre cadre_move call_key facilitator facilitator_assignment history history_counter kaderd_lease kaderd_node kaderd_schema "
                + "meta progress_cadre progress_count progress_month state_count task workflow workflow_cadre\n")
    }

    @Test func aSchemaNewerThanThisKaderdIsRefusedAndLeftAsItIs() async throws {
        let server = try await onThread { try PostgresServer() }
        try await onThread { try server.createDatabase("kaderd") }
        try await Self.withClient(server, database: "kaderd") { client, location in
            try await PostgresSchema.migrate(client, location: location, logger: Self.logger)
        }
        let newer = PostgresSchema.latest + 1
        _ = try await onThread { try server.psql("kaderd", "INSERT INTO kaderd_schema (version) VALUES (\(newer))") }
        await #expect {
            try await Self.withClient(server, database: "kaderd") { client, location in
                try await PostgresSchema.migrate(client, location: location, logger: Self.logger)
            }
        } throws: { error in
            guard case StoreError.unusable(let path, let reason) = error else { return false }
            return path.hasSuffix("/kaderd?host=\(server.socketFolder)&port=\(server.port)")
                && reason == "its schema is version \(newer), newer than this kaderd knows (\(PostgresSchema.latest)): "
                    + "run the kaderd that made it, or a later one"
        }
        #expect(try await onThread { try server.psql("kaderd", "SELECT MAX(version) FROM kaderd_schema") } == "\(newer)\n")
    }

    @Test func theHistoryIsAppendOnlyAndTheCountsFollowEveryChangeOfState() async throws {
        let server = try await onThread { try PostgresServer() }
        try await onThread { try server.createDatabase("kaderd") }
        try await Self.withClient(server, database: "kaderd") { client, location in
            try await PostgresSchema.migrate(client, location: location, logger: Self.logger)
        }
        _ = try await onThread {
            try server.psql(
                "kaderd",
                """
                INSERT INTO history VALUES (1, 0, NULL, 'client', 'task', 'tsk_1', 'moved', '{}');
                INSERT INTO workflow (id, seq, program_id, program_version, village, zone, start_date, state, created_at)
                  VALUES ('wf_1', 1, 'kpmd', 1, '51.03.02.2001', 'Asia/Makassar', '2027-01-04', 'active', 0),
                         ('wf_2', 2, 'kpmd', 1, '51.03.02.2001', 'Asia/Makassar', '2027-01-04', 'active', 0);
                UPDATE workflow SET state = 'cancelled' WHERE id = 'wf_2';
                """)
        }
        for change in ["DELETE FROM history", "UPDATE history SET action = 'x'", "TRUNCATE history"] {
            await #expect {
                try await onThread { try server.psql("kaderd", change) }
            } throws: { "\($0)".contains("the history is append-only") }
        }
        #expect(try await onThread { try server.psql("kaderd", "SELECT count(*) FROM history") } == "1\n")
        let counts = try await onThread {
            try server.psql("kaderd", "SELECT entity || ' ' || state || ' ' || n FROM state_count WHERE n > 0 ORDER BY state")
        }
        #expect(counts == "workflow active 1\nworkflow cancelled 1\n")
    }

    /// Statements that move many rows at once, as a catch-up does, keep the counts the
    /// tables make: several tasks of one workflow in one statement, every kind of change of
    /// a workflow and a cadre, rows removed.
    @Test func countsKeptStatementByStatementAreTheCountsTheTablesMake() async throws {
        let server = try await onThread { try PostgresServer() }
        try await onThread { try server.createDatabase("kaderd") }
        try await Self.withClient(server, database: "kaderd") { client, location in
            try await PostgresSchema.migrate(client, location: location, logger: Self.logger)
        }
        let villages = "(ARRAY['51.03.02.2001', '51.03.02.2002', '91.01.01.2001'])[1 + i % 3]"
        let zones = "(ARRAY['Asia/Makassar', 'Asia/Makassar', 'Asia/Jayapura'])[1 + i % 3]"
        _ = try await onThread {
            try server.psql(
                "kaderd",
                """
                INSERT INTO workflow (id, seq, program_id, program_version, village, zone, start_date, state, created_at)
                  SELECT 'wf_' || i, i, 'kpmd', 1, \(villages), \(zones), '2027-01-04', 'active', 0 FROM generate_series(1, 60) i;
                INSERT INTO task (id, workflow_id, step_id, kind, title, occurrence, occurrences, village, zone,
                                  window_start, window_end, state, records, updated_at)
                  SELECT 'tsk_' || i || '_' || k, 'wf_' || i, (ARRAY['identification', 'training', 'mentoring', 'evaluation'])[k],
                         'meeting', 'step ' || k, 1, 1, \(villages), \(zones),
                         1800000000 + k * 86400 * 20 + i * 3600, 1800000000 + k * 86400 * 20 + i * 3600 + 86400,
                         'scheduled', '{}', 0
                  FROM generate_series(1, 60) i, generate_series(1, 4) k;
                INSERT INTO state_count (entity, state, n) SELECT 'task', state, count(*) FROM task GROUP BY state;
                INSERT INTO cadre (id, seq, name, sex, birth_year, education, courses, field, village, address, status, notes, registered_at)
                  SELECT 'cdr_' || i, i, 'Kader ' || i, 'female', 1990, 'SMA', '[]', 'kesehatan', \(villages), '', 'candidate', '', 0
                  FROM generate_series(1, 30) i;
                UPDATE task SET state = 'due', updated_at = 1800000000 WHERE window_start < 1800000000 + 3 * 86400 * 20 + 40 * 3600;
                UPDATE task SET state = 'done', updated_at = window_end - (CASE WHEN i % 2 = 0 THEN 60 ELSE -60 END)
                  FROM generate_series(1, 60) i WHERE task.id = 'tsk_' || i || '_1';
                UPDATE task SET state = 'missed', updated_at = window_end WHERE id LIKE 'tsk\\_%\\_2' AND state = 'due';
                UPDATE task SET records = '{"note":"x"}' WHERE id LIKE 'tsk\\_%\\_3';
                UPDATE workflow SET state = 'cancelled' WHERE seq % 7 = 0;
                UPDATE workflow SET village = '51.03.03.2001' WHERE seq % 11 = 0;
                DELETE FROM task WHERE id LIKE 'tsk\\_%\\_4' AND workflow_id IN (SELECT id FROM workflow WHERE seq % 7 = 0);
                UPDATE cadre SET status = 'active' WHERE seq % 2 = 0;
                UPDATE cadre SET withdrawn_at = 1 WHERE seq % 5 = 0;
                UPDATE cadre SET village = '51.03.03.2001' WHERE seq % 3 = 0;
                """)
        }
        let counts = """
            SELECT string_agg(line, E'\\n' ORDER BY line) FROM (
              SELECT 'count ' || district || ' ' || key || ' ' || n AS line FROM progress_count WHERE n <> 0
              UNION ALL SELECT 'cadre ' || village || ' ' || status || ' ' || n FROM progress_cadre WHERE n <> 0
              UNION ALL SELECT 'month ' || regency || ' ' || month || ' ' || key || ' ' || n FROM progress_month WHERE n <> 0
              UNION ALL SELECT 'reached ' || id || ' ' || COALESCE(reached_step, '-') || ' ' || COALESCE(reached_start, 0) FROM workflow
            ) AS kept
            """
        let kept = try await onThread { try server.psql("kaderd", counts) }
        let states = try await onThread {
            try server.psql("kaderd", "SELECT string_agg(entity || ' ' || state || ' ' || n, ' ' ORDER BY entity, state) FROM state_count WHERE n <> 0")
        }
        _ = try await onThread {
            try server.psql("kaderd", ProgressCounters.rebuild(month: PostgresSchema.month).joined(separator: ";\n"))
        }
        #expect(kept == (try await onThread { try server.psql("kaderd", counts) }))
        #expect(kept.contains("count 51.03.02 done_on_time ") && kept.contains("count 91.01.01 missed ") && kept.contains("reached wf_1 mentoring "))
        let made = try await onThread {
            try server.psql(
                "kaderd",
                """
                SELECT string_agg(entity || ' ' || state || ' ' || n, ' ' ORDER BY entity, state) FROM (
                  SELECT 'task' AS entity, state, count(*) AS n FROM task GROUP BY state
                  UNION ALL SELECT 'workflow', state, count(*) FROM workflow GROUP BY state) AS made
                """)
        }
        #expect(states == made)
    }
}
