import NIOCore

/// Closes a connection that NIO's `IdleStateHandler` found silent (nothing read or written
/// for the idle timeout) unless it is waiting for us: a request in progress or a stream
/// open, or work that ended within the timeout without a reply (a notification), so silent
/// clients cannot hold connection slots forever and busy ones are never cut off. When it
/// keeps a connection, the idle handler looks again a timeout later.
final class IdleConnectionCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let timeout: TimeAmount
    private let activity: ConnectionActivity

    init(timeout: TimeAmount, activity: ConnectionActivity) {
        self.timeout = timeout
        self.activity = activity
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard case IdleStateHandler.IdleStateEvent.all = event else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        if !activity.isBusy && .now() - activity.lastEndedAt >= timeout {
            context.close(promise: nil)
        }
    }
}
