import CoreMetrics
import Foundation
import KaderCore
import KaderMetrics
import KaderStore
import Logging
import NIOPosix
import PostgresNIO
import Synchronization

/// The store in a PostgreSQL database, which several kaderd may share.
///
/// Same contract as the SQLite store. A write runs in one transaction that first takes the
/// history counter's row (`FOR UPDATE`): writers, on this kaderd or another, take turns, each
/// reads what the previous one committed, and the history's numbers are given in commit
/// order without holes (a rolled-back write gives its numbers back). A read runs in a
/// `REPEATABLE READ, READ ONLY` transaction: one snapshot, beside the writer.
///
/// The contract's bodies are synchronous; they run on threads of the store's own, each with
/// a connection leased from postgres-nio's pool, and wait there for each query.
///
/// What other kaderd commit reaches `notifier` and `summary` too (`PostgresHistoryFollower`).
public final class PostgresStore: Store {
    public let location: String
    public let durability: Durability
    public let notifier: HistoryNotifier
    /// This kaderd's name among the nodes on the database, and its version.
    public let node: String
    let version: String
    /// This process: a node's name outlives its restarts, and a lease is held by one process.
    let incarnation = UUID().uuidString
    private let client: PostgresClient
    private let threads: NIOThreadPool
    private let running: Task<Void, Never>
    private let following: Mutex<Task<Void, Never>?> = Mutex(nil)
    /// The summary, and the history sequence number it was read at.
    private let latestSummary: Mutex<(seq: Int64, summary: StoreSummary)>
    private let logger: Logger
    /// How long each write waited for its commit (`kaderd_store_commit_duration_seconds`).
    private let commitDuration: CoreMetrics.Timer

    /// As many connections (and threads to drive them) as requests that may use the
    /// database at once; more wait for one.
    static let connections = 16
    /// How often the history counter is read, in case a commit's notification was missed.
    static let pollInterval = Duration.seconds(2)

    /// Connects, and migrates the database under the migration lock. A database that cannot
    /// be reached or used is refused with the reason, unchanged.
    public init(
        _ database: PostgresLocation, password: String?, durability: Durability = .full, node: String = "kaderd",
        version: String = "", logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory
    ) async throws(StoreError) {
        commitDuration = CoreMetrics.Timer(label: KaderMetric.storeCommitDuration.name, factory: metrics)
        location = database.description
        self.node = node
        self.version = version
        self.durability = durability
        self.logger = logger
        var configuration = database.clientConfiguration(password: password)
        // One more, which listens for other kaderd's commits.
        configuration.options.maximumConnections = Self.connections + 1
        // pg_stat_activity shows which node each connection is.
        configuration.options.additionalStartupParameters = [("application_name", "kaderd \(node)")]
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        let running = Task { await client.run() }
        self.running = running
        let threads = NIOThreadPool(numberOfThreads: Self.connections)
        self.threads = threads
        threads.start()
        do {
            try await Self.answering(within: .seconds(15), database, orElse: { running.cancel() }) {
                try await PostgresSchema.migrate(client, location: database, logger: logger)
            }
            let (latest, summary) = try await Self.onSession(client, threads, logger) { session in
                let reader = PostgresReader(session: session)
                return (try session.value("SELECT seq FROM history_counter", as: Int64.self) ?? 0, try StoreSummary(reader: reader))
            }
            notifier = HistoryNotifier(latest: latest)
            latestSummary = Mutex((latest, summary))
        } catch {
            running.cancel()
            try? await threads.shutdownGracefully()
            throw error as? StoreError ?? .unusable(path: database.description, reason: PostgresErrorText.of(error))
        }
        let follower = PostgresHistoryFollower(
            client: client, pollInterval: Self.pollInterval, logger: logger,
            latest: { [notifier] in notifier.latest }, refresh: { [weak self] in await self?.refresh() })
        following.withLock { $0 = Task { await follower.run() } }
    }

    /// Closes the connections and stops the threads; the store cannot be used afterwards.
    /// Each wait is bounded (5 s): a client that does not end when cancelled is left behind
    /// rather than holding whoever closes.
    public func close() async {
        let (following, running) = (following.withLock { $0 }, running)
        following?.cancel()
        running.cancel()
        try? await Self.race(.seconds(5), { await following?.value; await running.value }, late: { .success(()) })
        try? await threads.shutdownGracefully()
    }

