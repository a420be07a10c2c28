import Foundation
import GRDB
import KaderCore

/// The durable state of kaderd: one SQLite file in WAL mode.
///
/// Changes go through `write`, whose body runs in one transaction: the engine checks its
/// rules and makes its changes, history included, all or nothing. Reads run concurrently
/// with writes (WAL), each on a consistent snapshot.
public final class KaderStore: Sendable {
    public let path: String
    public let durability: Durability
    private let pool: DatabasePool
    /// Wakes whoever waits for new history entries (event subscribers, the scheduler).
    public let notifier: HistoryNotifier

    /// Opens (creating if needed) and migrates the database. A file that is not a kaderd
    /// database, or is damaged, is refused with the reason; nothing in it is changed.
    public init(path: String, durability: Durability = .full) throws(StoreError) {
        self.path = path
        self.durability = durability
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        let synchronous = durability.synchronousPragma
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // Reading the schema refuses a file that is not a database at once; a full integrity
            // check would read every page, which with a million tasks costs seconds at each start.
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            try StoreMigrations.migrator.migrate(pool)
            notifier = HistoryNotifier(latest: try pool.read(Self.latestHistorySeq))
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .unusable(path: path, reason: "\(error)")
        }
    }

    private static func latestHistorySeq(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'history'") ?? 0
    }

    /// Runs `body` on a consistent snapshot.
    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreReader) throws -> T) async throws -> T {
        try await pool.read { db in try body(StoreReader(db: db)) }
    }

    /// Runs `body` in one transaction; if it throws, nothing it did is kept.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreWriter) throws -> T) async throws -> T {
        do {
            let (result, latest) = try await pool.write { db in
                (try body(StoreWriter(db: db)), try Self.latestHistorySeq(db))
            }
            notifier.advance(to: latest)
            return result
        } catch let error as DatabaseError where error.resultCode != .SQLITE_CONSTRAINT {
            throw StoreError.writeFailed(reason: error.message ?? "\(error.resultCode)")
        }
    }
}
