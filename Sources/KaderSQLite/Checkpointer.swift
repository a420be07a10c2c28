import CSQLiteConfig
import GRDB
import Synchronization

/// Copies the log back into the file on a connection of its own, beside the writes, not in
/// the commit that filled the log: SQLite's automatic checkpoint runs inside a commit, so one
/// commit in every 10,000 pages of log, and the callers it answers, waited while the pages
/// were written back and flushed; after the catch-up of a week down, a gigabyte and more, a
/// quarter of the time to ready (Benchmarks/README.md, sixth round).
final class Checkpointer: Sendable {
    /// A checkpoint copies each page changed since the last one back into the file once,
    /// however often the log holds it: the hot pages (the time indexes' ends, the counts) are
    /// copied a tenth as often with 10,000 pages of log as with SQLite's default of 1,000.
    static let pages: Int32 = 10_000
    /// What the log file is cut to once copied back: above what it reaches between two
    /// checkpoints (10,000 pages of 4 KiB), so it is not grown again from nothing each time.
    static let logSizeLimit = 64 << 20

    private let connection: DatabaseQueue
    /// A checkpoint is asked for or under way: commits meanwhile ask for no other.
    private let asked = Atomic<Bool>(false)

    init(path: String) throws {
        // A checkpoint waits for no one (PASSIVE), so this connection needs no busy timeout;
        // it flushes the file as its synchronous setting (SQLite's default, FULL) says.
        connection = try DatabaseQueue(path: path)
    }

    /// Runs `commit` on the writer `db` with the automatic checkpoint held off, and asks for
    /// one on the side when the log it leaves holds `pages` or more.
    func commit<T>(on db: Database, _ commit: () throws -> T) rethrows -> T {
        var pages: Int32 = 0
        let result = try withUnsafeMutablePointer(to: &pages) { pages in
            csqlite_count_log_pages(db.sqliteConnection, pages)
            // Writes that do not go through the group commit (migrations) keep SQLite's own.
            defer { csqlite_checkpoint_automatically(db.sqliteConnection, Self.pages) }
            return try commit()
        }
        if pages >= Self.pages { ask() }
        return result
    }

    private func ask() {
        guard asked.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        connection.asyncWriteWithoutTransaction { db in
            // A failure (an I/O error) leaves the log as long as it is: the next commit asks
            // again, as SQLite's automatic checkpoint would try again.
            _ = try? db.checkpoint(.passive)
            self.asked.store(false, ordering: .releasing)
        }
    }
}
