import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// `kaderd --migrate-store`: a SQLite store a real kaderd wrote, moved into PostgreSQL.
/// Runs in the SQLite pass only (the Makefile leaves it out of the PostgreSQL one).
@Suite struct StoreMoveTests {
    @Test func movesEveryRowWithItsNumbersAndRefusesADatabaseThatHoldsAStore() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory)
        try await onThread {
            let connection = try daemon.connect()
            let cadres = (0..<5).map { number in
                CadreFields(
                    name: "Pindah \(number)", sex: "female", birthYear: 1990, field: "kesehatan", village: "51.03.02.2001")
            }
            _ = try connection.call("cadre.register", params: JSONValue(encoding: CadreRegisterParams(cadres: cadres)))
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)

        let (server, database) = try await TestBackend.postgresDatabase()
        let move = [
            "--migrate-store", "--from", "sqlite:\(daemon.stateDir)/kaderd.sqlite", "--to", "postgresql:\(server.url(database))",
        ]
        let moved = try await onThread { try runBlocking(try Binaries.path("kaderd"), move) }
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("\ncadre                              5           5\n"), "\(moved.stdout)")
        #expect(moved.stdout.contains("\nhistory                            5           5\n"), "\(moved.stdout)")
        #expect(moved.stderr.contains("cadre: 5 of 5 rows"), "the progress is shown")

        // The history, numbers and all, reads the same on both sides.
        let history = "SELECT seq, entity_id, action, detail FROM history ORDER BY seq"
        let inSQLite = try await onThread {
            try runBlocking("/usr/bin/sqlite3", ["-separator", "|", "\(daemon.stateDir)/kaderd.sqlite", history]).stdout
        }
        let inPostgres = try await onThread { try server.psql(database, history) }
        #expect(inPostgres == inSQLite)
        #expect(try await onThread { try server.psql(database, "SELECT seq FROM history_counter") } == "5\n")
        // The progress report's counts, made again from the moved rows, are those the SQLite store kept.
        let counts = "SELECT village, status, n FROM progress_cadre WHERE n <> 0 ORDER BY 1, 2"
        let keptInSQLite = try await onThread {
            try runBlocking("/usr/bin/sqlite3", ["-separator", "|", "\(daemon.stateDir)/kaderd.sqlite", counts]).stdout
        }
        #expect(keptInSQLite == "51.03.02.2001|candidate|5\n")
        #expect(try await onThread { try server.psql(database, counts) } == keptInSQLite)

        // A second move into the same database is refused, and changes nothing.
        let again = try await onThread { try runBlocking(try Binaries.path("kaderd"), move) }
        #expect(again.status == 65)
        #expect(again.stderr.contains("already holds kaderd data"), "\(again.stderr)")
        #expect(try await onThread { try server.psql(database, "SELECT COUNT(*) FROM cadre") } == "5\n")
    }
}
