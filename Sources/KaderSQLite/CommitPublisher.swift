import GRDB
import KaderStore
import Synchronization

/// Makes what each commit changed known once it is durable: the newest history entry (which
/// wakes event subscribers and the scheduler) and the store's summary.
final class CommitPublisher: Sendable {
    let notifier: HistoryNotifier
    private let latestSummary: Mutex<StoreSummary>

    init(db: Database) throws {
        notifier = HistoryNotifier(latest: try SQLiteReader.latestHistorySeq(db))
        latestSummary = Mutex(try StoreSummary(reader: SQLiteReader(db: db)))
    }

    var summary: StoreSummary { latestSummary.withLock { $0 } }

    /// Reads, inside a transaction about to commit, what to publish once it has.
    func prepare(_ db: Database) throws -> @Sendable () -> Void {
        let latest = try SQLiteReader.latestHistorySeq(db)
        let summary = try StoreSummary(reader: SQLiteReader(db: db))
        return { [self] in
            latestSummary.withLock { $0 = summary }
            notifier.advance(to: latest)
        }
    }
}
