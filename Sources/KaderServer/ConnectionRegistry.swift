import NIOCore
import Synchronization

/// Accepted connections that no task serves yet, so that none is stranded by shutdown.
///
/// A connection accepted just as the listener closes may never reach the accept loop. Left
/// alone, its client would wait for an answer that never comes, and its async channel would
/// be dropped without being finished, which NIO treats as a programming error. The registry
/// holds such connections until the server closes them itself.
final class ConnectionRegistry: Sendable {
    private enum State {
        case accepting(pending: [ObjectIdentifier: AcceptedConnection])
        case closed
    }

    private let state = Mutex(State.accepting(pending: [:]))
    private let delivered = Atomic<UInt64>(0)
    private let serving = Atomic<Int>(0)

    /// Records a freshly accepted connection; false once the server has stopped accepting.
    func register(_ connection: AcceptedConnection) -> Bool {
        state.withLock { state in
            guard case .accepting(var pending) = state else { return false }
            pending[connection.key] = connection
            state = .accepting(pending: pending)
            return true
        }
    }

    /// Hands a connection to the task that will serve and close it; returns its number for the log.
    func deliver(_ connection: AcceptedConnection) -> UInt64 {
        state.withLock { state in
            guard case .accepting(var pending) = state else { return }
            pending[connection.key] = nil
            state = .accepting(pending: pending)
        }
        return delivered.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Takes one of `limit` places for a connection being served; false when all are taken.
    func admit(limit: Int) -> Bool {
        serving.incrementIfBelow(limit)
    }

    /// Gives back the place of a connection that `admit` let in, once it is closed.
    func release() {
        serving.subtract(1, ordering: .relaxed)
    }

    /// How many connections have been handed to a serving task so far.
    var deliveredCount: UInt64 { delivered.load(ordering: .relaxed) }

    /// Stops accepting and returns the connections that will never be served.
    func close() -> [AcceptedConnection] {
        state.withLock { state in
            guard case .accepting(let pending) = state else { return [] }
            state = .closed
            return Array(pending.values)
        }
    }
}

/// A connection as accepted: the async channel and who opened it.
struct AcceptedConnection: Sendable {
    let channel: NIOAsyncChannel<LineFrame, OutboundFrame>
    let peer: PeerCredentials?
    let activity: ConnectionActivity
    let immediateAnswers: NIOLoopBound<ImmediateAnswerHandler>

    /// Lets the connection's event loop answer immediate methods, as this caller.
    func answerImmediately(as context: RPCContext) {
        let handler = immediateAnswers
        channel.channel.eventLoop.execute { handler.value.enable(context: context) }
    }

    var key: ObjectIdentifier { ObjectIdentifier(channel.channel) }

    /// Closes a connection that will not be served, finishing its async channel properly.
    func discard() async {
        try? await channel.executeThenClose { _, _ in }
    }
}
