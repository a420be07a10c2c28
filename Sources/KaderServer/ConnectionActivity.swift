import Synchronization

/// How much work a connection has going (a request being answered, a stream open), so the
/// idle timeout never cuts off a client that is waiting for us rather than we for it.
final class ConnectionActivity: Sendable {
    private let busy = Atomic<Int>(0)

    var isBusy: Bool { busy.load(ordering: .relaxed) > 0 }

    /// Runs `body` counted as work in progress.
    func during<T>(_ body: () async throws -> T) async rethrows -> T {
        busy.add(1, ordering: .relaxed)
        defer { busy.subtract(1, ordering: .relaxed) }
        return try await body()
    }
}
