import NIOCore

/// Closes a connection on which nothing has been read or written for the idle timeout while
/// no work was in progress, so silent clients cannot hold connection slots forever.
///
/// Not NIO's `IdleStateHandler`: it was tried, behaves the same here, and makes a promise
/// and a callback for every write, which cost `daemon.status` 5–8% of its throughput
/// (Benchmarks/README.md, "Figures behind choices in the code").
final class IdleTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        case watching(Scheduled<Void>)
        case stopped
    }

    private let timeout: TimeAmount
    private let activity: ConnectionActivity
    private var lastActivity = NIODeadline.now()
    private var state = State.stopped

    init(timeout: TimeAmount, activity: ConnectionActivity) {
        self.timeout = timeout
        self.activity = activity
    }

    func handlerAdded(context: ChannelHandlerContext) {
        lastActivity = .now()
        schedule(at: lastActivity + timeout, context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastActivity = .now()
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        lastActivity = .now()
        context.write(data, promise: promise)
    }

    private func schedule(at deadline: NIODeadline, context: ChannelHandlerContext) {
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.check(context: context)
        }
        state = .watching(task)
    }

    private func check(context: ChannelHandlerContext) {
        guard case .watching = state else { return }
        let now = NIODeadline.now()
        if activity.isBusy {
            lastActivity = now
        } else {
            lastActivity = max(lastActivity, activity.lastEndedAt)
        }
        let deadline = lastActivity + timeout
        if deadline > now {
            schedule(at: deadline, context: context)
            return
        }
        state = .stopped
        context.close(promise: nil)
    }

    private func stop() {
        if case .watching(let task) = state { task.cancel() }
        state = .stopped
    }
}
