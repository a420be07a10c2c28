import Synchronization

/// How much work a connection has going (requests read and not yet answered, streams
/// open), so the idle timeout never cuts off a client that is waiting for us rather than
/// we for it, however long the server takes to get to its request.
final class ConnectionActivity: Sendable {
    private let busy = Atomic<Int>(0)

    var isBusy: Bool { busy.load(ordering: .relaxed) > 0 }

    /// A request line arrived or a stream opened.
    func begin() {
        busy.add(1, ordering: .relaxed)
    }

    /// That request was answered (or dropped with the connection), or that stream ended.
    func end() {
        busy.subtract(1, ordering: .relaxed)
    }
}
