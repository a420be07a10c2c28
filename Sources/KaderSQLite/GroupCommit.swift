import GRDB
import Synchronization

/// Runs the writes that arrive while another is being written together, in one
/// transaction, so they share its commit: the pages they all touch (the time indexes, the
/// counts, the history's tail) are written to the log once, and the log is flushed once.
///
/// Each write runs in a savepoint of its own (unless it is alone), so one that fails is
/// undone alone and the others are kept. None is acknowledged before the transaction has committed. When SQLite
/// itself abandons the transaction (a full disk, an I/O error), every write of the batch
/// fails with that error, as each would have alone.
final class GroupCommit: Sendable {
    /// One write waiting for its batch.
    struct Pending: Sendable {
        let run: @Sendable (Database) throws -> any Sendable
        /// Called once, after the batch committed or failed.
        let finish: @Sendable (Result<any Sendable, any Error>) -> Void
    }

    private struct State {
        var queue: [Pending] = []
        /// A drain is running on the writer, or is about to: it takes what is queued.
        var draining = false
    }

    /// Enough to share a commit among every connection's write, few enough that the first
    /// write of a batch is not kept waiting long behind the others.
    static let maxBatch = 64

    private let pool: DatabasePool
    private let checkpointer: Checkpointer
    private let state = Mutex(State())
    /// Runs last in each batch's transaction; what it returns runs once the batch committed.
    private let beforeCommit: @Sendable (Database) throws -> @Sendable () -> Void

    init(
        pool: DatabasePool, checkpointer: Checkpointer,
        beforeCommit: @escaping @Sendable (Database) throws -> @Sendable () -> Void
    ) {
        self.pool = pool
        self.checkpointer = checkpointer
        self.beforeCommit = beforeCommit
    }

    func submit(_ pending: Pending) {
        let startDrain = state.withLock { state in
            state.queue.append(pending)
            defer { state.draining = true }
            return !state.draining
        }
        if startDrain {
            pool.asyncWriteWithoutTransaction { db in self.drain(db) }
        }
    }

    /// Writes batches until nothing is queued; runs on the store's single writer.
    private func drain(_ db: Database) {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let batch = Array(state.queue.prefix(Self.maxBatch))
                state.queue.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            write(batch, in: db)
        }
    }

    private func write(_ batch: [Pending], in db: Database) {
        var outcomes: [Result<any Sendable, any Error>] = []
        outcomes.reserveCapacity(batch.count)
        var afterCommit: (@Sendable () -> Void)?
        do {
            try checkpointer.commit(on: db) {
                try db.inTransaction(.immediate) {
                    if batch.count == 1 {
                        // Alone, a write needs no savepoint: if it fails, rolling the transaction
                        // back undoes it alone. SQLite keeps a savepoint's journal in memory as a
                        // list it walks at every statement, which made a large write (a catch-up
                        // of 16,000 tasks) quadratic: 26 s instead of 3.
                        do {
                            outcomes.append(.success(try batch[0].run(db)))
                        } catch {
                            outcomes.append(.failure(error))
                            throw error
                        }
                    } else {
                        try writeInSavepoints(batch, in: db, outcomes: &outcomes)
                    }
                    afterCommit = try beforeCommit(db)
                    return .commit
                }
            }
        } catch {
            for (index, pending) in batch.enumerated() {
                // A write's own failure is its answer; the others share the batch's.
                if index < outcomes.count, case .failure = outcomes[index] {
                    pending.finish(outcomes[index])
                } else {
                    pending.finish(.failure(error))
                }
            }
            return
        }
        afterCommit?()
        for (pending, outcome) in zip(batch, outcomes) { pending.finish(outcome) }
    }

    /// Each write of `batch` in a savepoint of its own, so that one failing is undone alone.
    private func writeInSavepoints(
        _ batch: [Pending], in db: Database, outcomes: inout [Result<any Sendable, any Error>]
    ) throws {
        for pending in batch {
            var outcome: Result<any Sendable, any Error>!
            do {
                try db.inSavepoint {
                    outcome = .success(try pending.run(db))
                    return .commit
                }
            } catch {
                outcome = .failure(error)
                // SQLite rolled the whole transaction back: nothing of the batch is kept.
                if !db.isInsideTransaction { throw error }
            }
            outcomes.append(outcome)
        }
    }
}
