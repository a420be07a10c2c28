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
}
