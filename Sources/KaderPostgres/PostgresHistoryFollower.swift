import Logging
import PostgresNIO

/// Follows what other kaderd commit to the same database, so that event subscribers, the
/// scheduler and `daemon.status` here see it as they see this process's own commits.
///
/// Every write that adds history entries sends `NOTIFY kaderd_history, '<seq>'`, which the
/// server delivers after the commit, in commit order. One pooled connection listens; a
/// notification newer than what this process has seen wakes `refresh`. A poll every
/// `pollInterval` covers what a lost listening connection missed, and listening again
/// starts with a refresh, so nothing is waited for longer than one interval.
struct PostgresHistoryFollower: Sendable {
    static let channel = "kaderd_history"

    let client: PostgresClient
    let pollInterval: Duration
    let logger: Logger
    /// The newest sequence number this process has seen.
    let latest: @Sendable () -> Int64
    /// Reads the counter and what the store holds, and publishes them if newer.
    let refresh: @Sendable () async -> Void

    /// Runs until cancelled.
    func run() async {
        // Coalesced: a burst of notifications while a refresh runs makes one more refresh.
        let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await listen(wake) }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: pollInterval)
                    wake.yield()
                }
            }
            group.addTask {
                for await _ in wakes {
                    guard !Task.isCancelled else { break }
                    await refresh()
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func listen(_ wake: AsyncStream<Void>.Continuation) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        wake.yield()
                        // This process's own commits are published as they commit.
                        for try await notification in notifications
                        where Int64(notification.payload).map({ $0 > latest() }) ?? true {
                            wake.yield()
                        }
                    }
                }
            } catch {
                if !Task.isCancelled {
                    logger.debug("listening for other kaderd's commits failed; polling until it listens again",
                                 metadata: ["error": "\(PostgresErrorText.of(error))"])
                }
            }
            try? await Task.sleep(for: pollInterval)
        }
    }
}