    public var summary: StoreSummary { latestSummary.withLock { $0.summary } }

    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreReader) throws -> T) async throws -> T {
        try await transaction { session in
            try session.execute("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let value = try body(PostgresReader(session: session))
            try session.execute("COMMIT")
            return value
        }
    }

    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreWriter) throws -> T) async throws -> T {
        let (durability, incarnation) = (durability, incarnation)
        let start = MetricsInstant.now
        let call = CallKey.unrecorded
        let (value, latest, summary) = try await transaction { session in
            try session.execute("START TRANSACTION")
            if durability == .normal {
                // The server acknowledges before its log reaches the disk: a crash of the
                // server (not of kaderd) may lose the last moments, as SQLite's NORMAL does.
                try session.execute("SET LOCAL synchronous_commit = off")
            }
            let counter = PostgresWriter.HistoryCounter(
                committed: try session.value("SELECT seq FROM history_counter FOR UPDATE", as: Int64.self) ?? 0)
            let writer = PostgresWriter(session: session, history: counter, incarnation: incarnation)
            if let call { try writer.record(call, at: Date()) }
            let value = try body(writer)
            try writer.flushHistory()
            if counter.last > counter.committed {
                try session.execute("UPDATE history_counter SET seq = \(counter.last)")
                // Delivered to every listening kaderd once this commits.
                try session.execute("SELECT pg_notify(\(PostgresHistoryFollower.channel), \(String(counter.last)))")
            }
            let summary = try StoreSummary(reader: writer.reader)
            try session.execute("COMMIT")
            return (value, counter.last, summary)
        }
        call?.markRecorded()
        commitDuration.recordElapsed(since: start)
        publish(summary, at: latest)
        return value
    }

    /// Reads what other kaderd committed since this process last looked, and publishes it.
    private func refresh() async {
        do {
            let seen = notifier.latest
            let (latest, summary) = try await transaction { session in
                try session.execute("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                let latest = try session.value("SELECT seq FROM history_counter", as: Int64.self) ?? 0
                let summary = latest > seen ? try StoreSummary(reader: PostgresReader(session: session)) : nil
                try session.execute("COMMIT")
                return (latest, summary)
            }
            if let summary { publish(summary, at: latest) }
        } catch {
            logger.debug("reading other kaderd's commits failed; trying again", metadata: ["error": "\(error)"])
        }
    }

    /// The summary first, so that whoever the notifier wakes sees it.
    private func publish(_ summary: StoreSummary, at seq: Int64) {
        latestSummary.withLock { if seq >= $0.seq { $0 = (seq, summary) } }
        notifier.advance(to: seq)
    }

    /// Runs `body` on a session; whatever it leaves open is rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
        do {
            return try await Self.onSession(client, threads, logger) { session in
                do {
                    return try body(session)
                } catch {
                    try? session.execute("ROLLBACK")
                    throw error
                }
            }
        } catch let error as PSQLError {
            throw Self.storeError(error)
        }
    }

    private static func onSession<T: Sendable>(
        _ client: PostgresClient, _ threads: NIOThreadPool, _ logger: Logger,
        _ body: @escaping @Sendable (PostgresSession) throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            try await threads.runIfActive { try body(PostgresSession(connection: connection, logger: logger)) }
        }
    }

    /// A server that is down or gone answers with a connection error; one that is shutting
    /// down, restarting or ending this session says so with a code of class 08 or 57P (its
    /// last words on a pooled connection, read by the next query); one that refused a
    /// change, with its own message. Only the last is the request's fault.
    private static func storeError(_ error: PSQLError) -> StoreError {
        guard let state = error.serverInfo?[.sqlState], !state.hasPrefix("08"), !state.hasPrefix("57P") else {
            return .unreachable(reason: PostgresErrorText.of(error))
        }
        return .writeFailed(reason: PostgresErrorText.of(error))
    }

    /// `operation`, or `.unreachable` when the server has not answered within `limit`: the pool
    /// would otherwise keep trying to connect, and start-up wait without saying why.
    /// `orElse` stops the client, which is what ends a connection attempt.
    private static func answering(
        within limit: Duration, _ database: PostgresLocation, orElse giveUp: @escaping @Sendable () -> Void,
        _ operation: @escaping @Sendable () async throws -> Void
    ) async throws {
        let silence = "\(database) did not answer within \(limit.components.seconds) s"
        try await race(limit, operation) {
            giveUp()
            return .failure(StoreError.unreachable(reason: silence))
        }
    }

    /// `operation`'s outcome, or after `limit` what `late` says, whichever comes first; a late
    /// operation is cancelled and left behind.
    ///
    /// Not a task group, which waits for every child: in CI the test run once stopped for
    /// good with the store's client neither connecting nor ending when cancelled.
    static func race(
        _ limit: Duration, _ operation: @escaping @Sendable () async throws -> Void,
        late: @escaping @Sendable () -> Result<Void, any Error>
    ) async throws {
        let answer = Answer()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            answer.awaited(by: continuation)
            let work = Task {
                do {
                    try await operation()
                    answer.give(.success(()))
                } catch {
                    answer.give(.failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled else { return }
                // `late` runs only if the operation has not answered: it may stop the client.
                if answer.give(late) { work.cancel() }
            }
            answer.keep([work, timer])
        }
        // Answered in time: the timer is not needed.
        answer.cancelTasks()
    }

    /// The first of the operation's outcome and the timeout, given once to whoever waits.
    private final class Answer: Sendable {
        private let waiting = Mutex<CheckedContinuation<Void, any Error>?>(nil)
        private let tasks = Mutex<[Task<Void, Never>]>([])

        func awaited(by continuation: CheckedContinuation<Void, any Error>) { waiting.withLock { $0 = continuation } }
        func give(_ outcome: Result<Void, any Error>) { _ = give { outcome } }

        /// Computes the outcome only for a waiter not yet answered; false when answered already.
        func give(_ outcome: () -> Result<Void, any Error>) -> Bool {
            guard let continuation = waiting.withLock({ $0.take() }) else { return false }
            continuation.resume(with: outcome())
            return true
        }
        func keep(_ running: [Task<Void, Never>]) { tasks.withLock { $0 = running } }
        func cancelTasks() { for task in tasks.withLock({ $0 }) { task.cancel() } }
    }
}
