import Foundation
import KaderPostgres
import KaderSQLite
import KaderStore
import Logging
import Synchronization

/// The store the store, engine and integration suites run on: SQLite, or PostgreSQL when
/// `KADERD_TEST_STORE=postgresql` (as `make test`'s second pass sets), so one suite checks
/// both backends, as River runs one driver suite against each of its drivers.
public enum TestBackend: String, Sendable {
    case sqlite
    case postgresql

    public static let current = TestBackend(rawValue: ProcessInfo.processInfo.environment["KADERD_TEST_STORE"] ?? "") ?? .sqlite

    /// A fresh, empty store: a SQLite file in `directory`, or a database of its own on the
    /// run's PostgreSQL cluster.
    public static func makeStore(in directory: TemporaryDirectory) async throws -> any Store {
        switch current {
        case .sqlite:
            return try SQLiteStore(path: directory.file("kaderd.sqlite"))
        case .postgresql:
            let server = try await SharedPostgres.server()
            let database = try await SharedPostgres.database(for: directory)
            return try await SharedPostgres.open(try PostgresLocation(url: server.url(database), defaultUser: server.user))
        }
    }

    /// A database of its own on the run's PostgreSQL cluster, whichever backend is under
    /// test: for tests of moving a store there.
    public static func postgresDatabase() async throws -> (server: PostgresServer, name: String) {
        (try await SharedPostgres.server(), try await SharedPostgres.database(for: TemporaryDirectory()))
    }

    /// The lines of kaderd.toml that put a daemon started in `directory` on this backend:
    /// none for SQLite; for PostgreSQL, the folder's own database, the same at each restart.
    public static func configLines(for directory: TemporaryDirectory) async throws -> String {
        guard current == .postgresql else { return "" }
        let server = try await SharedPostgres.server()
        let database = try await SharedPostgres.database(for: directory)
        return "store = \"postgresql\"\npostgresql = \"\(server.url(database))\"\n"
    }
}

/// One PostgreSQL cluster for the whole test process, started on first use and stopped when
/// the process exits; each store gets a database of its own on it.
enum SharedPostgres {
    static let template = "kaderd_template"
    /// Started once, by whichever test asks first; the others await the same start.
    private static let started = Task<PostgresServer, any Error> { try await start() }
    private static let databases = Mutex<[String: String]>([:])
    private static let startedServer = Mutex<PostgresServer?>(nil)

    /// The cluster, with a database `template` already migrated by the PostgreSQL store: a
    /// copy of it is made in milliseconds, where migrating each test's database took
    /// seconds with the whole suite running beside it.
    static func server() async throws -> PostgresServer {
        try await started.value
    }

    private static func start() async throws -> PostgresServer {
        let server = try await onThread { try PostgresServer() }
        startedServer.withLock { $0 = server }
        // A static is never deinitialized: stop the cluster as the runner exits.
        atexit { SharedPostgres.stop() }
        try await onThread { try server.createDatabase(template) }
        let store = try await open(try PostgresLocation(url: server.url(template), defaultUser: server.user))
        await store.close()
        return server
    }

    /// Opens a store, trying up to three times: postgres-nio's
    /// first connection was once seen in CI never to come (the store gives up after 15 s),
    /// where a new client connects at once.
    static func open(_ location: PostgresLocation) async throws -> PostgresStore {
        let logger = Logger(label: "kaderd-test", factory: { _ in SwiftLogNoOpLogHandler() })
        for _ in 1..<3 {
            if let store = try? await PostgresStore(location, password: nil, logger: logger) { return store }
        }
        return try await PostgresStore(location, password: nil, logger: logger)
    }

    /// The database of `directory`, created on first use.
    static func database(for directory: TemporaryDirectory) async throws -> String {
        let server = try await server()
        let (name, isNew) = databases.withLock { databases in
            if let name = databases[directory.path] { return (name, false) }
            let name = "kaderd_\(databases.count + 1)"
            databases[directory.path] = name
            return (name, true)
        }
        if isNew { try await onThread { try server.createDatabase(name, template: template) } }
        return name
    }

    private static func stop() {
        // Only a cluster that started is stopped; the exit never waits for one starting.
        guard let server = startedServer.withLock({ $0 }) else { return }
        server.stop()
        try? FileManager.default.removeItem(atPath: server.directory.path)
    }
}
