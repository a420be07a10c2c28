import NIOCore
import Synchronization

/// How much work a connection has going (requests read and not yet answered, streams
/// open), so the idle timeout never cuts off a client that is waiting for us rather than
/// we for it, however long the server takes to get to its request.
///
/// A connection starts busy: until its serving task starts, nothing is read from it, so a
/// client that asked at once would look silent to the idle timeout on a loaded machine.
final class ConnectionActivity: Sendable {
    private let busy = Atomic<Int>(1)
    /// When work last ended (uptime nanoseconds): idle time counts from there.
    private let lastEnded = Atomic<UInt64>(0)

    var isBusy: Bool { busy.load(ordering: .relaxed) > 0 }

    /// The last moment work ended; the idle timeout measures from it at the earliest.
    var lastEndedAt: NIODeadline { .uptimeNanoseconds(lastEnded.load(ordering: .relaxed)) }

    /// A request line arrived or a stream opened.
    func begin() {
        busy.add(1, ordering: .relaxed)
    }

    /// That request was answered (or dropped with the connection), that stream ended, or
    /// the serving task started reading.
    func end() {
        lastEnded.store(NIODeadline.now().uptimeNanoseconds, ordering: .relaxed)
        busy.subtract(1, ordering: .relaxed)
    }
}
