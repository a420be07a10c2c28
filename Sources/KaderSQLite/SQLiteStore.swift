import CoreMetrics
import CSQLiteConfig
import Foundation
import GRDB
import KaderCore
import KaderMetrics
import KaderStore

/// The store in one SQLite file in WAL mode: kaderd's default, one machine's.
///
/// Changes go through `write`, whose body runs in one transaction: the engine checks its
/// rules and makes its changes, history included, all or nothing. Reads run concurrently
/// with writes (WAL), each on a consistent snapshot.
public final class SQLiteStore: Store {
    public let path: String
    public var location: String { path }
    public let durability: Durability
    let pool: DatabasePool
    /// Wakes whoever waits for new history entries (event subscribers, the scheduler).
    public var notifier: HistoryNotifier { publisher.notifier }
    private let publisher: CommitPublisher
    private let groupCommit: GroupCommit
    /// How long each write waited for its commit (`kaderd_store_commit_duration_seconds`).
    private let commitDuration: CoreMetrics.Timer
    /// The writer's page cache, in KiB: room for the upper pages of every index a write
    /// walks in a five-year store (Benchmarks/README.md). Filled only as pages are read.
    static let writerCacheKiB = 131_072

    /// Opens (creating if needed) and migrates the database. A file that is not a kaderd
    /// database, or is damaged, is refused with the reason; nothing in it is changed.
    /// Writes are timed into `metrics`, the process's bootstrapped factory by default.
    /// `migrating` is told of each schema migration of a store an older kaderd made, before
    /// it runs.
    public init(
        path: String, durability: Durability = .full, metrics: any MetricsFactory = MetricsSystem.factory,
        migrating: (StoreMigration) -> Void = { _ in }
    ) throws(StoreError) {
        self.commitDuration = CoreMetrics.Timer(label: KaderMetric.storeCommitDuration.name, factory: metrics)
        self.path = path
        self.durability = durability
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        let synchronous = durability.synchronousPragma
        configuration.prepareDatabase { db in
            // Savepoints (one per write of a group commit) keep the pages they change in a
            // statement journal, a temporary file by default: thousands of writes a second.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // The group commit's writes are copied back into the file beside them
            // (`Checkpointer`); the others, inside the commit, as seldom.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Checkpointer.pages)")
            // A large write (a catch-up after a week down: gigabytes) leaves the log that long
            // on disk until the store closes; once copied back, it is cut to what a checkpoint
            // lets it reach between two.
            try db.execute(sql: "PRAGMA journal_size_limit = \(Checkpointer.logSizeLimit)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // Set on the writer once the pool is open: the pool turns on WAL after
            // `prepareDatabase`, and with it sets synchronous = NORMAL, which would quietly
            // make `full` skip the flush at each commit.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
                // Each write walks every index of the tasks and the history from its root. In a
                // store of millions of tasks their upper pages alone outgrow SQLite's default
                // cache of 2 MiB, and each was read again from the file at every write.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
            }
            // Reading the schema refuses a file that is not a database at once; a full integrity
            // check would read every page, which with a million tasks costs seconds at each start.
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            // One at a time, each announced: the file is left at the last one done if a
            // later one fails or kaderd is stopped, and opens from there next time.
            let migrator = StoreMigrations.migrator
            let done = Set(try pool.read { try migrator.appliedIdentifiers($0) })
            let pending = migrator.migrations.filter { !done.contains($0) }
            // A migration's sorts and statement journals go to temporary files, not memory:
            // v17 over 25,000,000 tasks held 6.5 GB in memory so, 306 MiB over 5,000,000 now.
            let upgrading = !done.isEmpty && !pending.isEmpty
            if upgrading { try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = FILE") } }
            if pending.elementsEqual(migrator.migrations.suffix(pending.count)) {
                for (index, name) in pending.enumerated() {
                    // A new file's schema is made in a moment: only an upgrade is announced.
                    if !done.isEmpty { migrating(StoreMigration(name: name, number: index + 1, count: pending.count)) }
                    try migrator.migrate(pool, upTo: name)
                }
            } else {
                // Gaps no kaderd leaves (a file edited by hand): GRDB stops the process when
                // asked to migrate up to one below one applied, so all go at once.
                try migrator.migrate(pool)
            }
            if upgrading { try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") } }
            let publisher = try pool.read(CommitPublisher.init(db:))
            self.publisher = publisher
            groupCommit = GroupCommit(pool: pool, checkpointer: try Checkpointer(path: path), beforeCommit: publisher.prepare)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .unusable(path: path, reason: "\(error)")
        }
    }

    /// The writer's `PRAGMA synchronous` (1 NORMAL, 2 FULL): what commits actually do.
    var synchronousInForce: Int {
        get throws { try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 0 } }
    }

    /// Drops SQLite's mutexes a GRDB connection never needs (one per connection, one for
    /// memory statistics), which took about a twentieth of the writer's time. Process-wide,
    /// and SQLite allows it only before anything uses it and while no other thread does: a
    /// daemon calls it first thing. False when SQLite had already started (nothing changed).
    @discardableResult
    public static func configureSQLiteForThisProcess() -> Bool {
        csqlite_configure_for_store() == 0
    }

    /// What the store held at the latest commit this process made (or at opening).
    public var summary: StoreSummary { publisher.summary }

    /// Runs `body` on a consistent snapshot.
    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreReader) throws -> T) async throws -> T {
        try await pool.read { db in try body(SQLiteReader(db: db)) }
    }

    /// Runs `body` in one transaction; if it throws, nothing it did is kept. Writes that
    /// arrive together share a transaction (`GroupCommit`), each in a savepoint of its own;
    /// `write` returns once the change is committed.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreWriter) throws -> T) async throws -> T {
        let start = MetricsInstant.now
        let call = CallKey.unrecorded
        do {
            let value: T = try await withCheckedThrowingContinuation { continuation in
                groupCommit.submit(
                    GroupCommit.Pending(
                        run: { db in
                            let writer = SQLiteWriter(db: db)
                            if let call { try writer.record(call, at: Date()) }
                            return try body(writer)
                        },
                        finish: { outcome in continuation.resume(with: outcome.map { $0 as! T }) }))
            }
            call?.markRecorded()
            commitDuration.recordElapsed(since: start)
            return value
        } catch let error as DatabaseError where error.resultCode != .SQLITE_CONSTRAINT {
            throw StoreError.writeFailed(reason: error.message ?? "\(error.resultCode)")
        }
    }
}
