#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import GRDB

/// A file that should hold a kaderd store, checked before it is handed out (a backup) or
/// put in place (a restore): a SQLite database, whole, made by this kaderd or an older one.
public struct SQLiteStoreFile: Sendable, Hashable {
    public let path: String
    /// Its last schema migration, as "v10".
    public let schema: String
    /// The migrations this kaderd applies when it next opens the file: one from an older
    /// kaderd is brought up to date as any store is at start.
    public let pendingMigrations: Int
    public let cadres: Int
    public let workflows: Int
    public let tasks: Int
    public let historyEntries: Int

    /// The first 16 bytes of every SQLite database file.
    static let magic = Array("SQLite format 3\0".utf8)

    /// Reads the whole file (`PRAGMA integrity_check`: every page, every index entry) and its
    /// migrations. The file is opened read-write, as SQLite needs to read one in WAL mode:
    /// check a copy of your own, not a file another process uses.
    public static func check(path: String) throws(SQLiteStoreFileProblem) -> SQLiteStoreFile {
        try checkHeader(path: path)
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db throws -> SQLiteStoreFile in
                let findings = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard findings == ["ok"] else { throw SQLiteStoreFileProblem.damaged(path: path, findings: findings) }
                let migrator = StoreMigrations.migrator
                guard try db.tableExists("grdb_migrations"),
                    let first = migrator.migrations.first, try migrator.appliedIdentifiers(db).contains(first)
                else { throw SQLiteStoreFileProblem.notAStore(path: path) }
                let known = Set(migrator.migrations)
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let unknown = applied.filter { !known.contains($0) }.sorted()
                guard unknown.isEmpty else { throw SQLiteStoreFileProblem.newer(path: path, unknown: unknown) }
                let done = try migrator.completedMigrations(db)
                func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
                return SQLiteStoreFile(
                    path: path, schema: Self.version(of: done.last ?? first),
                    pendingMigrations: migrator.migrations.count - done.count, cadres: try count("cadre"),
                    workflows: try count("workflow"), tasks: try count("task"), historyEntries: try count("history"))
            }
        } catch let problem as SQLiteStoreFileProblem {
            throw problem
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw .notSQLite(path: path)
            case .SQLITE_CORRUPT: throw .damaged(path: path, findings: [error.message ?? "\(error.resultCode)"])
            default: throw .unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
            }
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// The schema version of this kaderd: its last migration, as "v10".
    public static var currentSchema: String { version(of: StoreMigrations.migrator.migrations.last ?? "") }

    /// Puts the file in rollback-journal mode, the log folded in: one file that needs no
    /// -wal beside it to be whole, for handing out or moving. kaderd turns WAL on again
    /// when it opens the file as its store.
    public static func makeSelfContained(path: String) throws(SQLiteStoreFileProblem) {
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try queue.close()
        } catch let error as DatabaseError {
            throw .unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// "v10: counts for the progress report" is "v10".
    private static func version(of migration: String) -> String {
        String(migration.prefix { $0 != ":" })
    }

    /// SQLite opens a file of zero bytes as an empty database, and says nothing of one that
    /// is not a database until it reads it: the first bytes decide at once.
    public static func checkHeader(path: String) throws(SQLiteStoreFileProblem) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: magic.count)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count == magic.count, header == magic else { throw .notSQLite(path: path) }
    }
}

/// Why a file cannot serve as a kaderd store; each says so in one line, naming the file.
public enum SQLiteStoreFileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case missing(path: String)
    case notSQLite(path: String)
    /// `PRAGMA integrity_check` found these problems (or reading failed as corrupt).
    case damaged(path: String, findings: [String])
    /// A SQLite database, but not one kaderd made.
    case notAStore(path: String)
    /// Made by a newer kaderd: it has migrations this one does not know.
    case newer(path: String, unknown: [String])
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "there is no file \(path)"
        case .notSQLite(let path):
            "\(path) is not a SQLite database (it does not start with \"SQLite format 3\")"
        case .damaged(let path, let findings):
            "\(path) is damaged: integrity_check found \(findings.count == 1 ? "" : "\(findings.count) problems, first ")"
                + "\"\(findings.first ?? "")\""
        case .notAStore(let path):
            "\(path) is a SQLite database but not a kaderd store (it has no kaderd schema migrations)"
        case .newer(let path, let unknown):
            "\(path) was made by a newer kaderd: its schema has \(unknown.joined(separator: ", ")), which this kaderd "
                + "(schema \(SQLiteStoreFile.currentSchema)) does not know; restore it with that kaderd or a later one"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}
