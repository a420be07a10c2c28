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
            let location = try PostgresLocation(url: server.url(database), defaultUser: server.user)
            return try await PostgresStore(location, password: nil, logger: Logger(label: "kaderd-test", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
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
    private static let state = Mutex<(server: PostgresServer?, databases: [String: String])>((nil, [:]))

    static func server() async throws -> PostgresServer {
        if let server = state.withLock({ $0.server }) { return server }
        let server = try await onThread {
            try state.withLock { state in
                if let server = state.server { return server }
                let server = try PostgresServer()
                state.server = server
                // A static is never deinitialized: stop the cluster as the runner exits.
                atexit { SharedPostgres.stop() }
                return server
            }
        }
        return server
    }

    /// The database of `directory`, created on first use.
    static func database(for directory: TemporaryDirectory) async throws -> String {
        let server = try await server()
        return try await onThread {
            try state.withLock { state in
                if let name = state.databases[directory.path] { return name }
                let name = "kaderd_\(state.databases.count + 1)"
                try server.createDatabase(name)
                state.databases[directory.path] = name
                return name
            }
        }
    }

    private static func stop() {
        state.withLock { state in
            guard let server = state.server else { return }
            server.stop()
            try? FileManager.default.removeItem(atPath: server.directory.path)
        }
    }
}
